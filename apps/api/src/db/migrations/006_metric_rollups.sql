-- Rollups for the metrics. Every metric but the two medians is made of running sums of events, one
-- "family" each: as of a moment (open pipeline, weighted pipeline, revenue and buyers so far,
-- customers at a moment: +x when something starts counting, -x when it stops) or, for a range
-- [s, e), the sum at e minus the sum at s (deals won and closed, lost value, orders, ratings by
-- scale, churned customers, leads and converted leads by creation).
-- metric_events keeps those sums per exact moment, metric_hours per hour, metric_days per UTC day,
-- all per workspace and family. A sum before a moment p is the days before p's day, plus the hours
-- of that day before p's hour, plus the moments of that hour before p: a dashboard reads a few
-- hundred days and a few dozen rows per range end, not every row of history.
--
-- Statement triggers with transition tables keep these tables right in the transaction of every
-- write (on PGlite and PostgreSQL alike): each write takes away the events of the rows it replaced
-- and adds those of the rows it wrote. Bulk loads may set chorus.metric_rollups_deferred to 'on'
-- for their transaction and call metric_rollups_rebuild(workspace) once at the end.
create table metric_events (
  workspace_id text not null references workspaces (id),
  family text not null,
  at timestamptz not null,
  delta numeric not null,
  primary key (workspace_id, family, at) include (delta)
);

create table metric_hours (
  workspace_id text not null references workspaces (id),
  family text not null,
  hour timestamptz not null,
  delta numeric not null,
  primary key (workspace_id, family, hour) include (delta)
);

create table metric_days (
  workspace_id text not null references workspaces (id),
  family text not null,
  day date not null,
  delta numeric not null,
  primary key (workspace_id, family, day) include (delta)
);

-- Time to conversion is a median, which no sum gives: each converted lead's first change to
-- customer and its days since creation are kept instead, so a range reads only its conversions.
create table metric_conversions (
  workspace_id text not null references workspaces (id),
  contact_id text not null references contacts (id),
  converted_at timestamptz not null,
  days double precision not null,
  primary key (workspace_id, contact_id)
);
create index metric_conversions_at on metric_conversions (workspace_id, converted_at) include (days);

alter table metric_conversions enable row level security;
create policy tenant_isolation on metric_conversions using (workspace_id = current_setting('chorus.workspace_id', true)) with check (workspace_id = current_setting('chorus.workspace_id', true));
alter table metric_events enable row level security;
create policy tenant_isolation on metric_events using (workspace_id = current_setting('chorus.workspace_id', true)) with check (workspace_id = current_setting('chorus.workspace_id', true));
alter table metric_hours enable row level security;
create policy tenant_isolation on metric_hours using (workspace_id = current_setting('chorus.workspace_id', true)) with check (workspace_id = current_setting('chorus.workspace_id', true));
alter table metric_days enable row level security;
create policy tenant_isolation on metric_days using (workspace_id = current_setting('chorus.workspace_id', true)) with check (workspace_id = current_setting('chorus.workspace_id', true));
grant select, insert, update, delete on metric_events, metric_hours, metric_days, metric_conversions to chorus_app;

create type metric_delta as (workspace_id text, family text, at timestamptz, delta numeric);

-- Adds events to the three tables (a sum per moment, hour and day; events at one moment merge).
create function metric_add(deltas metric_delta[]) returns void language sql as $$
  with d as (select * from unnest(deltas) where delta <> 0),
  moments as (
    insert into metric_events as m (workspace_id, family, at, delta)
    select workspace_id, family, at, sum(delta) from d group by 1, 2, 3 having sum(delta) <> 0
    on conflict (workspace_id, family, at) do update set delta = m.delta + excluded.delta
  ),
  hours as (
    insert into metric_hours as m (workspace_id, family, hour, delta)
    select workspace_id, family, date_trunc('hour', at, 'UTC'), sum(delta) from d group by 1, 2, 3 having sum(delta) <> 0
    on conflict (workspace_id, family, hour) do update set delta = m.delta + excluded.delta
  )
  insert into metric_days as m (workspace_id, family, day, delta)
  select workspace_id, family, (at at time zone 'UTC')::date, sum(delta) from d group by 1, 2, 3
  having sum(delta) <> 0
  on conflict (workspace_id, family, day) do update set delta = m.delta + excluded.delta
$$;

-- Whether this transaction loads in bulk and rebuilds the rollups at its end instead.
create function metric_rollups_deferred() returns boolean language sql stable as $$
  select coalesce(current_setting('chorus.metric_rollups_deferred', true), '') = 'on'
$$;

