import type { ChorusQueries } from '@chorus/sdk/query';
import { type MetricComparison, type Period, type PeriodRange, periodRange } from './period.js';

/**
 * The query a tile or grid reads. A custom period is a dated range. The others end now, so they
 * are rolling: keyed by the period's name and dated at each fetch, which lets a refetch after an
 * invalidation (a deal moved, an order placed) count what just happened.
 */
export function metricsQuery(
  queries: ChorusQueries,
  names: string,
  period: Period,
  range: PeriodRange,
  compare: MetricComparison = 'previous',
): ReturnType<ChorusQueries['metrics']> | ReturnType<ChorusQueries['rollingMetrics']> {
  // The API's default is left out of the request and the key, so existing caches stay shared.
  const comparison = compare === 'previous' ? {} : { compare };
  if (period === 'custom') return queries.metrics({ names, ...range, ...comparison });
  return queries.rollingMetrics(
    { names, window: period, ...comparison },
    () => periodRange(period, new Date(), {}, { exactEnd: true }) ?? range,
  );
}
