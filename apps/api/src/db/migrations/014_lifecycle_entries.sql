-- Stage entries kept beside the lifecycle changes (issue 14): each change with what the stage
-- metrics, the funnel and its entry list ask of it, maintained by triggers in the transaction of
-- every write to lifecycle_changes. A contact's first entry into a stage within a range is then one
-- index range with a filter (its previous entry into that stage came before the range), and whether
-- it converted is a column, where each range used to sort its entries by contact and look the next
-- change up for each (at ~100k deals, the stage conversion rate took 48 ms of the dashboard).
-- Definitions as in src/domain/marketing-sql.ts (stageEntries): changes are ordered by
-- (changed_at, id); the funnel is the contract's FUNNEL_STAGES, in this order:
create function funnel_position(stage text) returns integer language sql immutable as $$
  select array_position(array['subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity',
    'customer', 'evangelist']::text[], stage)
$$;

create table lifecycle_entries (
  workspace_id text not null references workspaces (id),
  change_id bigint not null,
  contact_id text not null,
  to_stage text not null,
  from_stage text,
  changed_at timestamptz not null,
  -- The contact's previous change into this same stage; null the first time.
  previous_at timestamptz,
  -- The contact's first later change into a later funnel stage; null while there is none.
  next_at timestamptz,
  primary key (workspace_id, change_id)
);
create index lifecycle_entries_stage on lifecycle_entries (workspace_id, to_stage, changed_at)
  include (contact_id, previous_at, next_at, from_stage);
create index lifecycle_entries_contact on lifecycle_entries (workspace_id, contact_id);

grant select, insert, update, delete on lifecycle_entries to chorus_app;
alter table lifecycle_entries enable row level security;
create policy tenant_isolation on lifecycle_entries
  using (workspace_id = current_setting('chorus.workspace_id', true))
  with check (workspace_id = current_setting('chorus.workspace_id', true));

-- These contacts' entries again from their changes (a contact has a handful).
create function lifecycle_entries_refresh(ws text, contact_ids text[]) returns void language sql as $$
  delete from lifecycle_entries where workspace_id = ws and contact_id = any(contact_ids);
  insert into lifecycle_entries (workspace_id, change_id, contact_id, to_stage, from_stage, changed_at, previous_at, next_at)
  select lc.workspace_id, lc.id, lc.contact_id, lc.to_stage, lc.from_stage, lc.changed_at,
    lag(lc.changed_at) over (partition by lc.contact_id, lc.to_stage order by lc.changed_at, lc.id),
    (select min(nx.changed_at) from lifecycle_changes nx
      where nx.contact_id = lc.contact_id and (nx.changed_at, nx.id) > (lc.changed_at, lc.id)
        and funnel_position(nx.to_stage) > funnel_position(lc.to_stage))
  from lifecycle_changes lc where lc.workspace_id = ws and lc.contact_id = any(contact_ids);
$$;

-- Through the one trigger function of the kept tables (migration 013).
create trigger lifecycle_entries_insert after insert on lifecycle_changes referencing new table as new_rows
  for each statement execute function kept_tables_refresh('lifecycle_entries_refresh', 'contact_id');
create trigger lifecycle_entries_update after update on lifecycle_changes referencing old table as old_rows new table as new_rows
  for each statement execute function kept_tables_refresh('lifecycle_entries_refresh', 'contact_id');
create trigger lifecycle_entries_delete after delete on lifecycle_changes referencing old table as old_rows
  for each statement execute function kept_tables_refresh('lifecycle_entries_refresh', 'contact_id');

create function lifecycle_entries_rebuild(ws text) returns void language sql as $$
  delete from lifecycle_entries where workspace_id = ws;
  select lifecycle_entries_refresh(ws, array(
    select distinct contact_id from lifecycle_changes where workspace_id = ws));
$$;

-- One function still rebuilds everything kept for a workspace (see 013).
create or replace function metric_rollups_rebuild(ws text) returns void language sql as $$
  select metric_sums_rebuild(ws);
  select attribution_rebuild(ws);
  select lifecycle_entries_rebuild(ws);
$$;

select lifecycle_entries_rebuild(id) from workspaces;
