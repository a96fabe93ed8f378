import {
  type AttributionModel,
  type CampaignChannel,
  type FunnelStage,
  METRICS,
  type MetricComparison,
  type MetricInterval,
  type MetricName,
  type RatingSource,
} from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { METRIC_SQL, metricsQuery } from './metric-sql.js';
import { buckets, defaultInterval } from './periods.js';
import type { MetricsResponseDto } from './types.js';

export interface MetricsRequest {
  names: MetricName[];
  from?: string | undefined;
  to?: string | undefined;
  interval?: MetricInterval | undefined;
  compare?: MetricComparison | undefined;
  /** The marketing metrics' stage, filters and model (the contract refuses them with others). */
  stage?: FunnelStage | undefined;
  campaignId?: string | undefined;
  channel?: CampaignChannel | undefined;
  attribution?: AttributionModel | undefined;
  /** The rating metrics of one source only (the contract refuses it with other metrics). */
  source?: RatingSource | undefined;
}

/** The parameters `$4`…`$8` of the metrics' and the funnel's statements (see marketing-sql.ts); the lead stage by default. */
export const marketingParams = (request: Omit<MetricsRequest, 'names'>) => [
  request.stage ?? 'lead',
  request.campaignId ?? null,
  request.channel ?? null,
  request.attribution ?? 'last_touch',
  request.source ?? null,
];

const DAY = 86_400_000;

/**
 * A metric without running sums reads rows in each range (the marketing measures, the two medians):
 * nothing is shared between its ranges, so it is asked for this many ranges at a time, at no extra
 * cost, in statements short enough that other requests on PGlite do not wait long between them.
 */
const RANGES_PER_STATEMENT = 8;
const readsRowsPerRange = (name: MetricName) => Object.keys(METRIC_SQL[name].sums).length === 0;

/** `[first, end)` index pairs cutting `length` items into runs of at most `size`. */
const chunks = (length: number, size: number): [number, number][] =>
  Array.from({ length: Math.ceil(length / size) }, (_, k) => [k * size, Math.min(length, (k + 1) * size)]);

/** The same instant one calendar year earlier, in UTC; 29 February falls back to 28 February. */
export function yearEarlier(time: Date): Date {
  const earlier = new Date(time);
  earlier.setUTCFullYear(time.getUTCFullYear() - 1);
  // setUTCFullYear rolls 29 February into 1 March of a common year; keep it in February.
  if (earlier.getUTCMonth() !== time.getUTCMonth()) earlier.setUTCDate(0);
  return earlier;
}

/** The period `previous` figures are measured over: the one before, or the same dates a year earlier. */
export function comparisonPeriod(from: Date, to: Date, compare: MetricComparison) {
  return compare === 'year-ago'
    ? { previousFrom: yearEarlier(from), previousTo: yearEarlier(to) }
    : { previousFrom: new Date(from.getTime() - (to.getTime() - from.getTime())), previousTo: from };
}

/**
 * Computes each metric over the period, the comparison period (see `compare`) and every series bucket
 * in one query per metric: the ranges travel as two arrays, and the query answers the metric for all
 * of them from the rollups (see `metric-sql.ts`).
 */
export async function computeMetrics(
  tx: Sql,
  workspaceId: string,
  currency: string,
  request: MetricsRequest,
  now = new Date(),
): Promise<MetricsResponseDto> {
  const to = request.to ? new Date(request.to) : now;
  const from = request.from ? new Date(request.from) : new Date(to.getTime() - 30 * DAY);
  const compare = request.compare ?? 'previous';
  const { previousFrom, previousTo } = comparisonPeriod(from, to, compare);
  const interval = request.interval ?? defaultInterval(from, to);
  const series = buckets(from, to, interval);
  const ranges = [{ start: from, end: to }, { start: previousFrom, end: previousTo }, ...series];
  const starts = ranges.map((r) => r.start.toISOString());
  const ends = ranges.map((r) => r.end.toISOString());

  // The query reads a few hundred rows, but PostgreSQL's cost estimate of its lookups crosses the
  // JIT threshold, and compiling took longer (about 14 ms a query) than running. Custom plans: the
  // marketing metrics' filters (`$5 is null or …`) fold away only when the planner sees their values;
  // the generic plan PostgreSQL switches to after five runs of a prepared statement kept them, 3x slower.
  const settings = tx.query(
    "select set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)",
  );
  // One statement per metric (per few ranges for a metric that reads rows in each range), all issued
  // at once behind the settings. PostgreSQL gets them pipelined on the transaction's connection (one
  // round trip); PGlite, which runs one statement at a time, lets other requests take turns between
  // them, so a list read waits for one short statement, not for the whole dashboard.
  const bySource = request.source !== undefined;
  const pieces = request.names.flatMap((name) =>
    chunks(ranges.length, readsRowsPerRange(name) ? RANGES_PER_STATEMENT : ranges.length).map(
      ([first, end]) => ({ name, first, end }),
    ),
  );
  const [, ...answers] = await Promise.all([
    settings,
    ...pieces.map(({ name, first, end }) =>
      tx.query<Record<string, number | null>>(metricsQuery([name], { bySource }), [
        workspaceId,
        starts.slice(first, end),
        ends.slice(first, end),
        ...marketingParams(request),
      ]),
    ),
  ]);
  const data = request.names.map((name) => {
    const values = pieces
      .flatMap((piece, n) => (piece.name === name ? answers[n]! : []))
      .map((row) => (row[name] === null || row[name] === undefined ? null : Number(row[name])));
    const definition = METRICS[name];
    return {
      name,
      label: definition.label,
      value: values[0] ?? null,
      previous: values[1] ?? null,
      unit: definition.unit,
      direction: definition.direction,
      definition: definition.definition,
      series: series.map((bucket, index) => ({
        start: bucket.start.toISOString(),
        value: values[index + 2] ?? null,
      })),
    };
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    previousFrom: previousFrom.toISOString(),
    previousTo: previousTo.toISOString(),
    compare,
    interval,
    currency,
    data,
  };
}
