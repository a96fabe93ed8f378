import type { MetricName } from '@chorus/contract';

/**
 * One query per metric that answers every range at once: `$1` is the workspace, and the CTE `r`
 * holds the ranges (`s`, `e`, ordinal `i`: the period, the previous period, then each bucket).
 * Each query returns `(i, v)` for every range.
 *
 * Every metric but the two medians is made of running sums kept by the rollups of migration 006
 * (`metric_days`, `metric_hours`, `metric_events`, maintained by triggers in the transaction of each
 * write): a family's sum strictly before a moment is its days before that moment's UTC day, plus
 * its hours of that day before the moment's hour, plus its moments of that hour before it.
 * A metric *as of a moment* (pipeline value at the end of a bucket, buyers so far, customers at
 * the start) reads the sum at that moment; a metric *in a range* (deals won,
 * orders, ratings…) reads the sum at the end minus the sum at the start. So a dashboard reads a
 * few hundred days and the hours at the ranges' ends, whatever the history's size.
 * The medians walk an index on `(workspace_id, time)` inside each range: tickets for resolution
 * time, and for time to conversion `metric_conversions` (each lead's first change to customer with
 * its days since creation, kept by the same triggers).
 *
 * The definitions are the contract's, word for word; `test/support/reference-metric-sql.ts` keeps
 * them written for clarity (one scan of the rows per range), and a property test holds these to them.
 */

/** The ranges, from the query's two arrays. */
export const RANGES_CTE = `r as materialized (
  select s, e, i from unnest($2::timestamptz[], $3::timestamptz[]) with ordinality as r(s, e, i)
)`;

/**
 * CTEs ending in `name(i, <family>…)`: for each range `i` and each family, the family's sum of
 * events strictly before the range's `point` (an expression over `r`). The days are summed
 * cumulatively once (`name_days`, as sorted arrays); each point adds the hours of its own day before its hour, and
 * the moments of its hour before it, both read by index.
 */
export function runningSums(name: string, families: string[], point: string): string {
  const list = families.map((f) => `'${f}'`).join(', ');
  // The last cumulative day before p's day, found by binary search (width_bucket) in the sorted days.
  const at = (family: string) => `coalesce((
      select d.cums[width_bucket(p.day - 1, d.days)] from ${name}_days d where d.family = '${family}'
    ), 0) + coalesce((
      select sum(h.delta) from metric_hours h
      where h.workspace_id = $1 and h.family = '${family}' and h.hour >= p.day_start and h.hour < p.hour_start
    ), 0) + coalesce((
      select sum(m.delta) from metric_events m
      where m.workspace_id = $1 and m.family = '${family}' and m.at >= p.hour_start and m.at < p.p
    ), 0) as ${family}`;
  return `${name}_days as materialized (
    select family, array_agg(day order by day) as days, array_agg(c order by day) as cums from (
      select family, day, sum(delta) over (partition by family order by day) as c
      from metric_days where workspace_id = $1 and family in (${list})
    ) x group by family
  ),
  ${name}_p as (
    select i, p, (p at time zone 'UTC')::date as day, date_trunc('day', p, 'UTC') as day_start,
      date_trunc('hour', p, 'UTC') as hour_start
    from (select i, ${point} as p from r) x
  ),
  ${name} as (select p.i, ${families.map(at).join(',\n    ')} from ${name}_p p)`;
}

/** Sums over each range [s, e): the running sums at the end minus those at the start. */
const inRangeSums = (families: string[]) =>
  `${runningSums('at_end', families, 'e')},
  ${runningSums('at_start', families, 's')},
  sums as (
    select i, ${families.map((f) => `at_end.${f} - at_start.${f} as ${f}`).join(', ')}
    from at_end join at_start using (i)
  )`;

/** A metric read row by row inside each range: `sql` is a one-row subquery over `r.s`/`r.e`. */
const inRange = (sql: string) => `with ${RANGES_CTE}
  select r.i::int as i, m.v from r cross join lateral (${sql}) m`;

