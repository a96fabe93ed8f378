import { routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import * as workspace from '../domain/workspace.js';
import type { AppEnv } from '../http/env.js';

export function registerWorkspaceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getWorkspace, async (c) =>
    c.json(await workspace.getWorkspace(c.get('tx'), c.get('caller').workspaceId), 200),
  );
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
  app.openapi(routes.createSession, async (c) =>
    c.json(await workspace.createSession(c.get('tx'), c.get('caller').workspaceId, c.req.valid('json')), 201),
  );
}
