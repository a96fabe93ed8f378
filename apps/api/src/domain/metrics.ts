import { METRICS, type MetricInterval, type MetricName } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { METRIC_QUERIES } from './metric-sql.js';
import { buckets, defaultInterval } from './periods.js';
import type { MetricsResponseDto } from './types.js';

export interface MetricsRequest {
  names: MetricName[];
  from?: string | undefined;
  to?: string | undefined;
  interval?: MetricInterval | undefined;
}

const DAY = 86_400_000;

/**
 * Computes each metric over the period, the previous period of equal length and every series bucket
 * in one query per metric: the ranges travel as two arrays, and each query answers all of them in
 * one pass (see `metric-sql.ts`).
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
  const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const interval = request.interval ?? defaultInterval(from, to);
  const series = buckets(from, to, interval);
  const ranges = [{ start: from, end: to }, { start: previousFrom, end: from }, ...series];
  const starts = ranges.map((r) => r.start.toISOString());
  const ends = ranges.map((r) => r.end.toISOString());

  // Each query reads a few hundred rows; PostgreSQL's cost estimate of the lateral lookups still
  // crosses the JIT threshold, and compiling costs more (about 14 ms a query) than running.
  await tx.query("select set_config('jit', 'off', true)");
  const data = [];
  for (const name of request.names) {
    const rows = await tx.query<{ i: number; v: number | null }>(`${METRIC_QUERIES[name]} order by 1`, [
      workspaceId,
      starts,
      ends,
    ]);
    const values = rows.map((row) => (row.v === null ? null : Number(row.v)));
    const definition = METRICS[name];
    data.push({
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
    });
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    previousFrom: previousFrom.toISOString(),
    interval,
    currency,
    data,
  };
}
