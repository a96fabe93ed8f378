import { createRoute, z } from '@hono/zod-openapi';
import { idSchema, text } from '../common.js';
import { bearer, json, problems } from '../http.js';

/**
 * One of the reasons a workspace agreed to record a lost deal with. A lost deal still stores its
 * reason as text (`Deal.lostReason`): the list is what a board offers, with "other" and free text
 * beside it, so a renamed reason never rewrites history.
 */
export const LostReasonOption = z
  .object({
    id: idSchema('lostReason'),
    label: text(120, 'The reason as people pick it.', 'Chose a competitor'),
    position: z.number().int().min(0).openapi({ description: 'Order in the list, from 0.', example: 0 }),
  })
  .openapi('LostReasonOption');

export const listLostReasons = createRoute({
  method: 'get',
  path: '/v1/lost-reasons',
  tags: ['Deals'],
  summary: "The workspace's lost reasons, in order",
  description: 'What a board offers when a deal is lost. Every new workspace starts with a default list.',
  security: bearer,
  responses: {
    200: json(
      z.object({ data: z.array(LostReasonOption) }).openapi('LostReasonList'),
      'Every lost reason, in order.',
    ),
    ...problems(403),
  },
});
