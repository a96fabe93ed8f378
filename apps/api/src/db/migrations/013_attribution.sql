-- Attribution kept beside the rows (issue 14): each contact's first touch, and each order's credited
-- campaign under both models, maintained by triggers in the transaction of every write to touches,
-- orders or a contact's creation facts. The marketing metrics read ranges of these tables' indexes
-- instead of looking up a contact's touches for every order and lead of every range (at ~100k deals,
-- campaign ROI took 197 ms and cost per lead 134 ms of a 422 ms dashboard, each a lookup per row).
-- The definitions are the contract's ATTRIBUTION, as in src/domain/marketing-sql.ts: a contact's
-- first touch is its earliest (of two at one moment, the one recorded first); an order's last touch
-- is the latest at or before the order. Keyed by workspace first, like every table (see README).

-- A row for each contact with at least one touch; its creation facts are copied so that a range of
-- leads is one index range.
create table contact_first_touches (
  workspace_id text not null references workspaces (id),
  contact_id text not null,
  contact_created_at timestamptz not null,
  -- The contact came in at a lead stage (contract LEAD_STAGES): it counts as a lead when created.
  lead boolean not null,
  campaign_id text,
  source text not null,
  primary key (workspace_id, contact_id)
);
create index contact_first_touches_created on contact_first_touches (workspace_id, contact_created_at)
  include (lead, campaign_id);

-- A row for each order credited to a campaign under either model.
create table order_credits (
  workspace_id text not null references workspaces (id),
  order_id text not null,
  ordered_at timestamptz not null,
  amount bigint not null,
  first_campaign_id text,
  last_campaign_id text,
  primary key (workspace_id, order_id)
);
create index order_credits_ordered on order_credits (workspace_id, ordered_at)
  include (amount, first_campaign_id, last_campaign_id);

grant select, insert, update, delete on contact_first_touches, order_credits to chorus_app;
alter table contact_first_touches enable row level security;
create policy tenant_isolation on contact_first_touches
  using (workspace_id = current_setting('chorus.workspace_id', true))
  with check (workspace_id = current_setting('chorus.workspace_id', true));
alter table order_credits enable row level security;
create policy tenant_isolation on order_credits
  using (workspace_id = current_setting('chorus.workspace_id', true))
  with check (workspace_id = current_setting('chorus.workspace_id', true));

-- These orders' credits again from the rows (an order gone leaves none).
create function order_credits_refresh(ws text, order_ids text[]) returns void language sql as $$
  delete from order_credits where workspace_id = ws and order_id = any(order_ids);
  insert into order_credits (workspace_id, order_id, ordered_at, amount, first_campaign_id, last_campaign_id)
  select * from (
    select o.workspace_id, o.id, o.ordered_at, o.amount,
      (select t.campaign_id from contact_touches t where t.contact_id = o.contact_id
        order by t.touched_at, t.id limit 1) as first_campaign_id,
      (select t.campaign_id from contact_touches t where t.contact_id = o.contact_id and t.touched_at <= o.ordered_at
        order by t.touched_at desc, t.id desc limit 1) as last_campaign_id
    from orders o where o.workspace_id = ws and o.id = any(order_ids)
  ) x
  where x.first_campaign_id is not null or x.last_campaign_id is not null;
$$;

-- These contacts' first touches, and the credits of their orders, again from the rows.
create function contact_attribution_refresh(ws text, contact_ids text[]) returns void language sql as $$
  delete from contact_first_touches where workspace_id = ws and contact_id = any(contact_ids);
  insert into contact_first_touches (workspace_id, contact_id, contact_created_at, lead, campaign_id, source)
  select distinct on (t.contact_id) t.workspace_id, t.contact_id, c.created_at,
    c.initial_stage in ('subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity'),
    t.campaign_id, t.source
  from contact_touches t join contacts c on c.id = t.contact_id
  where t.workspace_id = ws and t.contact_id = any(contact_ids)
  order by t.contact_id, t.touched_at, t.id;
  select order_credits_refresh(ws, array(
    select o.id from orders o where o.workspace_id = ws and o.contact_id = any(contact_ids)));
$$;

-- Statement-level, like the rollups' triggers: the refresh named by the trigger's first argument runs
-- once for each workspace the statement wrote to, with the distinct values of the column named by its
-- second among the rows before and after. A bulk load that defers the rollups (metric_rollups_deferred)
-- rebuilds these at its end too. Transition tables are visible to EXECUTE within the trigger.
create function kept_tables_refresh() returns trigger language plpgsql as $$
declare
  w record;
begin
  if metric_rollups_deferred() then return null; end if;
  for w in execute format(
    'select workspace_id, array_agg(distinct %I) as ids from (%s) x group by workspace_id',
    TG_ARGV[1],
    concat_ws(' union all ',
      case when TG_OP <> 'INSERT' then format('select workspace_id, %I from old_rows', TG_ARGV[1]) end,
      case when TG_OP <> 'DELETE' then format('select workspace_id, %I from new_rows', TG_ARGV[1]) end))
  loop
    execute format('select %I($1, $2)', TG_ARGV[0]) using w.workspace_id, w.ids;
  end loop;
  return null;
end
$$;

-- The API never changes a contact's creation time or initial stage; a repair that does still moves its
-- first-touch row. Row-level with a condition: an ordinary contact update does not fire it.
create function attribution_contacts() returns trigger language plpgsql as $$
begin
  if metric_rollups_deferred() then return null; end if;
  perform contact_attribution_refresh(new.workspace_id, array[new.id]);
  return null;
end
$$;

create trigger attribution_insert after insert on contact_touches referencing new table as new_rows
  for each statement execute function kept_tables_refresh('contact_attribution_refresh', 'contact_id');
create trigger attribution_update after update on contact_touches referencing old table as old_rows new table as new_rows
  for each statement execute function kept_tables_refresh('contact_attribution_refresh', 'contact_id');
create trigger attribution_delete after delete on contact_touches referencing old table as old_rows
  for each statement execute function kept_tables_refresh('contact_attribution_refresh', 'contact_id');
create trigger attribution_insert after insert on orders referencing new table as new_rows
  for each statement execute function kept_tables_refresh('order_credits_refresh', 'id');
create trigger attribution_update after update on orders referencing old table as old_rows new table as new_rows
  for each statement execute function kept_tables_refresh('order_credits_refresh', 'id');
create trigger attribution_delete after delete on orders referencing old table as old_rows
  for each statement execute function kept_tables_refresh('order_credits_refresh', 'id');
create trigger attribution_contact_facts after update on contacts for each row
  when (old.created_at is distinct from new.created_at or old.initial_stage is distinct from new.initial_stage)
  execute function attribution_contacts();

-- Everything again for one workspace: after a bulk load, or to repair.
create function attribution_rebuild(ws text) returns void language sql as $$
  delete from contact_first_touches where workspace_id = ws;
  delete from order_credits where workspace_id = ws;
  select contact_attribution_refresh(ws, array(
    select distinct contact_id from contact_touches where workspace_id = ws));
$$;

-- metric_rollups_rebuild (006) is what a bulk load calls at its end and what repairs a workspace;
-- it now rebuilds the attribution as well, so callers keep calling one function.
alter function metric_rollups_rebuild(text) rename to metric_sums_rebuild;
create function metric_rollups_rebuild(ws text) returns void language sql as $$
  select metric_sums_rebuild(ws);
  select attribution_rebuild(ws);
$$;

select attribution_rebuild(id) from workspaces;
