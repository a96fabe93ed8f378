import { FUNNEL_STAGES } from '@chorus/contract';

/**
 * SQL of the marketing measures (campaign metrics, stage metrics, the funnel, the campaign report),
 * as fragments over a range `r` (`r.s`, `r.e`) and these parameters, shared by every statement that
 * uses them: `$1` the workspace, `$4` the stage, `$5` the campaign, `$6` the channel, `$7` the
 * attribution model (`first_touch` or `last_touch`). Each mirrors the contract's written definition
 * (ATTRIBUTION and METRICS in packages/contract/src/metrics.ts); the reference property test holds
 * them to the plainer forms in test/support/reference-metric-sql.ts.
 *
 * They read what triggers keep beside the rows: each contact's first touch and each order's campaign
 * under both models (migration 013), each lifecycle change's place among its contact's entries
 * (migration 014); a range of any of them is one index range.
 */

const list = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
/** A stage's place in the funnel, 1-based; null for churned. */
export const funnelPosition = (stage: string) => `array_position(${list(FUNNEL_STAGES)}, ${stage})`;

/** Named tables the fragments read, defined once per statement. */
export const MARKETING_CTES = {
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

/**
 * Whether a contact passes the campaign or channel filter (by its first touch); all do without one.
 * Each contact's first touch is kept in `contact_first_touches` (migration 013, by triggers).
 */
export const contactChosen = (contact: string) => `(($5::text is null and $6::text is null) or exists (
    select 1 from contact_first_touches ft where ft.workspace_id = $1 and ft.contact_id = ${contact}
      and ($5::text is null or ft.campaign_id = $5::text) and ($6::text is null or ft.source = $6::text)))`;

/**
 * Revenue of orders in [s, e) credited to one of the chosen campaigns under the model `$7`: one range
 * of `order_credits` (migration 013), where triggers keep each order's campaign under both models as the
 * contract's ATTRIBUTION defines it (`order_credits_refresh`). Computing the credit here looked up touches twice per order of every
 * range (at ~100k deals, 197 ms of a 422 ms dashboard).
 */
export const creditedRevenue = (
  s: string,
  e: string,
) => `(select coalesce(sum(oc.amount), 0)::float8 from order_credits oc
    where oc.workspace_id = $1 and oc.ordered_at >= ${s} and oc.ordered_at < ${e}
      and (case when $7::text = 'first_touch' then oc.first_campaign_id else oc.last_campaign_id end)
        in (select id from chosen_campaigns))`;

export const chosenCost = (s: string, e: string) =>
  `(select coalesce(sum(${costIn('cc', s, e)}), 0) from chosen_campaigns cc)`;

/**
 * Leads created in [s, e) whose first touch came through a chosen campaign: one range of
 * `contact_first_touches` (a contact without a touch came through no campaign).
 */
export const chosenLeads = (s: string, e: string) => `(select count(*) from contact_first_touches ft
    where ft.workspace_id = $1 and ft.contact_created_at >= ${s} and ft.contact_created_at < ${e}
      and ft.lead and ft.campaign_id in (select id from chosen_campaigns))`;

/**
 * Each chosen contact's first entry into stage `stage` in [s, e) (rows: contact_id, changed_at,
 * from_stage), with the first change after it into a later funnel stage (`next_at`, null when none
 * yet). Read from `lifecycle_entries` (migration 014, kept by triggers): a change is its contact's
 * first entry into its stage within the range when the contact's previous entry into that stage
 * (`previous_at`, in (changed_at, id) order) came before the range.
 */
export const stageEntries = (stage: string, s: string, e: string) => `(
    select en.contact_id, en.changed_at, en.from_stage, en.next_at from lifecycle_entries en
    where en.workspace_id = $1 and en.to_stage = ${stage} and en.changed_at >= ${s} and en.changed_at < ${e}
      and (en.previous_at is null or en.previous_at < ${s})
      and ${contactChosen('en.contact_id')}
  )`;

/** The conversion to a later stage of a set of entries; null for the last stage (none to go on to). */
export const conversionOf = (
  entries: string,
  stage: string,
) => `case when ${funnelPosition(stage)} < ${FUNNEL_STAGES.length}
    then (select avg(case when x.next_at is not null then 1.0 else 0.0 end)::float8 from ${entries} x) end`;