-- Open pipeline: a deal counts from its creation until it closes (never before it was created).
-- Win rate and lost sales: deals won, closed (won or lost) and the value lost, when they closed.
create function metric_deal_events(d deals, sign integer) returns setof metric_delta language sql immutable as $$
  select d.workspace_id, ev.f, ev.t, sign * ev.v
  from (values
    ('pipeline', d.created_at, d.value_amount::numeric),
    ('pipeline', case when d.closed_at is null then null else greatest(d.created_at, d.closed_at) end, -d.value_amount::numeric),
    (case when d.status in ('won', 'lost') then 'closed' end, d.closed_at, 1::numeric),
    (case when d.status = 'won' then 'won' end, d.closed_at, 1::numeric),
    (case when d.status = 'lost' then 'lost_value' end, d.closed_at, d.value_amount::numeric)
  ) ev(f, t, v)
  where ev.f is not null and ev.t is not null
$$;

-- Weighted pipeline: each stage a deal sat in counts at its probability while the deal was in it
-- and open (least/greatest skip nulls: a span still running ends when the deal closes, if it has).
create function metric_span_events(h deal_stage_history, d deals, p double precision, sign integer)
returns setof metric_delta language sql immutable as $$
  select h.workspace_id, 'weighted', ev.t, sign * ev.v
  from (select greatest(h.entered_at, d.created_at) as lo, least(h.left_at, d.closed_at) as hi,
          (d.value_amount * p)::numeric as w) s
  cross join lateral (values
    (s.lo, s.w),
    (case when s.hi is null then null else greatest(s.lo, s.hi) end, -s.w)
  ) ev(t, v)
  where ev.t is not null
$$;

-- Revenue and the count of orders (lifetime value, average order value), and the orders of
-- companies with a wallet (share of wallet).
create function metric_order_events(o orders, has_wallet boolean, sign integer)
returns setof metric_delta language sql immutable as $$
  select o.workspace_id, f.family, o.ordered_at, sign * f.v
  from (values
    ('revenue', o.amount::numeric),
    ('orders', 1::numeric),
    (case when has_wallet then 'wallet' end, o.amount::numeric)
  ) f(family, v)
  where f.family is not null
$$;

-- Ratings by scale: count and sum of stars, NPS promoters and detractors, satisfied CSAT answers.
create function metric_rating_events(x ratings, sign integer) returns setof metric_delta language sql immutable as $$
  select x.workspace_id, f.family, x.created_at, sign * f.v
  from (values
    (case when x.scale = 'stars5' then 'stars5_count' end, 1::numeric),
    (case when x.scale = 'stars5' then 'stars5_sum' end, x.score::numeric),
    (case when x.scale = 'nps10' then 'nps_count' end, 1::numeric),
    (case when x.scale = 'nps10' and x.score >= 9 then 'nps_promoters' end, 1::numeric),
    (case when x.scale = 'nps10' and x.score <= 6 then 'nps_detractors' end, 1::numeric),
    (case when x.scale = 'csat5' then 'csat_count' end, 1::numeric),
    (case when x.scale = 'csat5' and x.score >= 4 then 'csat_satisfied' end, 1::numeric)
  ) f(family, v)
  where f.family is not null
$$;

create function metric_rollup_ratings() returns trigger language plpgsql as $$
declare
  gone ratings[] := '{}';
  came ratings[] := '{}';
begin
  if metric_rollups_deferred() then return null; end if;
  if TG_OP <> 'INSERT' then gone := array(select x from old_rows x); end if;
  if TG_OP <> 'DELETE' then came := array(select x from new_rows x); end if;
  perform metric_add(array(
    select row(e.*)::metric_delta from unnest(gone) x cross join lateral metric_rating_events(x, -1) e
    union all
    select row(e.*)::metric_delta from unnest(came) x cross join lateral metric_rating_events(x, 1) e
  ));
  return null;
end
$$;

-- Lead conversion: contacts whose first stage was a lead stage, by when they were created, and
-- those of them who became customers at any time (so a lifecycle change can move a contact in or out).
create function metric_contact_events(c contacts, converted boolean, sign integer)
returns setof metric_delta language sql immutable as $$
  select c.workspace_id, f.family, c.created_at, sign::numeric
  from (values ('leads'), (case when converted then 'converted_leads' end)) f(family)
  where f.family is not null
    and c.initial_stage in ('subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity')
$$;

