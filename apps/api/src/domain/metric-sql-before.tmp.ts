import type { MetricName } from '@chorus/contract';

/**
 * One query per metric that answers every range at once: `$1` is the workspace, and the CTE `r`
 * holds the ranges (`s`, `e`, ordinal `i`: the period, the previous period, then each bucket).
 * Each query returns `(i, v)` for every range.
 *
 * Two shapes, chosen by what a metric reads:
 * - **In the range** (win rate, ratings, orders in the period…): a lateral subquery per range that
 *   walks an index on `(workspace_id, time)`, so it reads only the rows inside the ranges.
 * - **As of a moment** (pipeline value at the end of a bucket, buyers so far, customers at the
 *   start): instead of scanning all history once per range, each row becomes events (`+x` when it
 *   starts counting, `-x` when it stops) that are read once, put in the gap between sorted range
 *   bounds with `width_bucket`, and summed cumulatively (`sumBefore`).
 *
 * The definitions are the contract's, word for word; `test/support/reference-metric-sql.ts` keeps
 * them written for clarity (one scan per range), and a property test holds these to them.
 */

/** The ranges, from the query's two arrays. */
export const RANGES_CTE = `r as materialized (
  select s, e, i from unnest($2::timestamptz[], $3::timestamptz[]) with ordinality as r(s, e, i)
)`;

/**
 * CTEs ending in `name(i, v)`: for each range `i`, the sum of `d` over `events(t, d)` with
 * `t` strictly before the range's `point` (an expression over `r`). Events with a null `t` never count.
 * The events are read once (materialized: left inline, PostgreSQL would re-read them per range).
 */
export function sumBefore(name: string, events: string, point: string): string {
  return `${name}_p as (select i, ${point} as p from r),
  ${name}_b as (select array_agg(p order by p) as bounds from (select distinct p from ${name}_p) x),
  ${name}_seg as materialized (
    select width_bucket(ev.t, b.bounds) as k, sum(ev.d) as d
    from (${events}) ev cross join ${name}_b b group by 1
  ),
  ${name}_cum as materialized (select k, sum(d) over (order by k) as c from ${name}_seg where k is not null),
  ${name} as (
    select p.i, coalesce((
      select c.c from ${name}_cum c where c.k < array_position(b.bounds, p.p) order by c.k desc limit 1
    ), 0) as v
    from ${name}_p p cross join ${name}_b b
  )`;
}

/** A metric read row by row inside each range: `sql` is a one-row subquery over `r.s`/`r.e`. */
const inRange = (sql: string) => `with ${RANGES_CTE}
  select r.i::int as i, m.v from r cross join lateral (${sql}) m`;

/** Contacts whose first stage was one of the lead stages (the ones conversion is counted from). */
const LEAD_STAGES = `('subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity')`;

