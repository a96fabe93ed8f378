import { routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import * as companies from '../domain/companies.js';
import { etag } from '../domain/versioning.js';
import type { AppEnv } from '../http/env.js';

export function registerCompanyRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listCompanies, async (c) =>
    c.json(
      await companies.listCompanies(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(routes.createCompany, async (c) => {
    const company = await companies.createCompany(
      c.get('tx'),
      c.get('caller').workspaceId,
      c.req.valid('json'),
    );
    c.header('ETag', etag(company.version));
    return c.json(company, 201);
  });
  app.openapi(routes.getCompany, async (c) => {
    const company = await companies.getCompany(
      c.get('tx'),
      c.get('caller').workspaceId,
      c.req.valid('param').id,
    );
    c.header('ETag', etag(company.version));
    return c.json(company, 200);
  });
  app.openapi(routes.updateCompany, async (c) => {
    const company = await companies.updateCompany(
      c.get('tx'),
      c.get('caller').workspaceId,
      c.req.valid('param').id,
      c.req.valid('header')['if-match'],
      c.req.valid('json'),
    );
    c.header('ETag', etag(company.version));
    return c.json(company, 200);
  });
}