export const METRIC_QUERIES: Record<MetricName, string> = {
  // Revenue before the end over contacts who had ordered before it (each counts from its first order).
  customer_lifetime_value: `with ${RANGES_CTE},
    ${runningSums('at_end', ['revenue', 'buyers'], 'e')}
    select i::int as i, revenue::float8 / nullif(buyers::float8, 0) as v from at_end`,

  // Churned in the range over customers at its start: a customer or evangelist stage counts from
  // when it was entered until the contact's next change.
  churn_rate: `with ${RANGES_CTE},
    ${inRangeSums(['churned'])},
    ${runningSums('at_start_customers', ['customers'], 's')}
    select i::int as i, churned::float8 / nullif(customers::float8, 0) as v
    from sums join at_start_customers using (i)`,

  // Leads created in the range (by their first stage), and those of them who ever became customers.
  lead_conversion_rate: `with ${RANGES_CTE},
    ${inRangeSums(['leads', 'converted_leads'])}
    select i::int as i, (converted_leads / nullif(leads, 0))::float8 as v from sums`,

  // A lead's first change to customer, kept with its days since creation (metric_conversions).
  time_to_conversion: inRange(`
    select percentile_cont(0.5) within group (order by x.days) as v from metric_conversions x
    where x.workspace_id = $1 and x.converted_at >= r.s and x.converted_at < r.e`),

  win_rate: `with ${RANGES_CTE},
    ${inRangeSums(['won', 'closed'])}
    select i::int as i, won::float8 / nullif(closed::float8, 0) as v from sums`,

  // Open at the end of the range: a deal counts from its creation until it closes.
  pipeline_value: `with ${RANGES_CTE},
    ${runningSums('at_end', ['pipeline'], 'e')}
    select i::int as i, pipeline::float8 as v from at_end`,

  // Each stage a deal sat in counts at its stage's probability while the deal was in it and open.
  weighted_pipeline_value: `with ${RANGES_CTE},
    ${runningSums('at_end', ['weighted'], 'e')}
    select i::int as i, weighted::float8 as v from at_end`,

  lost_sales: `with ${RANGES_CTE},
    ${inRangeSums(['lost_value'])}
    select i::int as i, lost_value::float8 as v from sums`,

  average_order_value: `with ${RANGES_CTE},
    ${inRangeSums(['revenue', 'orders'])}
    select i::int as i, (revenue / nullif(orders, 0))::float8 as v from sums`,

  average_rating: `with ${RANGES_CTE},
    ${inRangeSums(['stars5_sum', 'stars5_count'])}
    select i::int as i, (stars5_sum / nullif(stars5_count, 0))::float8 as v from sums`,

  nps: `with ${RANGES_CTE},
    ${inRangeSums(['nps_promoters', 'nps_detractors', 'nps_count'])}
    select i::int as i, (nps_promoters - nps_detractors)::float8 * 100 / nullif(nps_count::float8, 0) as v from sums`,

  csat: `with ${RANGES_CTE},
    ${inRangeSums(['csat_satisfied', 'csat_count'])}
    select i::int as i, (csat_satisfied / nullif(csat_count, 0))::float8 as v from sums`,

  issue_resolution_time: inRange(`
    select percentile_cont(0.5) within group (order by extract(epoch from (t.resolved_at - t.opened_at)) / 3600)::float8 as v
    from tickets t where t.workspace_id = $1 and t.resolved_at >= r.s and t.resolved_at < r.e`),

  // Orders of the trailing year at the end of the range (companies with a wallet): the running sum
  // at the end minus the one a year earlier.
  share_of_wallet: `with ${RANGES_CTE},
    ${runningSums('at_end', ['wallet'], 'e')},
    ${runningSums('year_before', ['wallet'], "e - interval '1 year'")},
    wallet as (
      select sum(co.wallet_amount) as total from companies co where co.workspace_id = $1 and co.wallet_amount is not null
    )
    select i::int as i, (at_end.wallet - year_before.wallet)::float8 / nullif(wallet.total, 0) as v
    from at_end join year_before using (i) cross join wallet`,
};
