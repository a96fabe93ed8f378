/**
 * `npm run bench`: the reference API on the seeded demo data at about 10k and 100k deals.
 * Prints request throughput and p50/p99 latency for the list and public-rating endpoints under
 * autocannon, and the time of the full /v1/metrics call on PGlite and PostgreSQL side by side.
 * Settings for development: BENCH_DURATION (seconds per endpoint), BENCH_SCALES (e.g. "43,428"),
 * BENCH_ANALYZE=0 (measure without running ANALYZE after the seed), BENCH_ROUNDS (loads of each
 * endpoint, interleaved; default 1), BENCH_CONNECTIONS (default 32). Each list endpoint is printed
 * beside the ceiling (the same server answering a static body of the list's size) and as a % of it,
 * and one list request is timed piece by piece (bench/breakdown.ts).
 * Metrics: BENCH_METRIC_RUNS timed calls (default 20) give the median and p95 beside their goals, and
 * the three slowest metric queries are shown with their EXPLAIN (ANALYZE, BUFFERS) totals.
 * BENCH_1M=1 adds ~1M deals (scale 4274) on PostgreSQL; BENCH_ONLY=metrics skips the loads;
 * BENCH_PROPERTY_RUNS (default 100; 0 to skip) runs the metrics property test that many workspaces long;
 * BENCH_DATABASE_PREFIX names the PostgreSQL databases made per scale (default chorus_bench);
 * BENCH_PGLITE_MAX_SCALE seeds PGlite up to that scale only (default 500: 10k and 100k deals).
 */
