import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import { createSession } from '../domain/sessions.js';
import { forbidden } from '../errors.js';
import type { AppEnv } from './env.js';

/**
 * `POST /demo/session`: mints a one-hour read/write session token for the demo workspace, for a page
 * of one of its allowed origins. This is what an embedding app's own backend does with its secret key
 * for its signed-in user; the demo has no users, so the API does it, and only when started as the demo
 * (`npm start`) or by a test run. The secret key never reaches the browser.
 */
export function mountDemoSessions(app: OpenAPIHono<AppEnv>, db: Database, workspaceId: string): void {
  app.options('/demo/session', (c) => {
    const origin = c.req.header('origin');
    return c.body(null, 204, {
      ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
      'Access-Control-Allow-Methods': 'POST',
      Vary: 'Origin',
    });
  });
  app.post('/demo/session', async (c) => {
    const origin = c.req.header('origin');
    const [workspace] = await db.query<{ allowed_origins: string[] }>(
      'select allowed_origins from workspaces where id = $1',
      [workspaceId],
    );
    if (!origin || !workspace?.allowed_origins.includes(origin)) {
      throw forbidden(
        `Demo sessions are handed only to pages of the demo workspace's allowed origins (got ${origin ?? 'none'}).`,
      );
    }
    const session = await withTenant(db, workspaceId, (tx) =>
      createSession(tx, workspaceId, { scopes: ['read', 'write'], ttlSeconds: 3600, subject: 'demo' }, null),
    );
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    return c.json(session, 201);
  });
}
