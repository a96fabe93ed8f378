import { METRIC_NAMES, type MetricName } from '@chorus/contract';
import type { Sql } from '../../src/db/database.js';
import { METRIC_CTES, METRIC_NEEDS, METRIC_SQL } from './reference-metric-sql.js';

/**
 * Every metric by its plain definition: each range answered by its own scan of the rows
 * (`reference-metric-sql.ts`, the API's first implementation). Slow and obviously right; the fast
 * path in `src/domain/metric-sql.ts` is held to it.
 */
export async function referenceMetrics(
  tx: Sql,
  workspaceId: string,
  ranges: { start: Date; end: Date }[],
  /** `$4`… of the marketing metrics (see src/domain/marketing-sql.ts). */
  marketing: unknown[],
  /** Only these metrics (every one by default); the others are left out of the result. */
  names: readonly MetricName[] = METRIC_NAMES,
): Promise<Record<MetricName, (number | null)[]>> {
  const starts = ranges.map((r) => r.start.toISOString());
  const ends = ranges.map((r) => r.end.toISOString());
  const result = {} as Record<MetricName, (number | null)[]>;
  for (const name of names) {
    const ctes = (METRIC_NEEDS[name] ?? [])
      .map((cte) => `${cte} as materialized (${METRIC_CTES[cte]}),`)
      .join('\n');
    const rows = await tx.query<{ i: number; v: number | null }>(
      `with ${ctes} r as materialized (
         select * from unnest($2::timestamptz[], $3::timestamptz[]) with ordinality as r(s, e, i)
       ),
       params as (select $4::text as stage, $5::text as campaign_id, $6::text as channel, $7::text as attribution,
         $8::text as source)
       select r.i::int as i, m.v from r cross join lateral (${METRIC_SQL[name]}) m order by r.i`,
      [workspaceId, starts, ends, ...marketing],
    );
    result[name] = rows.map((row) => (row.v === null ? null : Number(row.v)));
  }
  return result;
}
