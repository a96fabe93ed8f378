import { routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import * as sessions from '../domain/sessions.js';
import { etag } from '../domain/versioning.js';
import * as workspace from '../domain/workspace.js';
import type { AppEnv } from '../http/env.js';

export function registerWorkspaceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getWorkspace, async (c) => {
    const found = await workspace.getWorkspace(c.get('tx'), c.get('caller').workspaceId);
    c.header('ETag', etag(found.version));
    return c.json(found, 200);
  });
  app.openapi(routes.updateWorkspace, async (c) => {
    const updated = await workspace.updateWorkspace(
      c.get('tx'),
      c.get('caller').workspaceId,
      c.req.valid('header')['if-match'],
      c.req.valid('json'),
    );
    c.header('ETag', etag(updated.version));
    return c.json(updated, 200);
  });
  app.openapi(routes.listUsers, async (c) =>
    c.json({ data: await workspace.listUsers(c.get('tx'), c.get('caller').workspaceId) }, 200),
  );
  app.openapi(routes.listKeys, async (c) =>
    c.json({ data: await workspace.listKeys(c.get('tx'), c.get('caller').workspaceId) }, 200),
  );
  app.openapi(routes.createKey, async (c) =>
    c.json(await workspace.createKey(c.get('tx'), c.get('caller').workspaceId, c.req.valid('json')), 201),
  );
  app.openapi(routes.revokeKey, async (c) =>
    c.json(await workspace.revokeKey(c.get('tx'), c.get('caller').workspaceId, c.req.valid('param').id), 200),
  );
  app.openapi(routes.createSession, async (c) => {
    const caller = c.get('caller');
    return c.json(
      await sessions.createSession(c.get('tx'), caller.workspaceId, c.req.valid('json'), caller.keyId),
      201,
    );
  });
  app.openapi(routes.listSessions, async (c) =>
    c.json({ data: await sessions.listSessions(c.get('tx'), c.get('caller').workspaceId) }, 200),
  );
  app.openapi(routes.revokeSession, async (c) =>
    c.json(
      await sessions.revokeSession(c.get('tx'), c.get('caller').workspaceId, c.req.valid('param').id),
      200,
    ),
  );
}
