import { createRoute, z } from '@hono/zod-openapi';
import { Timestamp } from '../common.js';
import { CHANGE_TYPES } from '../enums.js';
import { bearer, problems } from '../http.js';

/**
 * One change in a workspace, as the feed sends it (the `data:` line of a Server-Sent Event whose
 * `id:` is `id` and whose `event:` is `type`). Small on purpose: the record's id and version and the
 * few fields a client needs to patch what it shows; the record itself is read with its own route.
 */
export const ChangeEvent = z
  .object({
    id: z.string().regex(/^\d+$/).openapi({
      description: 'Increasing within the feed; send it back as `Last-Event-ID` to resume.',
      example: '4711',
    }),
    type: z.enum(CHANGE_TYPES).openapi({ example: 'deal.moved' }),
    entityId: z
      .string()
      .openapi({ description: 'The id of the record changed.', example: 'deal_01hx7f3k9q2m5v8w' }),
    version: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The record’s version after the change, for records that have one.' }),
    data: z
      .object({
        pipelineId: z.string().optional(),
        stageId: z.string().optional(),
        fromStageId: z.string().nullable().optional(),
        rank: z.string().nullable().optional(),
        status: z.string().optional(),
        title: z.string().optional(),
        contactId: z.string().nullable().optional(),
        companyId: z.string().nullable().optional(),
        dealId: z.string().nullable().optional(),
        lifecycleStage: z.string().optional(),
        subject: z.string().optional(),
        scale: z.string().optional(),
        activityType: z.string().optional(),
      })
      .openapi({
        description: 'What a client needs to update its view: a deal’s stage and rank, a rating’s subject…',
      }),
    actor: z.string().nullable().openapi({
      description: 'Who made the change: the `subject` of the session that made it, when there was one.',
      example: 'Ana Lima',
    }),
    at: Timestamp,
  })
  .openapi('ChangeEvent');

export const EventsQuery = z.object({
  lastEventId: z.string().regex(/^\d+$/, 'must be the id of an event').optional().openapi({
    description: 'Resume after this event, for clients that cannot send the `Last-Event-ID` header.',
  }),
});

export const streamEvents = createRoute({
  method: 'get',
  path: '/v1/events',
  tags: ['Changes'],
  summary: 'Stream the workspace’s changes as Server-Sent Events',
  description:
    'One stream per caller (a secret key or a session token; never a publishable key). It opens with a `ready` event once it is listening; then each event is a `ChangeEvent`; a comment line every 15 seconds keeps proxies from closing it. Resume with `Last-Event-ID` (or `lastEventId`): the events after it are sent first, and events that committed just before it may be sent again, so clients drop ids they have applied. Past the retention window (one day by default) the answer is a 410 problem: read everything afresh and stream without it.',
  security: bearer,
  request: {
    query: EventsQuery,
    headers: z.object({
      'last-event-id': z.string().regex(/^\d+$/, 'must be the id of an event').optional(),
    }),
  },
  responses: {
    200: {
      description: 'The stream: `id:`, `event:` (the type) and `data:` (a `ChangeEvent`) per change.',
      content: { 'text/event-stream': { schema: ChangeEvent } },
    },
    ...problems(403, 410),
  },
});
