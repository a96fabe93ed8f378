/**
 * The API under test, run in a child process of the bench so the load generator and the server
 * do not share an event loop. Opens the engine (PGlite in memory, or BENCH_SERVER_DATABASE_URL),
 * seeds the demo workspace at BENCH_SERVER_SCALE, runs ANALYZE unless BENCH_SERVER_ANALYZE=0, serves on a free loopback port and reports
 * over IPC. Closes when the parent sends 'close' or goes away.
 */
import { openDatabase } from '../src/db/open.js';
import { CallerCache } from '../src/http/caller-cache.js';
import { seedDemo } from '../src/seed/demo.js';
import { DEMO_SECRET_KEY } from '../src/seed/demo.js';
import { startServer } from '../src/server.js';
import { breakDownListRequest, LIST_PATH } from './breakdown.js';
import { explainSlowestMetrics } from './explain.js';
import { CEILING_PATH, EXPLAIN_PATH } from './load.js';
import type { ServerReady } from './types.js';

/** Far above anything the load reaches: the bench measures the server, not the limiter. */
const NO_LIMIT = { capacity: 1e9, refillPerSecond: 1e9 };

const scale = Number(process.env.BENCH_SERVER_SCALE);
const databaseUrl = process.env.BENCH_SERVER_DATABASE_URL || undefined;
const analyze = process.env.BENCH_SERVER_ANALYZE !== '0';
const send = (message: unknown) => process.send?.(message);

try {
  const started = performance.now();
  const db = await openDatabase({ databaseUrl });
  const summary = await seedDemo(db, { scale });
  if (!summary) throw new Error('the demo workspace already exists in this database');
  const seedMs = performance.now() - started;
  // The seed fills tables the planner last saw empty. PostgreSQL's autovacuum would gather
  // statistics a little later; PGlite has no autovacuum and never would. Without them the
  // list queries sort every row of the workspace instead of walking the index.
  const analyzeStarted = performance.now();
  if (analyze) await db.query('analyze');
  const analyzeMs = analyze ? performance.now() - analyzeStarted : null;
  let breakdown: ServerReady['breakdown'] | undefined;
  let ceilingBytes = 0;
  const callers = new CallerCache(db);
  const server = await startServer(db, {
    rateLimits: { perKey: NO_LIMIT, perClient: NO_LIMIT },
    callers,
    async extend(app) {
      // Routes are fixed at the first request, so the route comes first and its body right after.
      let body = '';
      app.get(CEILING_PATH, (c) => c.body(body, 200, { 'Content-Type': 'application/json' }));
      // Asked for after the metrics are timed, so the plans are those of a warm server.
      app.get(EXPLAIN_PATH, async (c) => c.json(await explainSlowestMetrics(db, summary.workspaceId)));
      const list = await app.request(LIST_PATH, { headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}` } });
      body = await list.text();
      if (!list.ok) throw new Error(`${LIST_PATH} answered ${list.status}: ${body.slice(0, 300)}`);
      ceilingBytes = Buffer.byteLength(body);
      breakdown = await breakDownListRequest(db, app, callers);
    },
  });
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.on('message', (message) => message === 'close' && void close());
  // The bench is gone (it ended, or its watch stopped it): close if that is quick, else just exit.
  // This child shares the bench's output, so while it lives the bench's task has not ended.
  process.on('disconnect', () => {
    setTimeout(() => process.exit(1), 5_000).unref();
    void close();
  });
  const ready: ServerReady = {
    type: 'ready',
    url: server.url,
    seedMs,
    analyzeMs,
    summary,
    breakdown: breakdown!,
    ceilingBytes,
  };
  send(ready);
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
