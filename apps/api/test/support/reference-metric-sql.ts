import { FUNNEL_STAGES, type MetricName } from '@chorus/contract';

/** The funnel's order as a table, for the stage metrics: `(stage, position)`. */
const FUNNEL_TABLE = `(values ${FUNNEL_STAGES.map((stage, i) => `('${stage}', ${i + 1})`).join(', ')}) as f(stage, position)`;

/** Touch `t` is its contact's first: no touch of the contact is earlier, or as early and recorded before. */
const IS_FIRST_TOUCH = `not exists (select 1 from contact_touches u where u.contact_id = t.contact_id
  and (u.touched_at < t.touched_at or (u.touched_at = t.touched_at and u.id < t.id)))`;

/** The campaigns the filter (`$5` campaign, `$6` channel) chooses. */
const CHOSEN = `(select id from campaigns where workspace_id = $1
  and ($5::text is null or id = $5::text) and ($6::text is null or channel = $6::text))`;

/** The campaign order `o` is credited to under the model `$7`. */
const CREDITED = `(case when $7::text = 'first_touch'
  then (select t.campaign_id from contact_touches t where t.contact_id = o.contact_id and ${IS_FIRST_TOUCH})
  else (select t.campaign_id from contact_touches t where t.contact_id = o.contact_id and t.touched_at <= o.ordered_at
    and not exists (select 1 from contact_touches u where u.contact_id = t.contact_id and u.touched_at <= o.ordered_at
      and (u.touched_at > t.touched_at or (u.touched_at = t.touched_at and u.id > t.id))))
end)`;

/** The chosen campaigns' cost in the range: each one's cost times the share of its days the range covers. */
const COST = `(select coalesce(sum(c.cost_amount::float8
    * coalesce(extract(epoch from upper(x.o) - lower(x.o)), 0) / ((c.ends_on - c.starts_on + 1) * 86400)), 0)
  from campaigns c cross join lateral (select tstzrange(r.s, r.e) * tstzrange(
    c.starts_on::timestamp at time zone 'UTC', (c.ends_on + 1)::timestamp at time zone 'UTC') as o) x
  where c.id in ${CHOSEN})`;

/** Contact `c` passes the filter by its first touch (every contact does without one). */
const CONTACT_CHOSEN = `(($5::text is null and $6::text is null) or exists (
  select 1 from contact_touches t where t.contact_id = c.id and ${IS_FIRST_TOUCH}
    and ($5::text is null or t.campaign_id = $5::text) and ($6::text is null or t.source = $6::text)))`;

/** Contact `c`'s first entry into the stage `$4` in the range (row `e` of lifecycle_changes). */
const FIRST_ENTRY = `e.contact_id = c.id and e.to_stage = $4::text and e.changed_at >= r.s and e.changed_at < r.e
  and not exists (select 1 from lifecycle_changes d where d.contact_id = c.id and d.to_stage = $4::text
    and d.changed_at >= r.s and (d.changed_at < e.changed_at or (d.changed_at = e.changed_at and d.id < e.id)))`;

/**
 * The metrics as first written (one scan per range), kept as the reference the fast path is tested
 * against. Tables some metrics share, computed once per request (materialised) rather than once per period.
 * `stage_spans`: each lifecycle stage a contact was in, from when until when (null = still).
 * `first_order`: when each contact first ordered (how many buyers there were at any time).
 * `first_customer`: when each contact first became a customer.
 * `deal_spans`: each stage a deal sat in, with that stage's probability and the deal's value and dates.
 */
export const METRIC_CTES = {
  stage_spans: `select contact_id, to_stage as stage, changed_at as since,
      lead(changed_at) over (partition by contact_id order by changed_at, id) as until
    from lifecycle_changes where workspace_id = $1`,
  first_order: `select contact_id, min(ordered_at) as at from orders where workspace_id = $1 group by contact_id`,
  first_customer: `select contact_id, min(changed_at) as at from lifecycle_changes
    where workspace_id = $1 and to_stage = 'customer' group by contact_id`,
  deal_spans: `select h.entered_at, h.left_at, s.probability, d.value_amount, d.created_at, d.closed_at
    from deal_stage_history h join stages s on s.id = h.stage_id join deals d on d.id = h.deal_id
    where h.workspace_id = $1`,
} as const;
type MetricCte = keyof typeof METRIC_CTES;

/** Which shared tables each metric reads. */
export const METRIC_NEEDS: Partial<Record<MetricName, MetricCte[]>> = {
  customer_lifetime_value: ['first_order'],
  churn_rate: ['stage_spans'],
  lead_conversion_rate: ['first_customer'],
  time_to_conversion: ['first_customer'],
  weighted_pipeline_value: ['deal_spans'],
};

/**
 * One SQL expression per metric, evaluated for a period [r.s, r.e) inside a lateral join:
 * `$1` is the workspace. Each mirrors the written definition in the contract word for word.
 */
