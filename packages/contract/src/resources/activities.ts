import { createRoute, z } from '@hono/zod-openapi';
import {
  CursorParam,
  IdempotencyHeader,
  idSchema,
  LimitParam,
  page,
  Timestamp,
  plainString,
} from '../common.js';
import { ACTIVITY_TYPES } from '../enums.js';
import { bearer, json, jsonBody, problems } from '../http.js';

const ActivityType = z
  .enum(ACTIVITY_TYPES)
  .openapi('ActivityType', { description: 'The kind of touch.', example: 'call' });

export const Activity = z
  .object({
    id: idSchema('activity'),
    type: ActivityType,
    contactId: idSchema('contact'),
    dealId: idSchema('deal').nullable(),
    ownerId: idSchema('user').nullable(),
    body: plainString().max(2000).openapi({
      description: 'A short note of what happened. Stored as sent (not trimmed).',
      example: 'Demo of the 12-room setup; asked for a quote.',
    }),
    occurredAt: Timestamp,
  })
  .openapi('Activity', { description: 'A touch: recency and frequency come from here.' });

export const CreateActivity = z
  .object({
    type: Activity.shape.type,
    contactId: Activity.shape.contactId,
    dealId: Activity.shape.dealId.optional(),
    ownerId: Activity.shape.ownerId.optional(),
    body: Activity.shape.body.default(''),
    occurredAt: Timestamp.optional().openapi({ description: 'Defaults to now.' }),
  })
  .strict()
  .openapi('CreateActivity');

const tags = ['Activities'];

export const listActivities = createRoute({
  method: 'get',
  path: '/v1/activities',
  tags,
  summary: 'List activities, newest first',
  security: bearer,
  request: {
    query: z.object({
      limit: LimitParam,
      cursor: CursorParam,
      contactId: idSchema('contact').optional(),
      dealId: idSchema('deal').optional(),
      type: ActivityType.optional(),
    }),
  },
  responses: { 200: json(page(Activity, 'ActivityPage'), 'A page of activities.'), ...problems(403) },
});

export const createActivity = createRoute({
  method: 'post',
  path: '/v1/activities',
  tags,
  summary: 'Record an activity',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateActivity, 'The activity.') },
  responses: { 201: json(Activity, 'The recorded activity.'), ...problems(403, 404, 422) },
});
