import { METRIC_NAMES } from '@chorus/contract';
import type { Database } from '../src/db/database.js';
import { METRIC_QUERIES } from '../src/domain/metric-sql.js';
import { buckets } from '../src/domain/periods.js';
import type { ExplainedQuery } from './types.js';

const DAY = 86_400_000;

/**
 * Every metric's query under `EXPLAIN (ANALYZE, BUFFERS)` with the dashboard's default ranges (the
 * last 30 days by day, and the 30 before), as the API runs it (JIT off, in the tenant's workspace);
 * the slowest `top`, with the plan's totals.
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
  ];
  const explained: ExplainedQuery[] = [];
  for (const name of METRIC_NAMES) {
    const [row] = await db.transaction(async (tx) => {
      await tx.query("select set_config('jit', 'off', true)");
      return tx.query<{ 'QUERY PLAN': unknown }>(
        `explain (analyze, buffers, format json) ${METRIC_QUERIES[name]} order by 1`,
        params,
      );
    });
    const raw = row!['QUERY PLAN'];
    const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      Plan: { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number; 'Actual Rows'?: number };
      'Planning Time': number;
      'Execution Time': number;
    }[];
    explained.push({
      name,
      planningMs: plan!['Planning Time'],
      executionMs: plan!['Execution Time'],
      sharedHit: plan!.Plan['Shared Hit Blocks'] ?? 0,
      sharedRead: plan!.Plan['Shared Read Blocks'] ?? 0,
    });
  }
  return explained.sort((a, b) => b.executionMs - a.executionMs).slice(0, top);
}
