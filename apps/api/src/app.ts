import { buildOpenApiDocument, PUBLIC_PATHS, PROBLEM_TYPES } from '@chorus/contract';
import { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Database } from './db/database.js';
import { rateLimited } from './errors.js';
import { registerActivityRoutes } from './routes/activity.js';
import { registerCampaignRoutes } from './routes/campaigns.js';
import { registerCompanyRoutes } from './routes/companies.js';
import { registerContactRoutes } from './routes/contacts.js';
import { registerDealRoutes } from './routes/deals.js';
import { registerEventRoutes } from './routes/events.js';
import { ChangeHub, type ChangeHubOptions } from './changes/change-hub.js';
import { registerMetricRoutes } from './routes/metrics.js';
import { registerRatingRoutes } from './routes/ratings.js';
import { registerWorkspaceRoutes } from './routes/workspace.js';
import { authenticate } from './http/auth.js';
import { limitBodies } from './http/body-limit.js';
import { CallerCache } from './http/caller-cache.js';
import { cors } from './http/cors.js';
import { mountDemoWidget } from './http/demo-widget.js';
import type { AppEnv } from './http/env.js';
import { errorToProblem, problemResponse, validationProblem } from './http/problem.js';
import { replayIdempotent } from './http/idempotency.js';
import { type BucketRule, RateLimiter, takeAll } from './http/rate-limit.js';
import { mountDemoSessions } from './http/demo-session.js';
import { renderReference } from './http/reference.js';
import { unitOfWork } from './http/unit-of-work.js';

export interface AppOptions {
  db: Database;
  /** Limits on the public rating endpoints. */
  rateLimits?: { perKey: BucketRule; perClient: BucketRule };
  /** Sees every request first: tests count requests at the server with it. */
  onRequest?: (request: Request) => void;
  /** Mount `POST /demo/session` for this workspace: only for the demo and for test runs. */
  demoSessionsFor?: string;
  /** The demo only: serve this file (the rating widget's script-tag bundle) at `/demo/chorus-rating.js`. */
  demoWidgetScript?: string;
  /** Workspaces whose keys and sessions are refused: production refuses the demo's, whose keys are public. */
  blockedWorkspaces?: readonly string[];
  /** Callers by token, reused for a few seconds (see CallerCache); one per app by default. */
  callers?: CallerCache;
  /** The change feed's fan-out (`GET /v1/events`); one per app by default. */
  changes?: ChangeHub;
  /** The feed's settings when the app makes its own hub, and its heartbeat. */
  events?: ChangeHubOptions & { heartbeatMs?: number };
}

const DEFAULT_LIMITS = {
  perKey: { capacity: 600, refillPerSecond: 10 },
  perClient: { capacity: 20, refillPerSecond: 0.5 },
};

/** The HTTP application: the contract's routes, validated by the contract's schemas, over the domain. */
export function createApp({
  db,
  rateLimits = DEFAULT_LIMITS,
  onRequest,
  demoSessionsFor,
  demoWidgetScript,
  blockedWorkspaces = [],
  callers = new CallerCache(db),
  events = {},
  changes = new ChangeHub(db, events),
}: AppOptions) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) =>
      result.success ? undefined : validationProblem(c, result.target, result.error),
  });
  const perKey = new RateLimiter(rateLimits.perKey);
  const perClient = new RateLimiter(rateLimits.perClient);
  const document = buildOpenApiDocument();

  app.onError(errorToProblem);
  app.notFound((c) =>
    problemResponse(c, {
      type: PROBLEM_TYPES.notFound,
      title: 'Not found',
      status: 404,
      detail: `No route ${c.req.method} ${c.req.path}.`,
    }),
  );
  app.use('*', async (c, next) => {
    onRequest?.(c.req.raw);
    const requestId =
      c.req.header('x-request-id')?.slice(0, 64) ??
      `req_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('X-Request-Id', requestId);
  });
  app.use('/v1/*', cors());
  app.use('/v1/*', limitBodies());
  app.use('/v1/*', authenticate(callers, { fileOriginWorkspace: demoSessionsFor, blockedWorkspaces }));
  // A finished write replayed by its Idempotency-Key is answered here, before it spends any rate limit.
  app.use('/v1/*', replayIdempotent(db));
  app.use('/v1/public/*', async (c, next) => {
    const caller = c.get('caller');
    // The client's own bucket is checked first and both are spent only together: one client over its
    // limit spends nothing of the key's, so it cannot exhaust a publishable key for everyone.
    const allowance = takeAll([
      [perClient, `${caller.keyId}|${clientAddress(c)}`],
      [perKey, caller.keyId],
    ]);
    const headers = {
      'RateLimit-Limit': String(allowance.capacity),
      'RateLimit-Remaining': String(Math.max(0, allowance.remaining)),
      'RateLimit-Reset': String(allowance.wait || allowance.reset),
    };
    if (allowance.wait > 0) throw rateLimited(allowance.wait, headers);
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
  // Before the unit of work: a stream holds no transaction (see routes/events.ts).
  registerEventRoutes(app, changes, events);
  // The unit of work comes last so that only requests that will run open a transaction.
  app.use('/v1/*', unitOfWork(db));

  registerWorkspaceRoutes(app);
  registerContactRoutes(app);
  registerCompanyRoutes(app);
  registerDealRoutes(app);
  registerActivityRoutes(app);
  registerRatingRoutes(app);
  registerMetricRoutes(app);
  registerCampaignRoutes(app);

  if (demoSessionsFor) mountDemoSessions(app, db, demoSessionsFor);
  if (demoWidgetScript) mountDemoWidget(app, demoWidgetScript);
  app.get('/openapi.json', (c) => c.json(document));
  app.get('/', (c) => c.html(renderReference(document as Parameters<typeof renderReference>[0])));
  app.get('/healthz', (c) => c.json({ ok: true, engine: db.engine, publicPaths: PUBLIC_PATHS }));
  return app;
}

/** The socket's address tells clients apart; requests made in-process (tests) have none. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}
