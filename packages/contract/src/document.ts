import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from './routes.js';

export const API_VERSION = '1.0.0';

/** Builds the OpenAPI 3.1 document from the route objects: the same ones the API mounts. */
export function buildOpenApiDocument() {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description:
      'A secret key (`sk_…`, servers only), a session token (`st_…`, minted with POST /v1/sessions) or, for the public rating endpoints only, a publishable key (`pk_…`).',
  });
  for (const route of Object.values(routes)) {
    app.openAPIRegistry.registerPath({ ...route, operationId: operationIdOf(route) });
  }
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Chorus CRM API',
      version: API_VERSION,
      description:
        'One customer lifecycle for marketing, sales and service. Errors are RFC 9457 problem+json (never a 500 for bad input); lists are cursor-paginated; POST, PATCH and DELETE take `Idempotency-Key`; PATCHes need `If-Match`. Strings are stored exactly as sent (a field that trims says so) and refuse control characters other than tab, newline and carriage return; times are years 0001 to 9999.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    servers: [{ url: 'http://localhost:8787', description: 'The reference API started by `npm start`.' }],
  });
}

function operationIdOf(route: object): string {
  const entry = Object.entries(routes).find(([, r]) => r === route);
  if (!entry) throw new Error('route is not in the routes table');
  return entry[0];
}
