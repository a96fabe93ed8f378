import type { MetricName } from '@chorus/contract';
import {
  chosenCost,
  chosenLeads,
  conversionOf,
  creditedRevenue,
  MARKETING_CTES,
  type MarketingCte,
  stageEntries,
} from './marketing-sql.js';

/**
 * One query answers every requested metric for every range: `$1` is the workspace, `$2`/`$3` the
 * ranges' starts and ends (the period, the previous period, then each bucket). It returns one row
 * per range, `i` (1-based) and one column per metric, named after it.
 *
 * Every metric but the two medians is made of running sums kept by the rollups of migration 006
 * (`metric_days`, `metric_hours`, `metric_events`, maintained by triggers in the transaction of each
 * write): a family's sum strictly before a moment is its days before that moment's UTC day, plus
 * its hours of that day before the moment's hour, plus its moments of that hour before it.
 * A metric *as of a moment* (pipeline value at the end of a bucket, buyers so far, customers at
 * the start) reads the sum at that moment; a metric *in a range* (deals won, orders, ratings…)
 * reads the sum at the end minus the sum at the start. The sums are taken once per distinct moment
 * (a bucket's end is the next one's start) and per family, for all the metrics asked for; so a
 * dashboard reads a few hundred days and a few dozen rows per moment, whatever the history's size.
 * The medians walk an index on `(workspace_id, time)` inside each range: tickets for resolution
 * time, and for time to conversion `metric_conversions` (each lead's first change to customer with
 * its days since creation, kept by the same triggers).
 *
 * The definitions are the contract's, word for word; `test/support/reference-metric-sql.ts` keeps
 * them written for clarity (one scan of the rows per range), and a property test holds these to them.
 */

/** Where a running sum is taken: at the range's end, its start, or a year before its end. */
type Moment = 'e' | 's' | 'y';

interface MetricSql {
  /** The families whose running sums the value reads, at each moment (columns `e.family`…). */
  sums: Partial<Record<Moment, string[]>>;
  /** The value for one range, over `e`, `s`, `y` (sums) and `r` (the range: `r.s`, `r.e`). */
  value: string;
  /** Tables of `marketing-sql.ts` the value reads. */
  ctes?: MarketingCte[];
}

/** Sums over the range [s, e): read at both ends. */
const between = (...families: string[]) => ({ e: families, s: families });
const diff = (family: string) => `(e.${family} - s.${family})`;

