/**
 * Issue 14's table, filled in from one bench run: each row beside its goal, met or not. The
 * sections below it in the report hold the detail (every round, the breakdown, the plans).
 */
import { BOARD_GOAL_BYTES } from './board.js';
import { CEILING_PATH } from './load.js';
import type { ApiBenchResult, EngineRun } from './types.js';

const ENGINE_NAMES = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;

/** The lists' goal: at least this share of the ceiling, p99 at most this, on PostgreSQL at ~100k deals. */
export const LIST_GOAL = { shareOfCeiling: 0.25, p99Ms: 30, minDeals: 50_000 };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

/** The goal for the whole dashboard at this size (issue 14), if it sets one. */
export function metricsGoal(
  engine: EngineRun['engine'],
  deals: number,
): { medianMs: number; p95Ms?: number; text: string } | undefined {
  if (engine === 'pglite' && deals < 50_000) return { medianMs: 150, text: 'median ≤ 150' };
  if (engine === 'postgres' && deals >= 50_000 && deals < 500_000)
    return { medianMs: 150, p95Ms: 300, text: 'median ≤ 150, p95 ≤ 300' };
  if (engine === 'postgres' && deals >= 500_000) return { medianMs: 1000, text: 'median ≤ 1,000' };
  return undefined;
}

/** One row per goal and place measured: what, where, measured, goal, verdict. */
export function goalRows(result: ApiBenchResult): string[][] {
  const rows: string[][] = [];
  for (const scale of result.scales) {
    for (const run of scale.runs) {
      const where = `${scale.label}, ${ENGINE_NAMES[run.engine]}`;
      const goal = metricsGoal(run.engine, run.seeded.deals);
      if (goal) {
        const { medianMs, p95Ms } = run.metrics;
        rows.push([
          'GET /v1/metrics, all metrics, 30 days',
          where,
          `median ${medianMs.toFixed(0)} ms, p95 ${p95Ms.toFixed(0)} ms`,
          goal.text.replace(/≤ (\d+(?:,\d{3})*)/g, '≤ $1 ms'),
          verdict(medianMs <= goal.medianMs && (goal.p95Ms === undefined || p95Ms <= goal.p95Ms)),
        ]);
      }
      rows.push(...listRows(run, where, run.engine === 'postgres' && run.seeded.deals >= LIST_GOAL.minDeals));
      rows.push([
        'board, first screen (25 cards a column, as the element reads it)',
        where,
        `${(run.board.bytes / 1000).toFixed(1)} kB (${run.board.dealsShown} of ${run.board.dealsInPipeline} deals)`,
        `≤ ${BOARD_GOAL_BYTES / 1000} kB`,
        verdict(run.board.bytes <= BOARD_GOAL_BYTES),
      ]);
      const c = run.contention;
      if (c && run.engine === 'pglite') {
        const ratio = c.during.p99Ms / Math.max(c.alone.p99Ms, 1);
        rows.push([
          `${c.endpoint} p99 during dashboards ÷ alone`,
          where,
          `${ratio.toFixed(1)}× (${c.alone.p99Ms} → ${c.during.p99Ms} ms)`,
          '≤ 3×',
          verdict(ratio <= 3),
        ]);
      }
    }
  }
  return rows;
}

/** Each list endpoint's share of the ceiling (median over rounds) and p99 (worst round). */
function listRows(run: EngineRun, where: string, hasGoal: boolean): string[][] {
  const byEndpoint = new Map<string, { share: number[]; p99: number[] }>();
  for (const load of run.load) {
    const ceiling = run.load.find((l) => l.round === load.round && l.path === CEILING_PATH);
    if (load.method !== 'GET' || !ceiling || load === ceiling) continue;
    const entry = byEndpoint.get(load.name) ?? { share: [], p99: [] };
    entry.share.push(load.requestsPerSec / ceiling.requestsPerSec);
    entry.p99.push(load.p99Ms);
    byEndpoint.set(load.name, entry);
  }
  return [...byEndpoint].map(([name, { share, p99 }]) => {
    const shareMedian = median(share);
    const worstP99 = Math.max(...p99);
    return [
      `${name} under load`,
      where,
      `${(100 * shareMedian).toFixed(1)}% of ceiling (${share.map((s) => (100 * s).toFixed(0)).join(', ')}%), worst p99 ${worstP99} ms`,
      hasGoal ? `≥ ${100 * LIST_GOAL.shareOfCeiling}%, p99 ≤ ${LIST_GOAL.p99Ms} ms` : '',
      hasGoal ? verdict(shareMedian >= LIST_GOAL.shareOfCeiling && worstP99 <= LIST_GOAL.p99Ms) : '',
    ];
  });
}