-- Recomputes the conversions of these contacts from their rows now: a lead's first change to customer.
create function metric_refresh_conversions(ids text[]) returns void language sql as $$
  delete from metric_conversions where contact_id = any(ids);
  insert into metric_conversions (workspace_id, contact_id, converted_at, days)
  select c.workspace_id, c.id, f.at, (extract(epoch from (f.at - c.created_at)) / 86400)::float8
  from contacts c
    cross join lateral (
      select min(l.changed_at) as at from lifecycle_changes l where l.contact_id = c.id and l.to_stage = 'customer'
    ) f
  where c.id = any(ids) and f.at is not null
    and c.initial_stage in ('subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity');
$$;

create function metric_rollup_contacts() returns trigger language plpgsql as $$
declare
  gone contacts[] := '{}';
  came contacts[] := '{}';
begin
  if metric_rollups_deferred() then return null; end if;
  if TG_OP <> 'INSERT' then gone := array(select c from old_rows c); end if;
  if TG_OP <> 'DELETE' then came := array(select c from new_rows c); end if;
  perform metric_add(array(
    select row(e.*)::metric_delta from unnest(gone) c
      cross join lateral metric_contact_events(c, exists (
        select 1 from lifecycle_changes l where l.contact_id = c.id and l.to_stage = 'customer'), -1) e
    union all
    select row(e.*)::metric_delta from unnest(came) c
      cross join lateral metric_contact_events(c, exists (
        select 1 from lifecycle_changes l where l.contact_id = c.id and l.to_stage = 'customer'), 1) e
  ));
  perform metric_refresh_conversions(array(select id from unnest(gone) union select id from unnest(came)));
  return null;
end
$$;

-- Deals: open pipeline, and the weighted spans when a deal's value or dates change (a move
-- between open stages or a new title changes neither). A deal's spans come and go with its
-- deal_stage_history rows, which reference it, so inserts and deletes of deals need only the first.
create function metric_rollup_deals() returns trigger language plpgsql as $$
declare
  gone deals[] := '{}';
  came deals[] := '{}';
begin
  if metric_rollups_deferred() then return null; end if;
  if TG_OP <> 'INSERT' then gone := array(select d from old_rows d); end if;
  if TG_OP <> 'DELETE' then came := array(select d from new_rows d); end if;
  perform metric_add(array(
    select row(e.*)::metric_delta from unnest(gone) d cross join lateral metric_deal_events(d, -1) e
    union all
    select row(e.*)::metric_delta from unnest(came) d cross join lateral metric_deal_events(d, 1) e
    union all
    select row(e.*)::metric_delta from unnest(gone) o join unnest(came) n on n.id = o.id
      join deal_stage_history h on h.workspace_id = n.workspace_id and h.deal_id = n.id
      join stages s on s.id = h.stage_id
      cross join lateral (
        select * from metric_span_events(h, o, s.probability, -1)
        union all select * from metric_span_events(h, n, s.probability, 1)
      ) e
    where (o.value_amount, o.created_at, o.closed_at) is distinct from (n.value_amount, n.created_at, n.closed_at)
  ));
  return null;
end
$$;

create function metric_rollup_deal_stage_history() returns trigger language plpgsql as $$
declare
  gone deal_stage_history[] := '{}';
  came deal_stage_history[] := '{}';
begin
  if metric_rollups_deferred() then return null; end if;
  if TG_OP <> 'INSERT' then gone := array(select h from old_rows h); end if;
  if TG_OP <> 'DELETE' then came := array(select h from new_rows h); end if;
  perform metric_add(array(
    select row(e.*)::metric_delta from unnest(gone) h join deals d on d.id = h.deal_id join stages s on s.id = h.stage_id
      cross join lateral metric_span_events(h, d, s.probability, -1) e
    union all
    select row(e.*)::metric_delta from unnest(came) h join deals d on d.id = h.deal_id join stages s on s.id = h.stage_id
      cross join lateral metric_span_events(h, d, s.probability, 1) e
  ));
  return null;
end
$$;

-- A stage's probability weighs every span spent in it.
create function metric_rollup_stages() returns trigger language plpgsql as $$
begin
  if metric_rollups_deferred() then return null; end if;
  perform metric_add(array(
    select row(e.*)::metric_delta from old_rows o join new_rows n on n.id = o.id
      join deal_stage_history h on h.workspace_id = n.workspace_id and h.stage_id = n.id
      join deals d on d.id = h.deal_id
      cross join lateral (
        select * from metric_span_events(h, d, o.probability, -1)
        union all select * from metric_span_events(h, d, n.probability, 1)
      ) e
    where o.probability is distinct from n.probability
  ));
  return null;
end
$$;

-- Orders: revenue and wallet orders row by row; buyers per contact (a contact counts from its first
-- order), recomputed for the contacts the write touched: their orders before it (the rows now, less
-- the rows written, plus the rows replaced) and after it.
create function metric_rollup_orders() returns trigger language plpgsql as $$
declare
  gone orders[] := '{}';
  came orders[] := '{}';