export const METRIC_SQL: Record<MetricName, string> = {
  customer_lifetime_value: `
    select (
      select sum(o.amount) from orders o where o.workspace_id = $1 and o.ordered_at < r.e
    )::float8 / nullif((select count(*) from first_order fo where fo.at < r.e), 0) as v`,

  churn_rate: `
    select (
      select count(*) from lifecycle_changes lc
      where lc.workspace_id = $1 and lc.to_stage = 'churned' and lc.from_stage in ('customer', 'evangelist')
        and lc.changed_at >= r.s and lc.changed_at < r.e
    )::float8 / nullif((
      select count(*) from stage_spans sp
      where sp.stage in ('customer', 'evangelist') and sp.since < r.s and (sp.until is null or sp.until >= r.s)
    ), 0) as v`,

  lead_conversion_rate: `
    select avg(case when c.id in (select fc.contact_id from first_customer fc) then 1.0 else 0.0 end)::float8 as v
    from contacts c
    where c.workspace_id = $1 and c.created_at >= r.s and c.created_at < r.e
      and c.initial_stage in ('subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity')`,

  time_to_conversion: `
    select percentile_cont(0.5) within group (order by extract(epoch from (fc.at - c.created_at)) / 86400)::float8 as v
    from first_customer fc join contacts c on c.id = fc.contact_id
    where fc.at >= r.s and fc.at < r.e
      and c.initial_stage in ('subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity')`,

  win_rate: `
    select (count(*) filter (where d.status = 'won'))::float8 / nullif(count(*), 0) as v
    from deals d where d.workspace_id = $1 and d.status in ('won', 'lost') and d.closed_at >= r.s and d.closed_at < r.e`,

  pipeline_value: `
    select coalesce(sum(d.value_amount), 0)::float8 as v
    from deals d where d.workspace_id = $1 and d.created_at < r.e and (d.closed_at is null or d.closed_at >= r.e)`,

  weighted_pipeline_value: `
    select coalesce(sum(ds.value_amount * ds.probability), 0)::float8 as v
    from deal_spans ds
    where ds.entered_at < r.e and (ds.left_at is null or ds.left_at >= r.e)
      and ds.created_at < r.e and (ds.closed_at is null or ds.closed_at >= r.e)`,

  lost_sales: `
    select coalesce(sum(d.value_amount), 0)::float8 as v
    from deals d where d.workspace_id = $1 and d.status = 'lost' and d.closed_at >= r.s and d.closed_at < r.e`,

  average_order_value: `
    select avg(o.amount)::float8 as v from orders o where o.workspace_id = $1 and o.ordered_at >= r.s and o.ordered_at < r.e`,

  average_rating: `
    select avg(x.score)::float8 as v from ratings x
    where x.workspace_id = $1 and x.scale = 'stars5' and x.created_at >= r.s and x.created_at < r.e
      and ($8::text is null or x.source = $8::text)`,

  nps: `
    select ((count(*) filter (where x.score >= 9)) - (count(*) filter (where x.score <= 6)))::float8 * 100 / nullif(count(*), 0) as v
    from ratings x where x.workspace_id = $1 and x.scale = 'nps10' and x.created_at >= r.s and x.created_at < r.e
      and ($8::text is null or x.source = $8::text)`,

  csat: `
    select avg(case when x.score >= 4 then 1.0 else 0.0 end)::float8 as v from ratings x
    where x.workspace_id = $1 and x.scale = 'csat5' and x.created_at >= r.s and x.created_at < r.e
      and ($8::text is null or x.source = $8::text)`,

  issue_resolution_time: `
    select percentile_cont(0.5) within group (order by extract(epoch from (t.resolved_at - t.opened_at)) / 3600)::float8 as v
    from tickets t where t.workspace_id = $1 and t.resolved_at >= r.s and t.resolved_at < r.e`,

  share_of_wallet: `
    select (
      select coalesce(sum(o.amount), 0) from orders o join companies co on co.id = o.company_id
      where o.workspace_id = $1 and co.wallet_amount is not null
        and o.ordered_at >= r.e - interval '1 year' and o.ordered_at < r.e
    )::float8 / nullif((
      select sum(co.wallet_amount) from companies co where co.workspace_id = $1 and co.wallet_amount is not null
    ), 0) as v`,

  campaign_roi: `
    select (x.revenue - x.cost) / nullif(x.cost, 0) as v from (
      select (select coalesce(sum(o.amount), 0)::float8 from orders o
        where o.workspace_id = $1 and o.ordered_at >= r.s and o.ordered_at < r.e and ${CREDITED} in ${CHOSEN}
      ) as revenue, ${COST} as cost
    ) x`,

  cost_per_lead: `
    select ${COST} / nullif((
      select count(*) from contacts c join contact_touches t on t.contact_id = c.id and ${IS_FIRST_TOUCH}
      where c.workspace_id = $1 and c.created_at >= r.s and c.created_at < r.e
        and c.initial_stage in ('subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity')
        and t.campaign_id in ${CHOSEN}
    ), 0)::float8 as v`,

  stage_entry_count: `
    select count(*)::float8 as v from contacts c
    where c.workspace_id = $1 and ${CONTACT_CHOSEN} and exists (select 1 from lifecycle_changes e where ${FIRST_ENTRY})`,

  stage_conversion_rate: `
    select case when $4::text = 'evangelist' then null else avg(case when exists (
      select 1 from lifecycle_changes n join ${FUNNEL_TABLE} on f.stage = n.to_stage
      where n.contact_id = e.contact_id and (n.changed_at > e.changed_at or (n.changed_at = e.changed_at and n.id > e.id))
        and f.position > (select g.position from ${FUNNEL_TABLE.replace('f(', 'g(')} where g.stage = $4::text)
    ) then 1.0 else 0.0 end) end::float8 as v
    from contacts c join lifecycle_changes e on ${FIRST_ENTRY}
    where c.workspace_id = $1 and ${CONTACT_CHOSEN}`,
};
