import { routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import * as activities from '../domain/activities.js';
import * as orders from '../domain/orders.js';
import * as tickets from '../domain/tickets.js';
import { etag } from '../domain/versioning.js';
import type { AppEnv } from '../http/env.js';

/** Touches, purchases and service cases: the record of what happened with a contact. */
export function registerActivityRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listActivities, async (c) =>
    c.json(
      await activities.listActivities(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(routes.createActivity, async (c) =>
    c.json(
      await activities.createActivity(c.get('tx'), c.get('caller').workspaceId, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(routes.completeActivity, async (c) =>
    c.json(
      await activities.completeActivity(c.get('tx'), c.get('caller').workspaceId, c.req.valid('param').id),
      200,
    ),
  );
  app.openapi(routes.listOpenTasks, async (c) =>
    c.json(
      await activities.listOpenTasks(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(routes.listOrders, async (c) =>
    c.json(await orders.listOrders(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')), 200),
  );
  app.openapi(routes.createOrder, async (c) =>
    c.json(await orders.createOrder(c.get('tx'), c.get('caller').workspaceId, c.req.valid('json')), 201),
  );
  app.openapi(routes.listTickets, async (c) =>
    c.json(await tickets.listTickets(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')), 200),
  );
  app.openapi(routes.createTicket, async (c) =>
    c.json(await tickets.createTicket(c.get('tx'), c.get('caller').workspaceId, c.req.valid('json')), 201),
  );
  app.openapi(routes.updateTicket, async (c) => {
    const ticket = await tickets.updateTicket(
      c.get('tx'),
      c.get('caller').workspaceId,
      c.req.valid('param').id,
      c.req.valid('header')['if-match'],
      c.req.valid('json'),
    );
    c.header('ETag', etag(ticket.version));
    return c.json(ticket, 200);
  });
}
