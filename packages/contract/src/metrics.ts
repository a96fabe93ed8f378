import type { MetricDirection, MetricUnit } from './enums.js';

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
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as [MetricName, ...MetricName[]];
