import { routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import * as board from '../domain/board.js';
import * as deals from '../domain/deals.js';
import * as lostReasons from '../domain/lost-reasons.js';
import * as pipelines from '../domain/pipelines.js';
import { etag } from '../domain/versioning.js';
import type { AppEnv } from '../http/env.js';

export function registerDealRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listPipelines, async (c) =>
    c.json({ data: await pipelines.listPipelines(c.get('tx'), c.get('caller').workspaceId) }, 200),
  );
  app.openapi(routes.getPipeline, async (c) =>
    c.json(
      await pipelines.getPipeline(c.get('tx'), c.get('caller').workspaceId, c.req.valid('param').id),
      200,
    ),
  );
  app.openapi(routes.getPipelineBoard, async (c) => {
    const { limit, ...view } = c.req.valid('query');
    return c.json(
      await board.getPipelineBoard(
        c.get('tx'),
        c.get('caller').workspaceId,
        c.req.valid('param').id,
        view,
        limit,
      ),
      200,
    );
  });
  app.openapi(routes.listBoardStageDeals, async (c) => {
    const { limit, cursor, ...view } = c.req.valid('query');
    const { id, stageId } = c.req.valid('param');
    return c.json(
      await board.listBoardStageDeals(c.get('tx'), c.get('caller').workspaceId, id, stageId, view, {
        limit,
        cursor,
      }),
      200,
    );
  });
  app.openapi(routes.createPipeline, async (c) =>
    c.json(
      await pipelines.createPipeline(c.get('tx'), c.get('caller').workspaceId, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(routes.listDeals, async (c) =>
    c.json(await deals.listDeals(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')), 200),
  );
  app.openapi(routes.createDeal, async (c) => {
    const deal = await deals.createDeal(c.get('tx'), c.get('caller').workspaceId, c.req.valid('json'));
    c.header('ETag', etag(deal.version));
    return c.json(deal, 201);
  });
  app.openapi(routes.getDeal, async (c) => {
    const deal = await deals.getDeal(c.get('tx'), c.get('caller').workspaceId, c.req.valid('param').id);
    c.header('ETag', etag(deal.version));
    return c.json(deal, 200);
  });
  app.openapi(routes.updateDeal, async (c) => {
    const deal = await deals.updateDeal(
      c.get('tx'),
      c.get('caller').workspaceId,
      c.req.valid('param').id,
      c.req.valid('header')['if-match'],
      c.req.valid('json'),
    );
    c.header('ETag', etag(deal.version));
    return c.json(deal, 200);
  });
  app.openapi(routes.listLostReasons, async (c) =>
    c.json({ data: await lostReasons.listLostReasons(c.get('tx'), c.get('caller').workspaceId) }, 200),
  );
  app.openapi(routes.listDealHistory, async (c) =>
    c.json(
      {
        data: await deals.listDealHistory(c.get('tx'), c.get('caller').workspaceId, c.req.valid('param').id),
      },
      200,
    ),
  );
}