begin
  if metric_rollups_deferred() then return null; end if;
  if TG_OP <> 'INSERT' then gone := array(select o from old_rows o); end if;
  if TG_OP <> 'DELETE' then came := array(select o from new_rows o); end if;
  perform metric_add(array(
    with touched as (
      select contact_id from unnest(gone) union select contact_id from unnest(came)
    ),
    now_rows as (
      select o.* from orders o where o.contact_id in (select contact_id from touched)
    ),
    before_rows as (
      select * from now_rows where id not in (select id from unnest(came))
      union all select * from unnest(gone)
    )
    select row(e.*)::metric_delta from unnest(gone) o left join companies c on c.id = o.company_id
      cross join lateral metric_order_events(o, c.wallet_amount is not null, -1) e
    union all
    select row(e.*)::metric_delta from unnest(came) o left join companies c on c.id = o.company_id
      cross join lateral metric_order_events(o, c.wallet_amount is not null, 1) e
    union all
    select (workspace_id, 'buyers', min(ordered_at), -1)::metric_delta from before_rows group by workspace_id, contact_id
    union all
    select (workspace_id, 'buyers', min(ordered_at), 1)::metric_delta from now_rows group by workspace_id, contact_id
  ));
  return null;
end
$$;

-- A company gaining or losing its wallet brings its orders into share of wallet or takes them out.
create function metric_rollup_companies() returns trigger language plpgsql as $$
begin
  if metric_rollups_deferred() then return null; end if;
  perform metric_add(array(
    select (o.workspace_id, 'wallet', o.ordered_at, case when n.wallet_amount is null then -o.amount else o.amount end)::metric_delta
    from old_rows c join new_rows n on n.id = c.id
      join orders o on o.company_id = n.id
    where (c.wallet_amount is null) <> (n.wallet_amount is null)
  ));
  return null;
end
$$;

