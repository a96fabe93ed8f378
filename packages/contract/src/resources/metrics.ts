import { createRoute, z } from '@hono/zod-openapi';
import { CursorParam, idSchema, LimitParam, Money, page, Timestamp } from '../common.js';
import {
  ATTRIBUTION_MODELS,
  FUNNEL_STAGES,
  METRIC_COMPARISONS,
  METRIC_DIRECTIONS,
  METRIC_INTERVALS,
  METRIC_UNITS,
} from '../enums.js';
import { bearer, json, problems } from '../http.js';
import {
  ATTRIBUTION,
  FUNNEL_DEFINITIONS,
  MARKETING_METRICS,
  RATING_METRICS,
  METRIC_NAMES,
  STAGE_METRICS,
} from '../metrics.js';
import { Campaign, CampaignChannel } from './campaigns.js';
import { Contact, LifecycleStage } from './contacts.js';
import { RatingSource } from './ratings.js';

export const MetricNameSchema = z.enum(METRIC_NAMES).openapi('MetricName');

const namesPattern = new RegExp(`^(${METRIC_NAMES.join('|')})(,(${METRIC_NAMES.join('|')}))*$`);

const MetricComparison = z.enum(METRIC_COMPARISONS).openapi('MetricComparison', {
  description:
    '`previous`: the preceding period of equal length. `year-ago`: the same dates one year earlier (29 February falls back to 28 February).',
  example: 'year-ago',
});

const MetricInterval = z
  .enum(METRIC_INTERVALS)
  .openapi('MetricInterval', { description: 'The length of each series bucket.', example: 'week' });

export const MetricResult = z
  .object({
    name: MetricNameSchema,
    label: z.string().openapi({ example: 'Churn rate' }),
    value: z.number().nullable().openapi({
      description: 'Over [from, to); null when there is no data (e.g. no ratings yet).',
      example: 0.021,
    }),
    previous: z.number().nullable().openapi({
      description: 'The same measure over the comparison period [previousFrom, previousTo) (see `compare`).',
      example: 0.025,
    }),
    unit: z
      .enum(METRIC_UNITS)
      .openapi({ description: '`percent` values are fractions; `money` values are minor units.' }),
    direction: z
      .enum(METRIC_DIRECTIONS)
      .openapi({ description: 'Whether a rise is good news (e.g. churn: down is good).' }),
    definition: z.string().openapi({ description: 'The agreed written definition.' }),
    series: z
      .array(z.object({ start: Timestamp, value: z.number().nullable() }))
      .openapi({ description: 'The measure per interval, for sparklines.' }),
  })
  .openapi('MetricResult');

export const MetricsResponse = z
  .object({
    from: Timestamp,
    to: Timestamp,
    previousFrom: Timestamp,
    previousTo: Timestamp,
    compare: MetricComparison,
    interval: MetricInterval,
    currency: z.string().openapi({ description: 'Currency of money metrics.', example: 'EUR' }),
    data: z.array(MetricResult),
  })
  .openapi('MetricsResponse');

const FunnelStage = z.enum(FUNNEL_STAGES).openapi('FunnelStage', {
  description: 'A lifecycle stage of the agreed funnel (every stage but churned).',
  example: 'sales_qualified',
});

const Attribution = z.enum(ATTRIBUTION_MODELS).openapi('AttributionModel', {
  description: `${ATTRIBUTION.first_touch} ${ATTRIBUTION.last_touch}`,
  example: 'last_touch',
});

/** The campaign or channel filter of the marketing metrics, the funnel and the campaign report. */
const MarketingFilter = {
  campaignId: idSchema('campaign')
    .optional()
    .openapi({ description: 'Only what comes from this campaign (see the definitions).' }),
  channel: CampaignChannel.optional().openapi({ description: 'Only what comes through this channel.' }),
};