export const METRIC_SQL: Record<MetricName, MetricSql> = {
  // Revenue before the end over contacts who had ordered before it (each counts from its first order).
  customer_lifetime_value: {
    sums: { e: ['revenue', 'buyers'] },
    value: 'e.revenue::float8 / nullif(e.buyers::float8, 0)',
  },
  // Churned in the range over customers at its start: a customer or evangelist stage counts from
  // when it was entered until the contact's next change.
  churn_rate: {
    sums: { e: ['churned'], s: ['churned', 'customers'] },
    value: `${diff('churned')}::float8 / nullif(s.customers::float8, 0)`,
  },
  // Leads created in the range (by their first stage), and those of them who ever became customers.
  lead_conversion_rate: {
    sums: between('leads', 'converted_leads'),
    value: `(${diff('converted_leads')} / nullif(${diff('leads')}, 0))::float8`,
  },
  // A lead's first change to customer in the range, with its days since creation (metric_conversions).
  time_to_conversion: {
    sums: {},
    value: `(select percentile_cont(0.5) within group (order by x.days) from metric_conversions x
      where x.workspace_id = $1 and x.converted_at >= r.s and x.converted_at < r.e)`,
  },
  win_rate: {
    sums: between('won', 'closed'),
    value: `${diff('won')}::float8 / nullif(${diff('closed')}::float8, 0)`,
  },
  // Open at the end of the range: a deal counts from its creation until it closes.
  pipeline_value: { sums: { e: ['pipeline'] }, value: 'e.pipeline::float8' },
  // Each stage a deal sat in counts at its stage's probability while the deal was in it and open.
  weighted_pipeline_value: { sums: { e: ['weighted'] }, value: 'e.weighted::float8' },
  lost_sales: { sums: between('lost_value'), value: `${diff('lost_value')}::float8` },
  average_order_value: {
    sums: between('revenue', 'orders'),
    value: `(${diff('revenue')} / nullif(${diff('orders')}, 0))::float8`,
  },
  average_rating: {
    sums: between('stars5_sum', 'stars5_count'),
    value: `(${diff('stars5_sum')} / nullif(${diff('stars5_count')}, 0))::float8`,
  },
  nps: {
    sums: between('nps_promoters', 'nps_detractors', 'nps_count'),
    value: `(${diff('nps_promoters')} - ${diff('nps_detractors')})::float8 * 100 / nullif(${diff('nps_count')}::float8, 0)`,
  },
  csat: {
    sums: between('csat_satisfied', 'csat_count'),
    value: `(${diff('csat_satisfied')} / nullif(${diff('csat_count')}, 0))::float8`,
  },
  issue_resolution_time: {
    sums: {},
    value: `(select percentile_cont(0.5) within group (order by extract(epoch from (t.resolved_at - t.opened_at)) / 3600)::float8
      from tickets t where t.workspace_id = $1 and t.resolved_at >= r.s and t.resolved_at < r.e)`,
  },
  // Orders of the trailing year at the end of the range (companies with a wallet): the running sum
  // at the end minus the one a year earlier, over the wallets' total.
  share_of_wallet: {
    sums: { e: ['wallet'], y: ['wallet'] },
    value: `(e.wallet - y.wallet)::float8 / nullif((
      select sum(co.wallet_amount) from companies co where co.workspace_id = $1 and co.wallet_amount is not null
    ), 0)`,
  },
  // The marketing metrics read the rows (see marketing-sql.ts): `$4` stage, `$5` campaign,
  // `$6` channel, `$7` attribution model.
  campaign_roi: {
    sums: {},
    ctes: ['chosen_campaigns'],
    value: `(select (x.revenue - x.cost) / nullif(x.cost, 0) from (
      select ${creditedRevenue('r.s', 'r.e')} as revenue, ${chosenCost('r.s', 'r.e')} as cost) x)`,
  },
  cost_per_lead: {
    sums: {},
    ctes: ['chosen_campaigns'],
    value: `(${chosenCost('r.s', 'r.e')} / nullif(${chosenLeads('r.s', 'r.e')}, 0))::float8`,
  },
  stage_entry_count: {
    sums: {},
    value: `(select count(*) from ${stageEntries('$4::text', 'r.s', 'r.e')} x)::float8`,
  },
  stage_conversion_rate: {
    sums: {},
    value: conversionOf(stageEntries('$4::text', 'r.s', 'r.e'), '$4::text'),
  },
};

/**
 * The rating metrics of one source (`$8`), from the rows: the rollups keep ratings per workspace,
 * not per source. The ratings of a range are one range of `ratings (workspace_id, created_at, id)`.
 */
const ofSource = (value: string) => `(select ${value} from ratings x
      where x.workspace_id = $1 and x.source = $8::text and x.created_at >= r.s and x.created_at < r.e`;
export const RATING_SQL_BY_SOURCE: Partial<Record<MetricName, string>> = {
  average_rating: `${ofSource('avg(x.score)::float8')} and x.scale = 'stars5')`,
  nps: `${ofSource('((count(*) filter (where x.score >= 9)) - (count(*) filter (where x.score <= 6)))::float8 * 100 / nullif(count(*), 0)')} and x.scale = 'nps10')`,
  csat: `${ofSource('avg(case when x.score >= 4 then 1.0 else 0.0 end)::float8')} and x.scale = 'csat5')`,
};

