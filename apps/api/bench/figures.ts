import type { Figure } from '@chorus/bench/figures';
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
    figures.push({
      name: `GET /v1/metrics, all metrics, 30 days (${on})`,
      value: first.metrics.medianMs,
      unit: 'ms',
      ...peerOf((run) => run.metrics.medianMs),
      note: `median of ${first.metrics.runsMs.length}`,
    });
  }
  return figures;
}
