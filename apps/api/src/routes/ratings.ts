import { MINIMUM_TIME_ON_PAGE_MS, routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { verifyContactReference } from '../domain/contact-reference.js';
import * as ratings from '../domain/ratings.js';
import { newId } from '../ids.js';
import type { AppEnv } from '../http/env.js';

export function registerRatingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listRatings, async (c) =>
    c.json(await ratings.listRatings(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')), 200),
  );
  app.openapi(routes.createRating, async (c) =>
    c.json(await ratings.createRating(c.get('tx'), c.get('caller').workspaceId, c.req.valid('json')), 201),
  );
  app.openapi(routes.submitPublicRating, async (c) => {
    const body = c.req.valid('json');
    const origin = c.req.header('origin') ?? null;
    if ('amends' in body) {
      const { workspaceId } = c.get('caller');
      return c.json(await ratings.amendRating(c.get('tx'), workspaceId, { ...body, origin }), 200);
    }
    const { hp, elapsedMs, contact, ...rating } = body;
    if (hp || (elapsedMs !== undefined && elapsedMs < MINIMUM_TIME_ON_PAGE_MS)) {
      // A bot is answered exactly as a person would be, so it learns nothing to adapt to; nothing is stored.
      const now = new Date();
      return c.json(
        {
          id: newId('rating', now.getTime()),
          ...rating,
          comment: rating.comment || null,
          source: 'website' as const,
          contactId: null,
          origin,
          createdAt: now.toISOString(),
          hidden: false,
          hiddenReason: null,
        },
        201,
      );
    }
    const { workspaceId } = c.get('caller');
    const stored = await ratings.createRating(c.get('tx'), workspaceId, {
      ...rating,
      source: 'website',
      origin: origin ?? undefined,
      contactId: contact ? await verifyContactReference(c.get('tx'), workspaceId, contact) : undefined,
    });
    return c.json(stored, 201);
  });
  app.openapi(routes.listPublicReviews, async (c) =>
    c.json(
      await ratings.listPublicReviews(c.get('tx'), c.get('caller').workspaceId, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(routes.moderateRating, async (c) =>
    c.json(
      await ratings.moderateRating(
        c.get('tx'),
        c.get('caller').workspaceId,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
  app.openapi(routes.getPublicRatingSummary, async (c) => {
    const { subject, scale, source } = c.req.valid('query');
    return c.json(
      await ratings.summarizeRatings(c.get('tx'), c.get('caller').workspaceId, subject, scale, source),
      200,
    );
  });
}
