import { routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import * as campaigns from '../domain/campaigns.js';
import type { AppEnv } from '../http/env.js';

export function registerCampaignRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listCampaigns, async (c) =>
    c.json(
      await campaigns.listCampaigns(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(routes.createCampaign, async (c) =>
    c.json(
      await campaigns.createCampaign(c.get('tx'), c.get('caller').workspaceId, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(routes.getCampaign, async (c) =>
    c.json(
      await campaigns.getCampaign(c.get('tx'), c.get('caller').workspaceId, c.req.valid('param').id),
      200,
    ),
  );
  app.openapi(routes.listContactTouches, async (c) =>
    c.json(
      await campaigns.listTouches(c.get('tx'), c.get('caller').workspaceId, c.req.valid('param').id),
      200,
    ),
  );
  app.openapi(routes.createContactTouch, async (c) => {
    const tx = c.get('tx');
    const { workspaceId } = c.get('caller');
    const contactId = c.req.valid('param').id;
    // The contact first, so an unknown one is a 404 (the path), not a 422 (the body).
    await campaigns.listTouches(tx, workspaceId, contactId);
    await campaigns.recordTouch(tx, workspaceId, contactId, c.req.valid('json'));
    return c.json(await campaigns.listTouches(tx, workspaceId, contactId), 201);
  });
}