-- Customers at a moment (churn's base): a customer or evangelist stage counts from when it was
-- entered until the contact's next change. Recomputed for the contacts the write touched, as for buyers.
create function metric_customer_events(rows lifecycle_changes[], sign integer)
returns setof metric_delta language sql immutable as $$
  select s.workspace_id, 'customers', ev.t, sign * ev.v
  from (
    select workspace_id, to_stage, changed_at as since,
      lead(changed_at) over (partition by contact_id order by changed_at, id) as until
    from unnest(rows)
  ) s
  cross join lateral (values (s.since, 1::numeric), (s.until, -1::numeric)) ev(t, v)
  where s.to_stage in ('customer', 'evangelist') and ev.t is not null
$$;

-- Churn's numerator: changes from customer or evangelist to churned, when they happened.
create function metric_churn_events(l lifecycle_changes, sign integer) returns setof metric_delta language sql immutable as $$
  select l.workspace_id, 'churned', l.changed_at, sign::numeric
  where l.to_stage = 'churned' and l.from_stage in ('customer', 'evangelist')
$$;

create function metric_rollup_lifecycle_changes() returns trigger language plpgsql as $$
declare
  gone lifecycle_changes[] := '{}';
  came lifecycle_changes[] := '{}';
  before_rows lifecycle_changes[];
  now_rows lifecycle_changes[];
begin
  if metric_rollups_deferred() then return null; end if;
  if TG_OP <> 'INSERT' then gone := array(select l from old_rows l); end if;
  if TG_OP <> 'DELETE' then came := array(select l from new_rows l); end if;
  now_rows := array(
    select l from lifecycle_changes l
    where l.contact_id in (select contact_id from unnest(gone) union select contact_id from unnest(came))
  );
  before_rows := array(
    select l from unnest(now_rows) l where l.id not in (select id from unnest(came))
    union all select l from unnest(gone) l
  );
  perform metric_add(array(
    select row(e.*)::metric_delta from metric_customer_events(before_rows, -1) e
    union all select row(e.*)::metric_delta from metric_customer_events(now_rows, 1) e
    union all select row(e.*)::metric_delta from unnest(gone) l cross join lateral metric_churn_events(l, -1) e
    union all select row(e.*)::metric_delta from unnest(came) l cross join lateral metric_churn_events(l, 1) e
    -- Contacts who were (or were not) converted leads before this write and are not (or are) now.
    union all select row(e.*)::metric_delta
    from (select contact_id, bool_or(to_stage = 'customer') as converted from unnest(before_rows) group by 1) before_write
      full join (select contact_id, bool_or(to_stage = 'customer') as converted from unnest(now_rows) group by 1) after_write
        using (contact_id)
      join contacts c on c.id = contact_id
      cross join lateral metric_contact_events(c, true, case when coalesce(after_write.converted, false) then 1 else -1 end) e
    where coalesce(before_write.converted, false) <> coalesce(after_write.converted, false) and e.family = 'converted_leads'
  ));
  perform metric_refresh_conversions(array(select contact_id from unnest(gone) union select contact_id from unnest(came)));
  return null;
end
$$;

-- Transition tables allow one event per trigger: three triggers per table, one function.
do $$
declare t text;
begin
  foreach t in array array['contacts', 'deals', 'deal_stage_history', 'orders', 'ratings', 'lifecycle_changes'] loop
    execute format('create trigger metric_rollups_insert after insert on %I referencing new table as new_rows for each statement execute function metric_rollup_%s()', t, t);
    execute format('create trigger metric_rollups_update after update on %I referencing old table as old_rows new table as new_rows for each statement execute function metric_rollup_%s()', t, t);
    execute format('create trigger metric_rollups_delete after delete on %I referencing old table as old_rows for each statement execute function metric_rollup_%s()', t, t);
  end loop;
end
$$;
create trigger metric_rollups_update after update on stages referencing old table as old_rows new table as new_rows for each statement execute function metric_rollup_stages();
create trigger metric_rollups_update after update on companies referencing old table as old_rows new table as new_rows for each statement execute function metric_rollup_companies();

-- Everything again from the rows, for one workspace: after a bulk load (which defers the
-- triggers), or to repair. Uses the same event functions as the triggers.
create function metric_rollups_rebuild(ws text) returns void language sql as $$
  delete from metric_events where workspace_id = ws;
  delete from metric_hours where workspace_id = ws;
  delete from metric_days where workspace_id = ws;
  delete from metric_conversions where workspace_id = ws;
  insert into metric_conversions (workspace_id, contact_id, converted_at, days)
  select c.workspace_id, c.id, f.at, (extract(epoch from (f.at - c.created_at)) / 86400)::float8
  from contacts c
    join (
      select contact_id, min(changed_at) as at from lifecycle_changes
      where workspace_id = ws and to_stage = 'customer' group by contact_id
    ) f on f.contact_id = c.id
  where c.workspace_id = ws
    and c.initial_stage in ('subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity');
  with ev as materialized (
    select e.* from deals d cross join lateral metric_deal_events(d, 1) e where d.workspace_id = ws
    union all
    select e.* from deal_stage_history h join deals d on d.id = h.deal_id join stages s on s.id = h.stage_id
      cross join lateral metric_span_events(h, d, s.probability, 1) e
    where h.workspace_id = ws
    union all
    select e.* from orders o left join companies c on c.id = o.company_id
      cross join lateral metric_order_events(o, c.wallet_amount is not null, 1) e
    where o.workspace_id = ws
    union all
    select workspace_id, 'buyers', min(ordered_at), 1 from orders where workspace_id = ws group by workspace_id, contact_id
    union all
    select e.* from ratings x cross join lateral metric_rating_events(x, 1) e where x.workspace_id = ws
    union all
    select e.* from contacts c
      cross join lateral metric_contact_events(c, exists (
        select 1 from lifecycle_changes l where l.contact_id = c.id and l.to_stage = 'customer'), 1) e
    where c.workspace_id = ws
    union all
    select e.* from lifecycle_changes l cross join lateral metric_churn_events(l, 1) e where l.workspace_id = ws
    union all
    -- The same spans as metric_customer_events, over the whole table instead of an array of rows.
    select s.workspace_id, 'customers', ev.t, ev.v
    from (
      select workspace_id, to_stage, changed_at as since,
        lead(changed_at) over (partition by contact_id order by changed_at, id) as until
      from lifecycle_changes where workspace_id = ws
    ) s
    cross join lateral (values (s.since, 1::numeric), (s.until, -1::numeric)) ev(t, v)
    where s.to_stage in ('customer', 'evangelist') and ev.t is not null
  ),
  moments as (
    insert into metric_events (workspace_id, family, at, delta)
    select workspace_id, family, at, sum(delta) from ev group by 1, 2, 3 having sum(delta) <> 0
  ),
  hours as (
    insert into metric_hours (workspace_id, family, hour, delta)
    select workspace_id, family, date_trunc('hour', at, 'UTC'), sum(delta) from ev group by 1, 2, 3 having sum(delta) <> 0
  )
  insert into metric_days (workspace_id, family, day, delta)
  select workspace_id, family, (at at time zone 'UTC')::date, sum(delta) from ev group by 1, 2, 3
  having sum(delta) <> 0;
$$;