export const MetricsQuery = z
  .object({
    ...MarketingFilter,
    stage: FunnelStage.optional().openapi({
      description: `The stage measured by ${STAGE_METRICS.join(' and ')}; \`lead\` when left out.`,
    }),
    attribution: Attribution.optional().openapi({
      description: 'Which touch campaign_roi credits revenue to; `last_touch` when left out.',
    }),
    source: RatingSource.optional().openapi({
      description: `Only ratings from this source, for ${RATING_METRICS.join(', ')}: a marketplace's stars apart from the site's.`,
    }),
    names: z
      .string()
      .regex(namesPattern, `must be comma-separated metric names: ${METRIC_NAMES.join(', ')}`)
      .openapi({ description: 'Comma-separated metric names.', example: 'churn_rate,win_rate' }),
    from: Timestamp.optional().openapi({
      description: 'Start (inclusive); defaults to 30 days before `to`.',
    }),
    to: Timestamp.optional().openapi({ description: 'End (exclusive); defaults to now.' }),
    interval: MetricInterval.optional().openapi({
      description: 'Series bucket; chosen from the period length when left out.',
    }),
    compare: MetricComparison.optional().openapi({
      description: 'What `previous` is measured over; `previous` when left out.',
    }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['from'],
  })
  .refine(
    (q) =>
      (q.campaignId === undefined && q.channel === undefined && q.attribution === undefined) ||
      q.names.split(',').every((n) => (MARKETING_METRICS as readonly string[]).includes(n)),
    {
      message: `campaignId, channel and attribution apply only to ${MARKETING_METRICS.join(', ')}: ask for other metrics in another request`,
      path: ['names'],
    },
  )
  .refine(
    (q) =>
      q.source === undefined ||
      q.names.split(',').every((n) => (RATING_METRICS as readonly string[]).includes(n)),
    {
      message: `source applies only to ${RATING_METRICS.join(', ')}: ask for other metrics in another request`,
      path: ['names'],
    },
  );

export const getMetrics = createRoute({
  method: 'get',
  path: '/v1/metrics',
  tags: ['Metrics'],
  summary: 'Compute metrics over a period, with the previous period and a series',
  security: bearer,
  request: { query: MetricsQuery },
  responses: { 200: json(MetricsResponse, 'The metrics, in the order asked.'), ...problems(403) },
});

/** The period of the funnel and the campaign report. */
const marketingPeriod = {
  from: Timestamp.optional().openapi({ description: 'Start (inclusive); defaults to 90 days before `to`.' }),
  to: Timestamp.optional().openapi({ description: 'End (exclusive); defaults to now.' }),
  compare: MetricComparison.optional().openapi({
    description: 'What the `previous` figures are measured over; `previous` when left out.',
  }),
};
const fromBeforeTo: [
  (q: { from?: string | undefined; to?: string | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to),
  { message: 'from must be before to', path: ['from'] },
];

export const FunnelQuery = z.object({ ...marketingPeriod, ...MarketingFilter }).refine(...fromBeforeTo);
export const CampaignReportQuery = z
  .object({ ...marketingPeriod, channel: MarketingFilter.channel })
  .refine(...fromBeforeTo);

const Period = {
  from: Timestamp,
  to: Timestamp,
  previousFrom: Timestamp,
  previousTo: Timestamp,
  compare: MetricComparison,
};

const StageFigures = z
  .object({
    entered: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'As the stage_entry_count metric.', example: 120 }),
    conversionRate: z
      .number()
      .nullable()
      .openapi({ description: 'As the stage_conversion_rate metric.', example: 0.42 }),
    medianDaysToNext: z
      .number()
      .nullable()
      .openapi({ description: FUNNEL_DEFINITIONS.medianDaysToNext, example: 12.5 }),
    returning: z.number().int().min(0).openapi({ description: FUNNEL_DEFINITIONS.returning }),
  })
  .openapi('FunnelStageFigures');

export const LifecycleFunnel = z
  .object({
    ...Period,
    stages: z
      .array(z.object({ stage: FunnelStage, current: StageFigures, previous: StageFigures }))
      .openapi({ description: 'Every stage of the funnel, in order.' }),
  })
  .openapi('LifecycleFunnel');

