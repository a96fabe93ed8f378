import type { MetricName } from '@chorus/metrics-tiles';

/** The toolbar's locales (see .storybook/preview.ts). */
export type StoryLocale = 'en-US' | 'de-DE' | 'ja-JP' | 'ar-EG';

export interface FixedValue {
  /** In the metric's unit: minor units of EUR for money, a fraction for percent. */
  value: number;
  previous: number;
  /**
   * How the tile writes `value`, by hand for each locale, not computed: `\u00a0` is the no-break
   * space, `\u200f` the right-to-left mark and `\u061c` the Arabic letter mark `Intl` writes.
   */
  shows: Record<StoryLocale, string>;
}

/** One fixed value per metric for the per-metric stories, chosen to show each unit's rules. */
export const FIXED_VALUES = {
  customer_lifetime_value: {
    value: 184_250,
    previous: 171_000,
    shows: {
      'en-US': '€1,842.50',
      'de-DE': '1.842,50\u00a0€',
      'ja-JP': '€1,842.50',
      'ar-EG': '\u200f١٬٨٤٢٫٥٠\u00a0€',
    },
  },
  churn_rate: {
    value: 0.021,
    previous: 0.025,
    shows: { 'en-US': '2.1%', 'de-DE': '2,1\u00a0%', 'ja-JP': '2.1%', 'ar-EG': '٢٫١٪\u061c' },
  },
  lead_conversion_rate: {
    value: 0.125,
    previous: 0.11,
    shows: { 'en-US': '12.5%', 'de-DE': '12,5\u00a0%', 'ja-JP': '12.5%', 'ar-EG': '١٢٫٥٪\u061c' },
  },
  time_to_conversion: {
    value: 23.4,
    previous: 26,
    shows: { 'en-US': '23.4 days', 'de-DE': '23,4 Tage', 'ja-JP': '23.4 日', 'ar-EG': '٢٣٫٤ يوم' },
  },
  win_rate: {
    value: 0.3,
    previous: 0.25,
    shows: { 'en-US': '30%', 'de-DE': '30\u00a0%', 'ja-JP': '30%', 'ar-EG': '٣٠٪\u061c' },
  },
  // From €100,000 up, money is compact.
  pipeline_value: {
    value: 142_000_000,
    previous: 125_000_000,
    shows: {
      'en-US': '€1.4M',
      'de-DE': '1,4\u00a0Mio.\u00a0€',
      'ja-JP': '€142万',
      'ar-EG': '\u200f١٫٤\u00a0مليون\u00a0€',
    },
  },
  // German has no short form for thousands, so €483,500 stays in full there.
  weighted_pipeline_value: {
    value: 48_350_000,
    previous: 45_000_000,
    shows: {
      'en-US': '€483.5K',
      'de-DE': '483.500\u00a0€',
      'ja-JP': '€48.4万',
      'ar-EG': '\u200f٤٨٣٫٥\u00a0ألف\u00a0€',
    },
  },
  lost_sales: {
    value: 2_675_000,
    previous: 3_100_000,
    shows: {
      'en-US': '€26,750.00',
      'de-DE': '26.750,00\u00a0€',
      'ja-JP': '€26,750.00',
      'ar-EG': '\u200f٢٦٬٧٥٠٫٠٠\u00a0€',
    },
  },
  average_order_value: {
    value: 21_990,
    previous: 20_500,
    shows: {
      'en-US': '€219.90',
      'de-DE': '219,90\u00a0€',
      'ja-JP': '€219.90',
      'ar-EG': '\u200f٢١٩٫٩٠\u00a0€',
    },
  },
  share_of_wallet: {
    value: 0.375,
    previous: 0.35,
    shows: { 'en-US': '37.5%', 'de-DE': '37,5\u00a0%', 'ja-JP': '37.5%', 'ar-EG': '٣٧٫٥٪\u061c' },
  },
  csat: {
    value: 0.86,
    previous: 0.84,
    shows: { 'en-US': '86%', 'de-DE': '86\u00a0%', 'ja-JP': '86%', 'ar-EG': '٨٦٪\u061c' },
  },
  nps: {
    value: 42,
    previous: 38,
    shows: { 'en-US': '42', 'de-DE': '42', 'ja-JP': '42', 'ar-EG': '٤٢' },
  },
  issue_resolution_time: {
    value: 5.5,
    previous: 7,
    shows: { 'en-US': '5.5 hours', 'de-DE': '5,5 Stunden', 'ja-JP': '5.5 時間', 'ar-EG': '٥٫٥ ساعة' },
  },
  // 4.25 rounds half up to 4.3.
  average_rating: {
    value: 4.25,
    previous: 4.1,
    shows: { 'en-US': '4.3', 'de-DE': '4,3', 'ja-JP': '4.3', 'ar-EG': '٤٫٣' },
  },
  campaign_roi: {
    value: 1.25,
    previous: 0.9,
    shows: { 'en-US': '125%', 'de-DE': '125\u00a0%', 'ja-JP': '125%', 'ar-EG': '١٢٥٪\u061c' },
  },
  cost_per_lead: {
    value: 4_250,
    previous: 5_100,
    shows: {
      'en-US': '€42.50',
      'de-DE': '42,50\u00a0€',
      'ja-JP': '€42.50',
      'ar-EG': '\u200f٤٢٫٥٠\u00a0€',
    },
  },
  stage_entry_count: {
    value: 120,
    previous: 96,
    shows: { 'en-US': '120', 'de-DE': '120', 'ja-JP': '120', 'ar-EG': '١٢٠' },
  },
  stage_conversion_rate: {
    value: 0.42,
    previous: 0.38,
    shows: { 'en-US': '42%', 'de-DE': '42\u00a0%', 'ja-JP': '42%', 'ar-EG': '٤٢٪\u061c' },
  },
} as const satisfies Record<MetricName, FixedValue>;
