import { type MetricName, routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { campaignReport } from '../domain/campaign-report.js';
import { computeFunnel } from '../domain/funnel.js';
import { listFunnelEntries } from '../domain/funnel-entries.js';
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
  app.openapi(routes.getLifecycleFunnel, async (c) =>
    c.json(await computeFunnel(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')), 200),
  );
  app.openapi(routes.listFunnelEntries, async (c) =>
    c.json(await listFunnelEntries(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')), 200),
  );
  app.openapi(routes.getCampaignReport, async (c) => {
    const caller = c.get('caller');
    return c.json(
      await campaignReport(c.get('tx'), caller.workspaceId, caller.currency, c.req.valid('query')),
      200,
    );
  });
}