export const getLifecycleFunnel = createRoute({
  method: 'get',
  path: '/v1/metrics/funnel',
  tags: ['Metrics'],
  summary: 'The lifecycle funnel: entries, conversion and time to the next stage, for every stage',
  description:
    'The stage metrics (`stage_entry_count`, `stage_conversion_rate`) for every stage at once, with the median time to the next stage and the returning customers, over the period and the comparison period.',
  security: bearer,
  request: { query: FunnelQuery },
  responses: { 200: json(LifecycleFunnel, 'The funnel.'), ...problems(403) },
});

/** The contacts a funnel stage counts: who entered it in the period, page by page. */
export const FunnelEntriesQuery = z
  .object({
    stage: FunnelStage.openapi({ description: 'The stage whose entries are listed.' }),
    from: marketingPeriod.from,
    to: marketingPeriod.to.openapi({
      description:
        'End (exclusive); defaults to now. Pass the funnel’s own `from` and `to` when paging, so every page counts the same window.',
    }),
    ...MarketingFilter,
    limit: LimitParam,
    cursor: CursorParam,
  })
  .refine(...fromBeforeTo);

export const FunnelEntry = z
  .object({
    contact: Contact,
    enteredAt: Timestamp.openapi({
      description: 'Their first entry into the stage in the period: the entry the funnel counts.',
    }),
    from: LifecycleStage.nullable().openapi({
      description: 'The stage they came from: null when created in it, `churned` for a returning customer.',
    }),
    campaign: z
      .object({ id: idSchema('campaign'), name: Campaign.shape.name, channel: CampaignChannel })
      .nullable()
      .openapi({
        description:
          'The campaign of their first touch (what the funnel’s `campaignId` filter goes by); null when that touch came through none.',
      }),
    source: CampaignChannel.nullable().openapi({
      description:
        'The channel of their first touch (what the `channel` filter goes by); null when they have no touch.',
    }),
  })
  .openapi('FunnelEntry', {
    description:
      'A contact counted by a funnel stage (and by `stage_entry_count`), with when they entered it.',
  });

export const listFunnelEntries = createRoute({
  method: 'get',
  path: '/v1/metrics/funnel/entries',
  tags: ['Metrics'],
  summary: 'The contacts who entered a funnel stage in the period',
  description:
    'Exactly the contacts the funnel’s `entered` (and `stage_entry_count`) counts for the stage, period and campaign or channel filter, each once, ordered by contact id.',
  security: bearer,
  request: { query: FunnelEntriesQuery },
  responses: {
    200: json(page(FunnelEntry, 'FunnelEntryPage'), 'A page of entries.'),
    ...problems(403),
  },
});

const ByAttribution = <T extends z.ZodType>(schema: T) => z.object({ firstTouch: schema, lastTouch: schema });

export const CampaignPerformance = z
  .object({
    campaign: Campaign,
    cost: Money.openapi({ description: 'The cost falling in the period.' }),
    leads: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Leads brought in during the period (first touch).' }),
    customers: z.number().int().min(0).openapi({
      description:
        'Contacts who came from the campaign (first touch) and first became customers during the period.',
    }),
    revenue: ByAttribution(Money).openapi({
      description: 'Orders placed in the period credited to the campaign.',
    }),
    roi: ByAttribution(z.number().nullable()).openapi({
      description: '(Revenue − cost) ÷ cost; null with no cost in the period.',
    }),
  })
  .openapi('CampaignPerformance');

export const CampaignReport = z
  .object({
    from: Timestamp,
    to: Timestamp,
    currency: z.string().openapi({ description: 'Currency of the money figures.', example: 'EUR' }),
    data: z.array(CampaignPerformance).openapi({
      description: 'Campaigns with cost, leads or revenue in the period, by name.',
    }),
  })
  .openapi('CampaignReport');

export const getCampaignReport = createRoute({
  method: 'get',
  path: '/v1/metrics/campaigns',
  tags: ['Metrics'],
  summary: 'Each campaign: leads, customers, revenue, cost and ROI under both attribution models',
  security: bearer,
  request: { query: CampaignReportQuery },
  responses: { 200: json(CampaignReport, 'The report.'), ...problems(403) },
});
