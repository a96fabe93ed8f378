import type { SeedSummary } from '../src/seed/demo.js';

export type Engine = 'pglite' | 'postgres';

/** The child server's first IPC message. */
export interface ServerReady {
  type: 'ready';
  url: string;
  /** Opening (and migrating) the database plus seeding it. */
  seedMs: number;
  /** ANALYZE after the seed; null when skipped. */
  analyzeMs: number | null;
  summary: SeedSummary;
  /** One list request timed piece by piece before the load starts. */
  breakdown: Breakdown;
  /** Size of the static body the ceiling route answers (the list's own answer). */
  ceilingBytes: number;
}

/** One metric query's EXPLAIN (ANALYZE, BUFFERS) totals. */
export interface ExplainedQuery {
  name: string;
  planningMs: number;
  executionMs: number;
  /** Shared buffers found in the cache and read, over the whole plan. */
  sharedHit: number;
  sharedRead: number;
}

/** One endpoint under autocannon. */
export interface LoadFigures {
  name: string;
  /** Which repetition (1-based): each endpoint is loaded BENCH_ROUNDS times, interleaved. */
  round: number;
  method: 'GET' | 'POST';
  path: string;
  /** Mean of autocannon's per-second samples. */
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** Responses received (any status). */
  responses: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/**
 * One reader (a single connection, one request after another) reading a list alone, then while
 * dashboards load back to back on another connection: how much a dashboard holds up everyone else.
 */
export interface ContentionFigures {
  endpoint: string;
  alone: LoadFigures;
  during: LoadFigures;
  /** Dashboards (full `/v1/metrics` calls) completed while the reader ran. */
  dashboards: number;
}

/** The change feed fanned out to many open streams (bench/fanout.ts). */
export interface FanoutFigures {
  streams: number;
  writes: number;
  burst: number;
  /** From just before a write's POST to the moment the last stream received its event. */
  delayMedianMs: number;
  delayP95Ms: number;
  delayMaxMs: number;
  /** Events received across all streams per second while a burst of writes arrives. */
  eventsPerSecond: number;
  burstMs: number;
}

/** The board's first read (bench/board.ts). */
export interface BoardFigures {
  path: string;
  /** The JSON body as sent, uncompressed. */
  bytes: number;
  /** The same read at the API's default page size (no `limit`). */
  defaultPageBytes: number;
  dealsShown: number;
  /** Every deal of the pipeline, by the stages' counts. */
  dealsInPipeline: number;
  columns: number;
  medianMs: number;
}

/** The full `/v1/metrics` call, all metric names, default period (the last 30 days). */
export interface MetricsFigures {
  warmupMs: number;
  runsMs: number[];
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export interface EngineRun {
  engine: Engine;
  seedMs: number;
  analyzeMs: number | null;
  seeded: SeedSummary;
  metrics: MetricsFigures;
  /** EXPLAIN (ANALYZE, BUFFERS) after the timed calls: the whole dashboard query, then the three slowest metrics alone. */
  explained: ExplainedQuery[];
  breakdown: Breakdown;
  ceilingBytes: number;
  /** The ceiling endpoint's run first in each round, then ENDPOINTS. */
  load: LoadFigures[];
  /** A list read alone and during dashboard loads (absent with BENCH_ONLY=metrics). */
  contention?: ContentionFigures;
  /** The change feed to many streams (absent with BENCH_ONLY=metrics). */
  fanout?: FanoutFigures;
  /** The board's first screen. */
  board: BoardFigures;
}

export interface ScaleRun {
  label: string;
  scale: number;
  runs: EngineRun[];
  /** Engines left out at this scale, with the reason. */
  skipped: { engine: Engine; reason: string }[];
}

export interface ApiBenchResult {
  startedAt: string;
  totalMs: number;
  environment: { node: string; platform: string; cpus: number; cpuModel: string };
  settings: {
    connections: number;
    durationSec: number;
    metricRuns: number;
    rounds: number;
    analyze: boolean;
  };
  /** Where PostgreSQL came from, or why it was skipped. */
  postgres: { available: true; source: string; version: string } | { available: false; reason: string };
  scales: ScaleRun[];
  /** The metrics property test's long run, when the bench ran it. */
  property?: { runs: number; passed: boolean; summary: string; ms: number };
}

/** One list request, piece by piece (medians, ms): see bench/breakdown.ts. */
export interface Breakdown {
  path: string;
  iterations: number;
  /** Finding the caller from the bearer token. */
  authMs: number;
  /** Opening the tenant scope (transaction, role, workspace setting) and closing it. */
  tenantMs: number;
  /** The list query and its rows turned into resources. */
  queryMs: number;
  /** JSON.stringify of the page. */
  serializeMs: number;
  /** The whole request in process (no socket) minus the pieces: routing, validation, middleware. */
  restMs: number;
  wholeMs: number;
}
