-- Campaigns and touches (issue 19): what marketing spent, and which campaign or channel reached
-- each contact when. A contact's first touch is its earliest row here, its latest the last one;
-- the attribution rules (packages/contract/src/metrics.ts, ATTRIBUTION) read nothing else.
create table campaigns (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  channel text not null,
  starts_on date not null,
  ends_on date not null,
  cost_amount bigint not null check (cost_amount >= 0),
  cost_currency text not null,
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index campaigns_workspace on campaigns (workspace_id, id);

create table contact_touches (
  id bigint generated always as identity primary key,
  workspace_id text not null references workspaces (id),
  contact_id text not null references contacts (id),
  campaign_id text references campaigns (id),
  source text not null,
  touched_at timestamptz not null
);
-- A contact's touches in order (first, latest, the latest before an order).
create index contact_touches_contact on contact_touches (contact_id, touched_at, id);
create index contact_touches_campaign on contact_touches (workspace_id, campaign_id);

-- The stage metrics read a contact's changes in order after an entry.
create index lifecycle_changes_contact_order on lifecycle_changes (contact_id, changed_at, id);

grant select, insert, update, delete on campaigns, contact_touches to chorus_app;
grant usage on all sequences in schema public to chorus_app;
alter table campaigns enable row level security;
create policy tenant_isolation on campaigns
  using (workspace_id = current_setting('chorus.workspace_id', true))
  with check (workspace_id = current_setting('chorus.workspace_id', true));
alter table contact_touches enable row level security;
create policy tenant_isolation on contact_touches
  using (workspace_id = current_setting('chorus.workspace_id', true))
  with check (workspace_id = current_setting('chorus.workspace_id', true));
