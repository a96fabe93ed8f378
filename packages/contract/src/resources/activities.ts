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
    occurredAt: Timestamp.openapi({
      description: 'When it happened: for a task, when it was created, then when it was done.',
    }),
    dueAt: Timestamp.nullable().openapi({
      description: 'A task: when it is due. Null for a touch logged after the fact.',
    }),
    completedAt: Timestamp.nullable().openapi({
      description: 'When it was done: null while a task is open. A logged touch is done when it happened.',
    }),
  })
  .openapi('Activity', {
    description:
      'A touch: recency and frequency come from here. With `dueAt` it is a task, open until `completedAt`; the earliest open task of a deal or contact is its next activity.',
  });

export const CreateActivity = z
  .object({
    type: Activity.shape.type,
    contactId: Activity.shape.contactId,
    dealId: Activity.shape.dealId.optional(),
    ownerId: Activity.shape.ownerId.optional(),
    body: Activity.shape.body.default(''),
    occurredAt: Timestamp.optional().openapi({ description: 'Defaults to now.' }),
    dueAt: Timestamp.optional().openapi({
      description: 'Schedules a task due then (open until completed) instead of logging a touch.',
    }),
  })
  .strict()
  .openapi('CreateActivity');

/** The next thing to do on a deal or contact: its earliest open task. */
export const NextActivity = z
  .object({
    id: Activity.shape.id,
    type: Activity.shape.type,
    body: Activity.shape.body,
    dueAt: Timestamp,
  })
  .openapi('NextActivity', { description: 'The earliest open task (by due time, then id).' });

const tags = ['Activities'];
const ActivityId = z.object({ id: idSchema('activity') });

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
  summary: 'Record an activity or schedule a task',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateActivity, 'The activity.') },
  responses: { 201: json(Activity, 'The recorded activity.'), ...problems(403, 404, 422) },
});

export const completeActivity = createRoute({
  method: 'post',
  path: '/v1/activities/{id}/complete',
  tags,
  summary: 'Mark a task done',
  description:
    'Sets `completedAt` (and `occurredAt`) to now. Completing a task that is already done changes nothing and returns it.',
  security: bearer,
  request: { params: ActivityId, headers: IdempotencyHeader },
  responses: { 200: json(Activity, 'The task, done.'), ...problems(403, 404) },
});

export const listOpenTasks = createRoute({
  method: 'get',
  path: '/v1/tasks',
  tags,
  summary: 'List open tasks, soonest due first',
  description: 'Open tasks (activities with `dueAt` and no `completedAt`), by due time, then id.',
  security: bearer,
  request: {
    query: z.object({
      limit: LimitParam,
      cursor: CursorParam,
      contactId: idSchema('contact').optional(),
      dealId: idSchema('deal').optional(),
    }),
  },
  responses: { 200: json(page(Activity, 'TaskPage'), 'A page of open tasks.'), ...problems(403) },
});