export const METRIC_QUERIES: Record<MetricName, string> = {
  customer_lifetime_value: `with ${RANGES_CTE},
    ${sumBefore('revenue', 'select o.ordered_at as t, o.amount as d from orders o where o.workspace_id = $1', 'e')},
    ${sumBefore(
      'buyers',
      'select min(o.ordered_at) as t, 1 as d from orders o where o.workspace_id = $1 group by o.contact_id',
      'e',
    )}
    select revenue.i::int as i, revenue.v::float8 / nullif(buyers.v, 0) as v
    from revenue join buyers using (i)`,

  // Customers at the start of the range: a customer or evangelist stage counts from when it was
  // entered until the contact's next change (the next change is found by index, for those stages only).
  churn_rate: `with ${RANGES_CTE},
    spans as materialized (
      select lc.changed_at as since, (
        select n.changed_at from lifecycle_changes n
        where n.workspace_id = $1 and n.contact_id = lc.contact_id and (n.changed_at, n.id) > (lc.changed_at, lc.id)
        order by n.changed_at, n.id limit 1
      ) as until
      from lifecycle_changes lc
      where lc.workspace_id = $1 and lc.to_stage in ('customer', 'evangelist')
    ),
    ${sumBefore(
      'base',
      'select since as t, 1 as d from spans union all select until, -1 from spans where until is not null',
      's',
    )},
    churned as (
      select r.i, (
        select count(*) from lifecycle_changes lc
        where lc.workspace_id = $1 and lc.to_stage = 'churned' and lc.from_stage in ('customer', 'evangelist')
          and lc.changed_at >= r.s and lc.changed_at < r.e
      ) as v from r
    )
    select churned.i::int as i, churned.v::float8 / nullif(base.v, 0) as v from churned join base using (i)`,

  lead_conversion_rate: inRange(`
    select avg(case when exists (
      select 1 from lifecycle_changes lc
      where lc.workspace_id = $1 and lc.contact_id = c.id and lc.to_stage = 'customer'
    ) then 1.0 else 0.0 end)::float8 as v
    from contacts c
    where c.workspace_id = $1 and c.created_at >= r.s and c.created_at < r.e
      and c.initial_stage in ${LEAD_STAGES}`),

  // A contact's first change to customer falls in the range when one does and none came before it.
  time_to_conversion: inRange(`
    select percentile_cont(0.5) within group (order by extract(epoch from (f.at - c.created_at)) / 86400)::float8 as v
    from (
      select lc.contact_id, min(lc.changed_at) as at from lifecycle_changes lc
      where lc.workspace_id = $1 and lc.to_stage = 'customer' and lc.changed_at >= r.s and lc.changed_at < r.e
        and not exists (
          select 1 from lifecycle_changes p
          where p.workspace_id = $1 and p.contact_id = lc.contact_id and p.to_stage = 'customer'
            and p.changed_at < lc.changed_at
        )
      group by lc.contact_id
    ) f
    join contacts c on c.id = f.contact_id
    where c.initial_stage in ${LEAD_STAGES}`),

  win_rate: inRange(`
    select (count(*) filter (where d.status = 'won'))::float8 / nullif(count(*), 0) as v
    from deals d where d.workspace_id = $1 and d.status in ('won', 'lost') and d.closed_at >= r.s and d.closed_at < r.e`),

  // Open at the end of the range: a deal counts from its creation until it closes.
  pipeline_value: `with ${RANGES_CTE},
    ${sumBefore(
      'open_value',
      `select ev.t, ev.d from deals d cross join lateral (values
         (d.created_at, d.value_amount),
         (case when d.closed_at is null then null else greatest(d.created_at, d.closed_at) end, -d.value_amount)
       ) ev(t, d)
       where d.workspace_id = $1`,
      'e',
    )}
    select i::int, v::float8 from open_value`,

  // Each stage a deal sat in counts at its stage's probability while the deal was in it and open.
  // A span that ended before the earliest range end adds and removes its weight before every
  // bound, so only deals open or closed since then are read.
  weighted_pipeline_value: `with ${RANGES_CTE},
    spans as (
      select d.value_amount * s.probability as w,
        greatest(h.entered_at, d.created_at) as lo,
        least(h.left_at, d.closed_at) as hi
      from deals d
      join deal_stage_history h on h.workspace_id = $1 and h.deal_id = d.id
      join stages s on s.id = h.stage_id
      where d.workspace_id = $1
        and (d.closed_at is null or d.closed_at >= (select min(e) from r))
        and (h.left_at is null or h.left_at >= (select min(e) from r))
    ),
    ${sumBefore(
      'weighted',
      `select ev.t, ev.d from spans cross join lateral (values
         (spans.lo, spans.w),
         (case when spans.hi is null then null else greatest(spans.lo, spans.hi) end, -spans.w)
       ) ev(t, d)`,
      'e',
    )}
    select i::int, v::float8 from weighted`,

  lost_sales: inRange(`
    select coalesce(sum(d.value_amount), 0)::float8 as v
    from deals d where d.workspace_id = $1 and d.status = 'lost' and d.closed_at >= r.s and d.closed_at < r.e`),

  average_order_value: inRange(`
    select avg(o.amount)::float8 as v from orders o where o.workspace_id = $1 and o.ordered_at >= r.s and o.ordered_at < r.e`),

  average_rating: inRange(`
    select avg(x.score)::float8 as v from ratings x
    where x.workspace_id = $1 and x.scale = 'stars5' and x.created_at >= r.s and x.created_at < r.e`),

  nps: inRange(`
    select ((count(*) filter (where x.score >= 9)) - (count(*) filter (where x.score <= 6)))::float8 * 100 / nullif(count(*), 0) as v
    from ratings x where x.workspace_id = $1 and x.scale = 'nps10' and x.created_at >= r.s and x.created_at < r.e`),

  csat: inRange(`
    select avg(case when x.score >= 4 then 1.0 else 0.0 end)::float8 as v from ratings x
    where x.workspace_id = $1 and x.scale = 'csat5' and x.created_at >= r.s and x.created_at < r.e`),

  issue_resolution_time: inRange(`
    select percentile_cont(0.5) within group (order by extract(epoch from (t.resolved_at - t.opened_at)) / 3600)::float8 as v
    from tickets t where t.workspace_id = $1 and t.resolved_at >= r.s and t.resolved_at < r.e`),

  // Orders of the trailing year at the end of the range: revenue before the end minus revenue
  // before a year earlier. Orders older than the earliest of those moments cancel out, so they are
  // not read. Read once (materialized): both sums below use them.
  share_of_wallet: `with ${RANGES_CTE},
    wallet_orders as materialized (
      select o.ordered_at as t, o.amount as d from orders o join companies co on co.id = o.company_id
      where o.workspace_id = $1 and co.wallet_amount is not null
        and o.ordered_at >= (select min(e) - interval '1 year' from r)
    ),
    ${sumBefore('until_end', 'select t, d from wallet_orders', 'e')},
    ${sumBefore('until_year_before', 'select t, d from wallet_orders', "e - interval '1 year'")},
    wallet as (
      select sum(co.wallet_amount) as total from companies co where co.workspace_id = $1 and co.wallet_amount is not null
    )
    select until_end.i::int as i, (until_end.v - until_year_before.v)::float8 / nullif(wallet.total, 0) as v
    from until_end join until_year_before using (i) cross join wallet`,
};
