import { METRIC_NAMES, type MetricName } from '@chorus/contract';
import type { Database } from '../src/db/database.js';
import { metricsQuery } from '../src/domain/metric-sql.js';
import { marketingParams } from '../src/domain/metrics.js';
import { buckets } from '../src/domain/periods.js';
import type { ExplainedQuery } from './types.js';

const DAY = 86_400_000;

/**
 * The dashboard's query under `EXPLAIN (ANALYZE, BUFFERS)` with its default ranges (the last 30
 * days by day, and the 30 before), as the API runs it (JIT off), first whole (`all metrics`), then
 * for each metric alone; the whole and the slowest `top` metrics, with the plans' totals.
 */
export async function explainSlowestMetrics(
  db: Database,
  workspaceId: string,
  top = 3,
): Promise<ExplainedQuery[]> {
  const to = new Date();
  const from = new Date(to.getTime() - 30 * DAY);
  const ranges = [
    { start: from, end: to },
    { start: new Date(from.getTime() - 30 * DAY), end: from },
    ...buckets(from, to, 'day'),
  ];
  const params = [
    workspaceId,
    ranges.map((r) => r.start.toISOString()),
    ranges.map((r) => r.end.toISOString()),
    ...marketingParams({ stage: 'lead' }),
  ];
  const explain = async (name: string, names: readonly MetricName[]): Promise<ExplainedQuery> => {
    const [row] = await db.transaction(async (tx) => {
      await tx.query("select set_config('jit', 'off', true)");
      return tx.query<{ 'QUERY PLAN': unknown }>(
        `explain (analyze, buffers, format json) ${metricsQuery(names)}`,
        params,
      );
    });
    const raw = row!['QUERY PLAN'];
    const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      Plan: { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number };
      'Planning Time': number;
      'Execution Time': number;
    }[];
    return {
      name,
      planningMs: plan!['Planning Time'],
      executionMs: plan!['Execution Time'],
      sharedHit: plan!.Plan['Shared Hit Blocks'] ?? 0,
      sharedRead: plan!.Plan['Shared Read Blocks'] ?? 0,
    };
  };
  const whole = await explain('all metrics', METRIC_NAMES);
  const each: ExplainedQuery[] = [];
  for (const name of METRIC_NAMES) each.push(await explain(name, [name]));
  return [whole, ...each.sort((a, b) => b.executionMs - a.executionMs).slice(0, top)];
}
