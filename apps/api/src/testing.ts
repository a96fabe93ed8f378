/**
 * The one helper every package's tests use to talk to a real API: an in-process server on a free
 * loopback port over in-memory PGlite (or, with CHORUS_TEST_ENGINE=postgres, the PostgreSQL of `TEST_DATABASE_URL`), seeded with the
 * demo workspace, with a log of the requests it received so tests can count them at the server.
 */
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { createKey, createWorkspace } from './domain/workspace.js';
import type { BucketRule } from './http/rate-limit.js';
import {
  DEMO_ORIGINS,
  DEMO_PUBLISHABLE_KEY,
  DEMO_SECRET_KEY,
  DEMO_WORKSPACE_ID,
  seedDemo,
} from './seed/demo.js';
import { startServer } from './server.js';

export interface ReceivedRequest {
  method: string;
  path: string;
  search: string;
}

export interface TestWorkspace {
  workspaceId: string;
  secretKey: string;
  publishableKey: string;
}

export interface TestApi extends TestWorkspace {
  url: string;
  db: Database;
  /** An origin allowed for publishable keys and session tokens of every test workspace. */
  allowedOrigin: string;
  requests: ReceivedRequest[];
  resetRequestLog(): void;
  /** A fresh, empty workspace on the same server: isolation between tests without a new database. */
  createWorkspace(options?: { currency?: string; allowedOrigins?: string[] }): Promise<TestWorkspace>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Seed the demo workspace (default true). */
  seed?: boolean;
  /**
   * The instant the demo seed is relative to (default: now). A fixed one makes every seeded date the
   * same on every day the tests run, as the visual regression suite's screenshots need.
   */
  now?: Date;
  rateLimits?: { perKey: BucketRule; perClient: BucketRule };
  /** More origins allowed for the demo workspace and every test workspace (a browser test's page). */
  extraOrigins?: string[];
  /** Serve this file at `/demo/chorus-rating.js`, as `npm start` serves the widget's bundle. */
  demoWidgetScript?: string;
}

let workspaceCounter = 0;

export async function startTestApi({
  seed = true,
  now,
  rateLimits,
  extraOrigins = [],
  demoWidgetScript,
}: TestApiOptions = {}): Promise<TestApi> {
  // PGlite unless a suite asks for PostgreSQL explicitly (the API's own suite does so in CI).
  const onPostgres = process.env.CHORUS_TEST_ENGINE === 'postgres';
  const db = await openDatabase({ databaseUrl: onPostgres ? process.env.TEST_DATABASE_URL : undefined });
  if (seed) await seedDemo(db, now ? { now } : {});
  const origins = [...DEMO_ORIGINS, ...extraOrigins];
  await db.query('update workspaces set allowed_origins = $2 where id = $1', [DEMO_WORKSPACE_ID, origins]);
  const requests: ReceivedRequest[] = [];
  const server = await startServer(db, {
    ...(rateLimits ? { rateLimits } : {}),
    demoSessionsFor: DEMO_WORKSPACE_ID,
    ...(demoWidgetScript ? { demoWidgetScript } : {}),
    onRequest: (request: Request) => {
      const url = new URL(request.url);
      requests.push({ method: request.method, path: url.pathname, search: url.search });
    },
  });
  return {
    url: server.url,
    db,
    workspaceId: DEMO_WORKSPACE_ID,
    secretKey: DEMO_SECRET_KEY,
    publishableKey: DEMO_PUBLISHABLE_KEY,
    allowedOrigin: DEMO_ORIGINS[0]!,
    requests,
    resetRequestLog: () => {
      requests.length = 0;
    },
    createWorkspace: (options = {}) => createTestWorkspace(db, { allowedOrigins: origins, ...options }),
    async close() {
      await server.close();
      await db.close();
    },
  };
}

/** Creates an isolated workspace with a secret and a publishable key. */
export async function createTestWorkspace(
  db: Database,
  { currency = 'EUR', allowedOrigins = DEMO_ORIGINS }: { currency?: string; allowedOrigins?: string[] } = {},
): Promise<TestWorkspace> {
  workspaceCounter += 1;
  const suffix = `${process.pid.toString(36)}${Date.now().toString(36)}${workspaceCounter}`;
  return db.transaction(async (tx) => {
    const workspaceId = await createWorkspace(tx, {
      id: `ws_test${suffix}`,
      name: `Test ${suffix}`,
      currency,
      allowedOrigins,
    });
    const secret = await createKey(tx, workspaceId, { kind: 'secret', label: 'test secret' });
    const publishable = await createKey(tx, workspaceId, { kind: 'publishable', label: 'test publishable' });
    return { workspaceId, secretKey: secret.token, publishableKey: publishable.token };
  });
}
