import { FUNNEL_STAGES, LEAD_STAGES } from '@chorus/contract';

/**
 * SQL of the marketing measures (campaign metrics, stage metrics, the funnel, the campaign report),
 * as fragments over a range `r` (`r.s`, `r.e`) and these parameters, shared by every statement that
 * uses them: `$1` the workspace, `$4` the stage, `$5` the campaign, `$6` the channel, `$7` the
 * attribution model (`first_touch` or `last_touch`). Each mirrors the contract's written definition
 * (ATTRIBUTION and METRICS in packages/contract/src/metrics.ts); the reference property test holds
 * them to the plainer forms in test/support/reference-metric-sql.ts.
 *
 * These read the rows, not rollups: campaigns are few, and each lookup walks an index
 * (`contact_touches (contact_id, touched_at, id)`, `lifecycle_changes (workspace_id, to_stage, changed_at)`).
 */

const list = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
/** A stage's place in the funnel, 1-based; null for churned. */
export const funnelPosition = (stage: string) => `array_position(${list(FUNNEL_STAGES)}, ${stage})`;
export const LEAD_STAGE_LIST = list(LEAD_STAGES);

/**
 * Named tables the fragments read, defined once per statement. Joined as sets only: a lookup of one
 * contact's first touch goes to the `contact_touches (contact_id, touched_at, id)` index instead,
 * since a CTE has no index and a lookup per row would scan it whole.
 */
export const MARKETING_CTES = {
  // Each contact's first touch: the earliest, of two at one moment the one recorded first.
  first_touch: `select distinct on (contact_id) contact_id, campaign_id, source from contact_touches
    where workspace_id = $1 order by contact_id, touched_at, id`,
  // The campaigns the filter chooses (all of them without one).
  chosen_campaigns: `select id, cost_amount, starts_on, ends_on from campaigns
    where workspace_id = $1 and ($5::text is null or id = $5::text) and ($6::text is null or channel = $6::text)`,
} as const;
export type MarketingCte = keyof typeof MARKETING_CTES;

/** The share of a campaign's cost falling in [s, e): its cost spread evenly over its days (UTC). */
export const costIn = (campaign: string, s: string, e: string) => `${campaign}.cost_amount::float8
  * greatest(0, extract(epoch from least(${e}, (${campaign}.ends_on + 1)::timestamp at time zone 'UTC')
      - greatest(${s}, ${campaign}.starts_on::timestamp at time zone 'UTC')))
  / extract(epoch from ((${campaign}.ends_on + 1)::timestamp - ${campaign}.starts_on::timestamp))`;

/** The campaign an order is credited to under a model (`$7` unless named). */
export const creditedCampaign = (order: string, model = '$7::text') => `case when ${model} = 'first_touch'
    then (select t.campaign_id from contact_touches t where t.contact_id = ${order}.contact_id
      order by t.touched_at, t.id limit 1)
    else (select t.campaign_id from contact_touches t
      where t.contact_id = ${order}.contact_id and t.touched_at <= ${order}.ordered_at
      order by t.touched_at desc, t.id desc limit 1)
  end`;

/** Whether a contact passes the campaign or channel filter (by its first touch); all do without one. */
export const contactChosen = (contact: string) => `(($5::text is null and $6::text is null) or exists (
    select 1 from (select t.campaign_id, t.source from contact_touches t where t.contact_id = ${contact}
      order by t.touched_at, t.id limit 1) ft
    where ($5::text is null or ft.campaign_id = $5::text) and ($6::text is null or ft.source = $6::text)))`;

/** Revenue of orders in [s, e) credited to one of the chosen campaigns. */
export const creditedRevenue = (
  s: string,
  e: string,
) => `(select coalesce(sum(o.amount), 0)::float8 from orders o
    where o.workspace_id = $1 and o.ordered_at >= ${s} and o.ordered_at < ${e}
      and (${creditedCampaign('o')}) in (select id from chosen_campaigns))`;

export const chosenCost = (s: string, e: string) =>
  `(select coalesce(sum(${costIn('cc', s, e)}), 0) from chosen_campaigns cc)`;

/**
 * Leads created in [s, e) whose first touch came through a chosen campaign. Each lead's first touch
 * is looked up in the index: joined to the `first_touch` table, every range scanned all of it (at
 * ~10k deals on PGlite, 370 ms of the dashboard's 520).
 */
export const chosenLeads = (s: string, e: string) => `(select count(*) from contacts c
    where c.workspace_id = $1 and c.created_at >= ${s} and c.created_at < ${e}
      and c.initial_stage = any(${LEAD_STAGE_LIST})
      and (select t.campaign_id from contact_touches t where t.contact_id = c.id
        order by t.touched_at, t.id limit 1) in (select id from chosen_campaigns))`;

/**
 * Each chosen contact's first entry into stage `stage` in [s, e) (`lc` rows: contact_id, changed_at, id),
 * with the first change after it into a later funnel stage (`next_at`, null when none yet).
 */
export const stageEntries = (stage: string, s: string, e: string) => `(
    select en.contact_id, en.changed_at, en.from_stage, (
      select min(nx.changed_at) from lifecycle_changes nx
      where nx.contact_id = en.contact_id and (nx.changed_at, nx.id) > (en.changed_at, en.id)
        and ${funnelPosition('nx.to_stage')} > ${funnelPosition(stage)}
    ) as next_at
    from (
      select distinct on (lc.contact_id) lc.contact_id, lc.changed_at, lc.id, lc.from_stage
      from lifecycle_changes lc
      where lc.workspace_id = $1 and lc.to_stage = ${stage} and lc.changed_at >= ${s} and lc.changed_at < ${e}
        and ${contactChosen('lc.contact_id')}
      order by lc.contact_id, lc.changed_at, lc.id
    ) en
  )`;

/** The conversion to a later stage of a set of entries; null for the last stage (none to go on to). */
export const conversionOf = (
  entries: string,
  stage: string,
) => `case when ${funnelPosition(stage)} < ${FUNNEL_STAGES.length}
    then (select avg(case when x.next_at is not null then 1.0 else 0.0 end)::float8 from ${entries} x) end`;