/** A family's sum of events strictly before the moment `p` of the row (columns of `moments`). */
const runningSum = (family: string) => `coalesce((
      select d.cums[width_bucket(m.day - 1, d.days)] from days d where d.family = '${family}'
    ), 0) + coalesce((
      select sum(h.delta) from metric_hours h
      where h.workspace_id = $1 and h.family = '${family}' and h.hour >= m.day_start and h.hour < m.hour_start
    ), 0) + coalesce((
      select sum(x.delta) from metric_events x
      where x.workspace_id = $1 and x.family = '${family}' and x.at >= m.hour_start and x.at < m.p
    ), 0) as ${family}`;

/** The moments (each once) a set of sums is taken at, with their day and hour. */
const momentsOf = (expressions: string[]) => `select p, (p at time zone 'UTC')::date as day,
      date_trunc('day', p, 'UTC') as day_start, date_trunc('hour', p, 'UTC') as hour_start
    from (select distinct p from (${expressions.map((x) => `select ${x} as p from r`).join(' union all ')}) x) x`;

/** The one statement for `names`; see the top of this file. `bySource`: the rating metrics of one source. */
export function metricsQuery(names: readonly MetricName[], { bySource = false } = {}): string {
  const sqlOf = (name: MetricName): MetricSql => {
    const bySourceValue = bySource ? RATING_SQL_BY_SOURCE[name] : undefined;
    return bySourceValue ? { sums: {}, value: bySourceValue } : METRIC_SQL[name];
  };
  const wanted = names.map(sqlOf);
  const at = (moment: Moment) => [...new Set(wanted.flatMap((m) => m.sums[moment] ?? []))];
  // Ends and starts share their moments (and their sums); a year before the end has its own.
  const bounds = [...new Set([...at('e'), ...at('s')])];
  const yearBefore = at('y');
  const families = [...new Set([...bounds, ...yearBefore])];
  const boundMoments = [...(at('e').length ? ['e'] : []), ...(at('s').length ? ['s'] : [])];
  const ctes = [
    `r as materialized (
    select s, e, i from unnest($2::timestamptz[], $3::timestamptz[]) with ordinality as r(s, e, i)
  )`,
    // Names the marketing parameters' types, whether or not a metric asked for reads them.
    `params as (select $4::text as stage, $5::text as campaign_id, $6::text as channel, $7::text as attribution,
      $8::text as source)`,
  ];
  for (const cte of new Set(wanted.flatMap((m) => m.ctes ?? []))) {
    ctes.push(`${cte} as materialized (${MARKETING_CTES[cte]})`);
  }
  if (families.length > 0) {
    // Each family's days, summed cumulatively and kept as sorted arrays: the sum before a day is
    // found by binary search (width_bucket).
    ctes.push(`days as materialized (
    select family, array_agg(day order by day) as days, array_agg(c order by day) as cums from (
      select family, day, sum(delta) over (partition by family order by day) as c
      from metric_days where workspace_id = $1 and family in (${families.map((f) => `'${f}'`).join(', ')})
    ) x group by family
  )`);
  }
  if (bounds.length > 0) {
    ctes.push(`bound_sums as (
    select m.p, ${bounds.map(runningSum).join(',\n    ')}
    from (${momentsOf(boundMoments)}) m
  )`);
  }
  if (yearBefore.length > 0) {
    ctes.push(`year_sums as (
    select m.p, ${yearBefore.map(runningSum).join(',\n    ')}
    from (${momentsOf(["e - interval '1 year'"])}) m
  )`);
  }
  const joins = [
    ...(at('e').length ? ['join bound_sums e on e.p = r.e'] : []),
    ...(at('s').length ? ['join bound_sums s on s.p = r.s'] : []),
    ...(yearBefore.length ? ["join year_sums y on y.p = r.e - interval '1 year'"] : []),
  ];
  return `with ${ctes.join(',\n  ')}
  select r.i::int as i, ${names.map((name) => `${sqlOf(name).value} as ${name}`).join(',\n    ')}
  from r ${joins.join(' ')}
  order by r.i`;
}
