import type { MetricDirection, MetricUnit } from './enums.js';

/**
 * The agreed rules of marketing attribution, read by the campaign metrics, the funnel and the
 * campaign report, and shown beside their numbers.
 */
export const ATTRIBUTION = {
  touch:
    "A touch is a moment a contact was reached: recorded when the contact is created (the touch that brought them in) and each time they are re-engaged, with the campaign it came through (if any) and its channel (the campaign's, unless another is given).",
  cost: "A campaign's cost is spread evenly over its days, from its first to its last day inclusive (UTC); a period carries the share of the campaign's days that fall in it.",
  first_touch:
    'First touch: a contact, their leads and all their orders are credited to their first touch (the earliest; of two at the same moment, the one recorded first). A contact comes from a campaign or a channel when their first touch did.',
  last_touch:
    "Last touch: each order is credited to the contact's latest touch at or before the moment of the order (of two at the same moment, the one recorded last); an order placed before any touch is credited to none.",
} as const;

export interface MetricDefinition {
  /** Human label, English. */
  readonly label: string;
  readonly unit: MetricUnit;
  readonly direction: MetricDirection;
  /** The agreed, written definition shown to every user of the number. */
  readonly definition: string;
}

/**
 * The metrics the CRM computes, with the one written definition everybody reads.
 * The server computes each over a period [from, to); `previous` is the same measure over
 * the preceding period of equal length. Percent values are fractions (0.25 = 25 %),
 * money values are integer minor units in the workspace currency.
 */
export const METRICS = {
  customer_lifetime_value: {
    label: 'Customer lifetime value',
    unit: 'money',
    direction: 'up_is_good',
    definition:
      'Revenue per customer: the sum of all orders placed before the end of the period, divided by the number of contacts who placed at least one of those orders.',
  },
  churn_rate: {
    label: 'Churn rate',
    unit: 'percent',
    direction: 'down_is_good',
    definition:
      'Customers who churned during the period, divided by the customers (lifecycle stage customer or evangelist) at the start of the period.',
  },
  lead_conversion_rate: {
    label: 'Lead conversion rate',
    unit: 'percent',
    direction: 'up_is_good',
    definition:
      'Of the leads created during the period (contacts created in a lead stage, subscriber to opportunity), the share that have become customers (at any time up to now).',
  },
  time_to_conversion: {
    label: 'Time to conversion',
    unit: 'days',
    direction: 'down_is_good',
    definition:
      'Median number of days from a contact being created to first becoming a customer, for leads (contacts created in a lead stage) who first became customers during the period.',
  },
  win_rate: {
    label: 'Win rate',
    unit: 'percent',
    direction: 'up_is_good',
    definition: 'Deals won during the period, divided by all deals closed (won or lost) during the period.',
  },
  pipeline_value: {
    label: 'Pipeline value',
    unit: 'money',
    direction: 'up_is_good',
    definition: 'Total value of the deals that were open at the end of the period.',
  },
  weighted_pipeline_value: {
    label: 'Weighted pipeline value',
    unit: 'money',
    direction: 'up_is_good',
    definition:
      'Value of each deal open at the end of the period multiplied by the win probability of the stage it was in at that moment, summed.',
  },
  lost_sales: {
    label: 'Lost sales',
    unit: 'money',
    direction: 'down_is_good',
    definition: 'Total value of the deals lost during the period.',
  },
  average_order_value: {
    label: 'Average order value',
    unit: 'money',
    direction: 'up_is_good',
    definition: 'Mean amount of the orders placed during the period.',
  },
  average_rating: {
    label: 'Average rating',
    unit: 'score',
    direction: 'up_is_good',
    definition: 'Mean score of the five-star (stars5) ratings given during the period, from 1 to 5.',
  },
  nps: {
    label: 'Net Promoter Score',
    unit: 'score',
    direction: 'up_is_good',
    definition:
      'Of the 0-10 (nps10) answers given during the period: the percentage of promoters (9-10) minus the percentage of detractors (0-6), from -100 to 100.',
  },
  csat: {
    label: 'Customer satisfaction (CSAT)',
    unit: 'percent',
    direction: 'up_is_good',
    definition: 'Share of the csat5 answers given during the period that scored 4 or 5.',
  },
  issue_resolution_time: {
    label: 'Issue resolution time',
    unit: 'hours',
    direction: 'down_is_good',
    definition:
      'Median number of hours from a ticket being opened to being resolved, for tickets resolved during the period.',
  },
  share_of_wallet: {
    label: 'Share of wallet',
    unit: 'percent',
    direction: 'up_is_good',
    definition:
      'For companies with an estimated annual wallet: their order revenue in the twelve months before the end of the period, divided by the sum of their estimated annual wallets.',
  },
  campaign_roi: {
    label: 'Campaign ROI',
    unit: 'percent',
    direction: 'up_is_good',
    definition:
      "(Revenue credited to campaigns − their cost) ÷ their cost, over the period. Revenue: the orders placed in the period whose credited touch (last touch unless `attribution=first_touch`) came through a campaign (one of the filter's, with `campaignId` or `channel`). Cost: the campaigns' (the filter's) cost falling in the period, each campaign's cost spread evenly over its days. None when no cost falls in the period.",
  },
  cost_per_lead: {
    label: 'Cost per lead',
    unit: 'money',
    direction: 'down_is_good',
    definition:
      "The campaigns' (the filter's) cost falling in the period, divided by the leads they brought in: contacts created in the period in a lead stage (subscriber to opportunity) whose first touch came through one of those campaigns. A contact created as a customer is never a lead.",
  },
  stage_entry_count: {
    label: 'Entered stage',
    unit: 'count',
    direction: 'up_is_good',
    definition:
      'Contacts who entered the lifecycle stage (`stage`) during the period, created in it or moved into it, each counted once however often they entered. With `campaignId` or `channel`, only contacts whose first touch came through it.',
  },
  stage_conversion_rate: {
    label: 'Stage conversion',
    unit: 'percent',
    direction: 'up_is_good',
    definition:
      'Of the contacts who entered the lifecycle stage (`stage`) during the period, the share who went on to a later stage of the funnel (subscriber, lead, marketing qualified, sales qualified, opportunity, customer, evangelist) after their first entry in the period, at any time up to now; skipping a stage counts as going on, and churning does not. None for evangelist, the last stage.',
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as [MetricName, ...MetricName[]];

/** Metrics measured for one lifecycle stage: `GET /v1/metrics?stage=` (the lead stage when left out). */
export const STAGE_METRICS = [
  'stage_entry_count',
  'stage_conversion_rate',
] as const satisfies readonly MetricName[];

/** Metrics that honour `campaignId`, `channel` (and `attribution`); others refuse those filters. */
export const MARKETING_METRICS = [
  'campaign_roi',
  'cost_per_lead',
  ...STAGE_METRICS,
] as const satisfies readonly MetricName[];

/** What the funnel adds to the stage metrics, written like them. */
export const FUNNEL_DEFINITIONS = {
  medianDaysToNext:
    'For the contacts who entered the stage during the period and went on to a later stage, the median number of days from their first entry in the period to the first later stage they entered.',
  returning:
    'Of the contacts who entered customer during the period, those who came back from churned: former customers who bought again, shown apart and never counted as new leads.',
} as const;

/** Metrics of ratings: `GET /v1/metrics?source=` measures one source's (a marketplace's, say) alone. */
export const RATING_METRICS = ['average_rating', 'nps', 'csat'] as const satisfies readonly MetricName[];
