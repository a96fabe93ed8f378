import { type MetricName, routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { computeMetrics } from '../domain/metrics.js';
import type { AppEnv } from '../http/env.js';

export function registerMetricRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getMetrics, async (c) => {
    const query = c.req.valid('query');
    const caller = c.get('caller');
    const names = [...new Set(query.names.split(','))] as MetricName[];
    return c.json(
      await computeMetrics(c.get('tx'), caller.workspaceId, caller.currency, { ...query, names }),
      200,
    );
  });
}
