import type { Figure } from '@chorus/testing/figures';
import { BOARD_GOAL_BYTES } from './board.js';
import { metricsGoal } from './goals.js';
import type { ApiBenchResult, EngineRun } from './types.js';

const ENGINE_NAMES = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;

/**
 * The API bench's figures for the one report: throughput per endpoint and the full metrics call,
 * per scale, each on PGlite with PostgreSQL measured beside it as the peer (when both ran).
 */
export function apiFigures(result: ApiBenchResult): Figure[] {
  const figures: Figure[] = [];
  for (const scale of result.scales) {
    const [first, ...others] = scale.runs;
    if (!first) continue;
    const peerOf = (pick: (run: EngineRun) => number) => {
      const peer = others[0];
      return peer ? { peer: { name: ENGINE_NAMES[peer.engine], value: pick(peer) } } : {};
    };
    const on = `${scale.label}, ${ENGINE_NAMES[first.engine]}`;
    // The first round only: a figure per endpoint, comparable from run to run.
    first.load.forEach((load, index) => {
      if (load.round !== 1) return;
      figures.push({
        name: `${load.method} ${load.path} throughput (${on})`,
        value: load.requestsPerSec,
        unit: 'req/s',
        ...peerOf((run) => run.load[index]?.requestsPerSec ?? Number.NaN),
        note: `p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${load.non2xx} non-2xx; ${result.settings.connections} connections × ${result.settings.durationSec} s`,
      });
    });
    // The dashboard per engine, each against the goal for its size.
    for (const run of scale.runs) {
      const where = `${scale.label}, ${ENGINE_NAMES[run.engine]}`;
      const goal = metricsGoal(run.engine, run.seeded.deals);
      figures.push({
        name: `GET /v1/metrics, all metrics, 30 days, median (${where})`,
        value: run.metrics.medianMs,
        unit: 'ms',
        ...(goal ? { budget: { max: goal.medianMs } } : {}),
        note: `median of ${run.metrics.runsMs.length}; the query ${run.explained[0]?.executionMs.toFixed(1) ?? '?'} ms, slowest metric alone ${run.explained[1]?.name ?? '?'} ${run.explained[1]?.executionMs.toFixed(1) ?? '?'} ms`,
      });
      figures.push({
        name: `GET /v1/metrics, all metrics, 30 days, p95 (${where})`,
        value: run.metrics.p95Ms,
        unit: 'ms',
        ...(goal?.p95Ms ? { budget: { max: goal.p95Ms } } : {}),
      });
      figures.push({
        name: `GET ${run.board.path}, first screen (${where})`,
        value: run.board.bytes,
        unit: 'B',
        budget: { max: BOARD_GOAL_BYTES },
        note: `${run.board.dealsShown} of ${run.board.dealsInPipeline} deals in ${run.board.columns} columns, median ${run.board.medianMs.toFixed(1)} ms`,
      });
      const f = run.fanout;
      if (f) {
        figures.push({
          name: `change feed, write → last of ${f.streams} streams, median (${where})`,
          value: f.delayMedianMs,
          unit: 'ms',
          budget: { max: 1000 },
          note: `p95 ${f.delayP95Ms.toFixed(1)} ms, max ${f.delayMaxMs.toFixed(1)} ms over ${f.writes} writes`,
        });
        figures.push({
          name: `change feed, events delivered per second to ${f.streams} streams (${where})`,
          value: f.eventsPerSecond,
          unit: 'events/s',
          note: `${f.burst} writes, eight at a time`,
        });
      }
      const c = run.contention;
      if (c) {
        figures.push({
          name: `${c.endpoint} p99 during dashboard loads ÷ alone (${where})`,
          value: c.during.p99Ms / Math.max(c.alone.p99Ms, 1),
          unit: '×',
          budget: { max: 3 },
          note: `one reader: p99 ${c.alone.p99Ms} ms alone, ${c.during.p99Ms} ms beside ${c.dashboards} dashboards`,
        });
      }
    }
  }
  return figures;
}
