import { createRoute, z } from '@hono/zod-openapi';
import { Timestamp } from '../common.js';
import { METRIC_COMPARISONS, METRIC_DIRECTIONS, METRIC_INTERVALS, METRIC_UNITS } from '../enums.js';
import { bearer, json, problems } from '../http.js';
import { METRIC_NAMES } from '../metrics.js';

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

export const MetricsQuery = z
  .object({
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
  });

export const getMetrics = createRoute({
  method: 'get',
  path: '/v1/metrics',
  tags: ['Metrics'],
  summary: 'Compute metrics over a period, with the previous period and a series',
  security: bearer,
  request: { query: MetricsQuery },
  responses: { 200: json(MetricsResponse, 'The metrics, in the order asked.'), ...problems(403) },
});
