import { randomUUID } from 'node:crypto';
import { METRIC_NAMES } from '@chorus/contract';
import autocannon from 'autocannon';
import { DEMO_ORIGINS, DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY } from '../src/seed/demo.js';
import type { ContentionFigures, ExplainedQuery, LoadFigures, MetricsFigures } from './types.js';

export interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const secret = { Authorization: `Bearer ${DEMO_SECRET_KEY}` };

/**
 * Bench-only (mounted by bench/server.ts): the same server answering the body of
 * `GET /v1/contacts?limit=50`, stored once, with no auth, transaction or query: what a list could reach.
 */
export const CEILING_PATH = '/bench/ceiling';
export const CEILING: Endpoint = {
  name: 'ceiling (static body)',
  method: 'GET',
  path: CEILING_PATH,
  headers: {},
};

export const ENDPOINTS: Endpoint[] = [
  { name: 'GET /v1/contacts', method: 'GET', path: '/v1/contacts?limit=50', headers: secret },
  {
    name: 'GET /v1/deals?pipelineId=',
    method: 'GET',
    path: '/v1/deals?pipelineId=pip_demonewbusiness&limit=50',
    headers: secret,
  },
  {
    name: 'GET /v1/public/ratings/summary',
    method: 'GET',
    path: '/v1/public/ratings/summary?subject=product:studio-monitor-m1',
    headers: { Authorization: `Bearer ${DEMO_PUBLISHABLE_KEY}`, Origin: DEMO_ORIGINS[0]! },
  },
  {
    name: 'POST /v1/public/ratings',
    method: 'POST',
    path: '/v1/public/ratings',
    headers: {
      Authorization: `Bearer ${DEMO_PUBLISHABLE_KEY}`,
      Origin: DEMO_ORIGINS[0]!,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ subject: 'product:studio-monitor-m1', score: 5, elapsedMs: 5000 }),
  },
];

/** Bench-only (bench/server.ts): the metrics query's EXPLAIN (ANALYZE, BUFFERS) totals, see bench/explain.ts. */
export const EXPLAIN_PATH = '/bench/explain-metrics';

/** The metrics' EXPLAIN totals from the bench server (after the timed calls: a warm cache). */
export async function explainMetrics(baseUrl: string): Promise<ExplainedQuery[]> {
  const response = await fetch(baseUrl + EXPLAIN_PATH);
  if (!response.ok) throw new Error(`${EXPLAIN_PATH} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ExplainedQuery[];
}

/** Every metric; the stage metrics measure the lead stage. */
export const METRICS_PATH = `/v1/metrics?names=${METRIC_NAMES.join(',')}&stage=lead`;

/** One endpoint under autocannon; POSTs get a fresh Idempotency-Key each. */
export async function loadEndpoint(
  baseUrl: string,
  endpoint: Endpoint,
  { connections, durationSec, round = 1 }: { connections: number; durationSec: number; round?: number },
): Promise<LoadFigures> {
  // Fail fast (and readably) if the request itself is wrong, before hammering it.
  const probe = await fetch(baseUrl + endpoint.path, {
    method: endpoint.method,
    headers: {
      ...endpoint.headers,
      ...(endpoint.method === 'POST' ? { 'Idempotency-Key': randomUUID() } : {}),
    },
    body: endpoint.body,
  });
  if (!probe.ok) throw new Error(`${endpoint.name} answered ${probe.status}: ${await probe.text()}`);
  await probe.arrayBuffer().catch(() => {});

  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: durationSec,
    timeout: 30,
    requests: [
      {
        method: endpoint.method,
        path: endpoint.path,
        headers: endpoint.headers,
        ...(endpoint.body === undefined ? {} : { body: endpoint.body }),
        ...(endpoint.method === 'POST'
          ? {
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, 'Idempotency-Key': randomUUID() },
              }),
            }
          : {}),
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0]),
  );
  return {
    name: endpoint.name,
    round,
    method: endpoint.method,
    path: endpoint.path,
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    maxMs: result.latency.max,
    responses: Object.values(statusCodes).reduce((a, b) => a + b, 0),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/**
 * A list read by one reader for `durationSec` alone, then again while another connection loads the
 * full dashboard (`/v1/metrics`, all metrics) back to back. The goal: the list's p99 during
 * dashboards at most 3× its p99 alone. On PGlite every query shares one engine, so a dashboard's
 * query holds the reader up for as long as it runs; PostgreSQL runs them side by side.
 */
export async function listDuringDashboards(
  baseUrl: string,
  endpoint: Endpoint,
  durationSec: number,
): Promise<ContentionFigures> {
  const alone = await loadEndpoint(baseUrl, endpoint, { connections: 1, durationSec });
  let loading = true;
  let dashboards = 0;
  const dashboardLoop = (async () => {
    while (loading) {
      const response = await fetch(baseUrl + METRICS_PATH, { headers: secret });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`/v1/metrics answered ${response.status} during the contention run`);
      dashboards++;
    }
  })();
  try {
    const during = await loadEndpoint(baseUrl, endpoint, { connections: 1, durationSec });
    return { endpoint: endpoint.name, alone, during, dashboards };
  } finally {
    loading = false;
    await dashboardLoop;
  }
}

/**
 * The full metrics call: one warm-up, then `runs` timed calls one after another (3 when the
 * warm-up took over 5 s, to keep the bench's time in bounds).
 */
export async function timeMetrics(baseUrl: string, maxRuns: number): Promise<MetricsFigures> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(baseUrl + METRICS_PATH, { headers: secret });
    const body = (await response.json()) as { data?: unknown[] };
    const ms = performance.now() - started;
    if (!response.ok || body.data?.length !== METRIC_NAMES.length) {
      throw new Error(`/v1/metrics answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    }
    return ms;
  };
  const warmupMs = await once();
  const runs = warmupMs > 5000 ? Math.min(3, maxRuns) : maxRuns;
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) runsMs.push(await once());
  const sorted = [...runsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  // Nearest rank: with 20 runs, the 19th fastest.
  const p95Ms = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { warmupMs, runsMs, medianMs, p95Ms, minMs: sorted[0]!, maxMs: sorted.at(-1)! };
}