import { spawnSync } from 'node:child_process';
import { cpus, platform, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';
import { within } from '@chorus/testing/bounded';
import { recordFigures } from '@chorus/testing/figures';
import { SMOKE, sized } from '@chorus/testing/smoke';
import { measureBoard } from './board.js';
import { type ChildServer, startChildServer } from './child.js';
import { measureFanout } from './fanout.js';
import { apiFigures } from './figures.js';
import {
  CEILING,
  ENDPOINTS,
  explainMetrics,
  listDuringDashboards,
  loadEndpoint,
  timeMetrics,
} from './load.js';
import { acquirePostgres } from './postgres.js';
import { formatApiBench } from './report.js';
import type { ApiBenchResult, Engine, EngineRun, ScaleRun } from './types.js';

export type { ApiBenchResult } from './types.js';
export { formatApiBench } from './report.js';

/** Seed scales: each unit is about 234 deals (43 → ~10.0k, 428 → ~100.6k). */
export const DEFAULT_SCALES = [43, 428];
/** About 1M deals, PostgreSQL only (BENCH_1M=1). */
export const MILLION_SCALE = 4274;

/**
 * PGlite takes about 190 s (and over 3 GB of memory) to seed scale 428 on a 2-core EPYC (scale 43
 * about 20-25 s); above this scale (the 1M run, 22 min on PostgreSQL) only PostgreSQL is seeded.
 */
export const PGLITE_MAX_SCALE = 500;

export interface ApiBenchOptions {
  scales?: number[];
  connections?: number;
  durationSec?: number;
  metricRuns?: number;
  /** Each endpoint (the ceiling first) is loaded this many times, rounds interleaved: the machine is noisy. */
  rounds?: number;
  pgliteMaxScale?: number;
  /** Run ANALYZE after seeding (default), as a server that has been up a while would have. */
  analyze?: boolean;
  /** Time the metrics only, without the loads of the list endpoints. */
  metricsOnly?: boolean;
  /** Progress lines; stderr by default. */
  log?: (line: string) => void;
}

export async function runApiBench({
  scales = DEFAULT_SCALES,
  connections = 32,
  durationSec = 5,
  metricRuns = 20,
  rounds = 1,
  pgliteMaxScale = PGLITE_MAX_SCALE,
  analyze = true,
  metricsOnly = false,
  log = (line) => process.stderr.write(`bench: ${line}\n`),
}: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const postgres = await acquirePostgres();
  log(
    postgres.available
      ? `PostgreSQL ${postgres.host.version} from ${postgres.host.source}`
      : `PostgreSQL skipped: ${postgres.reason}`,
  );
  const releasePostgres = () => (postgres.available ? postgres.host.release() : Promise.resolve());
  const onSignal = () => void releasePostgres().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const scaleRuns: ScaleRun[] = [];
  try {
    for (const scale of scales) {
      const label = scaleLabel(scale);
      const scaleRun: ScaleRun = { label, scale, runs: [], skipped: [] };
      scaleRuns.push(scaleRun);
      const engines: { engine: Engine; databaseUrl?: string }[] = [];
      if (scale <= pgliteMaxScale) engines.push({ engine: 'pglite' });
      else {
        scaleRun.skipped.push({
          engine: 'pglite',
          reason: `seeding scale ${scale} in PGlite takes too long for the bench (limit: scale ${pgliteMaxScale})`,
        });
      }
      if (postgres.available) {
        engines.push({
          engine: 'postgres',
          databaseUrl: await postgres.host.createDatabase(
            `${process.env.BENCH_DATABASE_PREFIX ?? 'chorus_bench'}_s${scale}_${process.pid}`,
          ),
        });
      } else scaleRun.skipped.push({ engine: 'postgres', reason: postgres.reason });

      for (const { engine, databaseUrl } of engines) {
        log(`${label}: seeding scale ${scale} on ${engine}…`);
        // Seeding ~100k deals on PostgreSQL takes minutes; a server that never says it is ready must
        // still end the bench, with a message.
        const server = await within(
          `the bench server to seed scale ${scale} on ${engine}`,
          sized(30 * 60_000, 3 * 60_000),
          startChildServer(scale, { databaseUrl, analyze }),
        );
        try {
          scaleRun.runs.push(
            await measure(server, engine, { connections, durationSec, metricRuns, rounds, metricsOnly, log }),
          );
        } finally {
          await server.close();
        }
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await releasePostgres();
  }

  const cpu = cpus();
  return {
    startedAt,
    totalMs: performance.now() - started,
    environment: {
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown CPU',
    },
    settings: { connections, durationSec, metricRuns, rounds, analyze },
    postgres: postgres.available
      ? { available: true, source: postgres.host.source, version: postgres.host.version }
      : { available: false, reason: postgres.reason },
    scales: scaleRuns,
  };
}

/** "~10k deals" from the seed's ~234 deals per unit of scale. */
function scaleLabel(scale: number): string {
  const thousands = (scale * 234) / 1000;
  if (thousands >= 950) return `~${(thousands / 1000).toFixed(1)}M deals`;
  return `~${thousands < 9.5 ? thousands.toFixed(1) : Math.round(thousands)}k deals`;
}

async function measure(
  server: ChildServer,
  engine: Engine,
  options: {
    connections: number;
    durationSec: number;
    metricRuns: number;
    rounds: number;
    metricsOnly: boolean;
    log: (line: string) => void;
  },
): Promise<EngineRun> {
  const { log, breakdown: b } = { ...options, breakdown: server.breakdown };
  log(
    `  one list request: auth ${b.authMs.toFixed(3)} + tenant ${b.tenantMs.toFixed(3)} + query ${b.queryMs.toFixed(3)} + serialize ${b.serializeMs.toFixed(3)} + rest ${b.restMs.toFixed(3)} = ${b.wholeMs.toFixed(3)} ms`,
  );
  log(
    `  seeded ${server.summary.deals} deals, ${server.summary.contacts} contacts in ${(server.seedMs / 1000).toFixed(1)} s` +
      `${server.analyzeMs === null ? '' : `, analyzed in ${(server.analyzeMs / 1000).toFixed(1)} s`}; timing /v1/metrics…`,
  );
  // Metrics first: the rating POSTs below add rows that the metrics would then read.
  const metrics = await timeMetrics(server.url, options.metricRuns);
  log(`  /v1/metrics median ${metrics.medianMs.toFixed(1)} ms, p95 ${metrics.p95Ms.toFixed(1)} ms`);
  const explained = await explainMetrics(server.url);
  for (const q of explained) {
    log(
      `  EXPLAIN ${q.name}: ${q.executionMs.toFixed(1)} ms, shared hit ${q.sharedHit}, read ${q.sharedRead}`,
    );
  }
  const board = await measureBoard(server.url, SMOKE ? 1 : 10);
  log(
    `  board first screen: ${board.bytes} bytes, ${board.dealsShown} of ${board.dealsInPipeline} deals in ${board.columns} columns, median ${board.medianMs.toFixed(1)} ms`,
  );
  const load = [];
  for (let round = 1; round <= (options.metricsOnly ? 0 : options.rounds); round++) {
    for (const endpoint of [CEILING, ...ENDPOINTS]) {
      const figures = await loadEndpoint(server.url, endpoint, { ...options, round });
      log(
        `  ${endpoint.name}: ${Math.round(figures.requestsPerSec)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, non-2xx ${figures.non2xx}, errors ${figures.errors}`,
      );
      load.push(figures);
    }
  }
  const contention = options.metricsOnly
    ? undefined
    : await listDuringDashboards(server.url, ENDPOINTS[0]!, options.durationSec);
  if (contention) {
    log(
      `  ${contention.endpoint}, one reader: p99 ${contention.alone.p99Ms} ms alone, ${contention.during.p99Ms} ms during ${contention.dashboards} dashboard loads`,
    );
  }
  const fanout = options.metricsOnly
    ? undefined
    : await measureFanout(server.url, SMOKE ? { streams: 20, writes: 3, burst: 10 } : {});
  if (fanout) {
    log(
      `  change feed to ${fanout.streams} streams: write → last client median ${fanout.delayMedianMs.toFixed(1)} ms, p95 ${fanout.delayP95Ms.toFixed(1)} ms; ${Math.round(fanout.eventsPerSecond)} events/s fanned out`,
    );
  }
  return {
    engine,
    seedMs: server.seedMs,
    analyzeMs: server.analyzeMs,
    seeded: server.summary,
    metrics,
    explained,
    breakdown: server.breakdown,
    ceilingBytes: server.ceilingBytes,
    load,
    board,
    ...(contention ? { contention } : {}),
    ...(fanout ? { fanout } : {}),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env;
  const result = await runApiBench({
    // The smoke run (`npm test`): the smallest seed, one second per endpoint, one metrics call.
    ...(SMOKE ? { scales: [1], durationSec: 1, metricRuns: 1 } : {}),
    ...(env.BENCH_DURATION ? { durationSec: Number(env.BENCH_DURATION) } : {}),
    ...(env.BENCH_SCALES ? { scales: env.BENCH_SCALES.split(',').map(Number) } : {}),
    ...(env.BENCH_ROUNDS ? { rounds: Number(env.BENCH_ROUNDS) } : {}),
    ...(env.BENCH_CONNECTIONS ? { connections: Number(env.BENCH_CONNECTIONS) } : {}),
    ...(env.BENCH_ANALYZE === '0' ? { analyze: false } : {}),
    ...(env.BENCH_METRIC_RUNS ? { metricRuns: Number(env.BENCH_METRIC_RUNS) } : {}),
    ...(env.BENCH_ONLY === 'metrics' ? { metricsOnly: true } : {}),
    ...(env.BENCH_PGLITE_MAX_SCALE ? { pgliteMaxScale: Number(env.BENCH_PGLITE_MAX_SCALE) } : {}),
    ...(env.BENCH_1M === '1' && !env.BENCH_SCALES ? { scales: [...DEFAULT_SCALES, MILLION_SCALE] } : {}),
  });
  const propertyRuns = SMOKE ? 0 : Number(env.BENCH_PROPERTY_RUNS ?? 100);
  if (propertyRuns > 0) result.property = runPropertyTest(propertyRuns);
  console.log(formatApiBench(result));
  recordFigures('@chorus/api', apiFigures(result));
}

/** The metrics property test, `runs` random workspaces long (twice: as seeded, and after writes). */
function runPropertyTest(runs: number): NonNullable<ApiBenchResult['property']> {
  const started = performance.now();
  const child = spawnSync('npx', ['vitest', 'run', 'test/metrics-property.test.ts'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, METRICS_PROPERTY_RUNS: String(runs), NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = `${child.stdout}${child.stderr}`;
  const tests = /Tests\s+(.*)/.exec(output)?.[1]?.trim() ?? 'no summary';
  return { runs, passed: child.status === 0, summary: tests, ms: performance.now() - started };
}
