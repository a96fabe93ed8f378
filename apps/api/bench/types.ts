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
}

/** One endpoint under autocannon. */
export interface LoadFigures {
  name: string;
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

/** The full `/v1/metrics` call, all metric names, default period (the last 30 days). */
export interface MetricsFigures {
  warmupMs: number;
  runsMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface EngineRun {
  engine: Engine;
  seedMs: number;
  analyzeMs: number | null;
  seeded: SeedSummary;
  metrics: MetricsFigures;
  load: LoadFigures[];
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
  settings: { connections: number; durationSec: number; metricRuns: number; analyze: boolean };
  /** Where PostgreSQL came from, or why it was skipped. */
  postgres: { available: true; source: string; version: string } | { available: false; reason: string };
  scales: ScaleRun[];
}
