import { routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import * as contacts from '../domain/contacts.js';
import { getInsights } from '../domain/insights.js';
import { etag } from '../domain/versioning.js';
import type { AppEnv } from '../http/env.js';

export function registerContactRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listContacts, async (c) =>
    c.json(await contacts.listContacts(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')), 200),
  );
  app.openapi(routes.createContact, async (c) => {
    const contact = await contacts.createContact(
      c.get('tx'),
      c.get('caller').workspaceId,
      c.req.valid('json'),
    );
    c.header('ETag', etag(contact.version));
    return c.json(contact, 201);
  });
  app.openapi(routes.getContact, async (c) => {
    const contact = await contacts.getContact(
      c.get('tx'),
      c.get('caller').workspaceId,
      c.req.valid('param').id,
    );
    c.header('ETag', etag(contact.version));
    return c.json(contact, 200);
  });
  app.openapi(routes.updateContact, async (c) => {
    const contact = await contacts.updateContact(
      c.get('tx'),
      c.get('caller').workspaceId,
      c.req.valid('param').id,
      c.req.valid('header')['if-match'],
      c.req.valid('json'),
    );
    c.header('ETag', etag(contact.version));
    return c.json(contact, 200);
  });
  app.openapi(routes.listContactLifecycle, async (c) =>
    c.json(
      {
        data: await contacts.listLifecycle(c.get('tx'), c.get('caller').workspaceId, c.req.valid('param').id),
      },
      200,
    ),
  );
  app.openapi(routes.getContactInsights, async (c) => {
    const caller = c.get('caller');
    return c.json(
      await getInsights(c.get('tx'), caller.workspaceId, c.req.valid('param').id, caller.currency),
      200,
    );
  });
}
