import { createRoute, z } from '@hono/zod-openapi';
import {
  CursorParam,
  DateOnly,
  IdempotencyHeader,
  UpdateHeaders,
  idSchema,
  LimitParam,
  Money,
  page,
  Timestamp,
  text,
  Version,
  notBlank,
  plainString,
} from '../common.js';
import { DEAL_STATUSES, RANK_PATTERN } from '../enums.js';
import { bearer, json, jsonBody, problems } from '../http.js';

const LostReason = plainString().min(1).max(500).refine(notBlank, 'must not be blank').openapi({
  description: 'Why the deal was lost; required when it enters a lost stage. Stored as sent (not trimmed).',
  example: 'Chose a competitor',
});

/**
 * A deal's place within its stage: a fractional-indexing key (base 62, compared byte by byte), so a
 * move writes one deal and no neighbour is renumbered. Ties (rare: two deals created in the same
 * microsecond) are broken by `id`.
 */
export const Rank = z.string().min(2).max(200).regex(RANK_PATTERN).openapi({
  description:
    "The deal's place within its stage: columns are ordered by `rank`, then `id`, compared as bytes. Set by the server; move a deal with `after`.",
  example: 'a0V',
});

export const Deal = z
  .object({
    id: idSchema('deal'),
    title: text(200, 'What is being sold.', 'Studio monitors for 12 rooms'),
    value: Money,
    pipelineId: idSchema('pipeline'),
    stageId: idSchema('stage'),
    status: z
      .enum(DEAL_STATUSES)
      .openapi({ description: 'Follows the stage: a won or lost stage closes the deal.' }),
    contactId: idSchema('contact').nullable(),
    companyId: idSchema('company').nullable(),
    ownerId: idSchema('user').nullable(),
    expectedCloseDate: DateOnly.nullable(),
    lostReason: LostReason.nullable(),
    stageEnteredAt: Timestamp.openapi({ description: 'When the deal entered its current stage.' }),
    rank: Rank,
    closedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('Deal');

export const CreateDeal = z
  .object({
    title: Deal.shape.title,
    value: Money,
    pipelineId: Deal.shape.pipelineId,
    stageId: Deal.shape.stageId
      .optional()
      .openapi({ description: 'Defaults to the first stage of the pipeline.' }),
    contactId: Deal.shape.contactId.optional(),
    companyId: Deal.shape.companyId.optional(),
    ownerId: Deal.shape.ownerId.optional(),
    expectedCloseDate: Deal.shape.expectedCloseDate.optional(),
    lostReason: LostReason.optional(),
  })
  .strict()
  .openapi('CreateDeal');

export const UpdateDeal = z
  .object({
    title: Deal.shape.title,
    value: Money,
    stageId: Deal.shape.stageId.openapi({
      description:
        'Moving to a `won` stage wins the deal (and makes its contact a customer); to a `lost` stage needs `lostReason`.',
    }),
    contactId: Deal.shape.contactId,
    companyId: Deal.shape.companyId,
    ownerId: Deal.shape.ownerId,
    expectedCloseDate: Deal.shape.expectedCloseDate,
    lostReason: LostReason,
    after: idSchema('deal').nullable().openapi({
      description:
        'Where the deal goes within its (new) stage: right after this deal of that stage, or first with `null`. Without it a deal that changes stage goes last, and one that stays keeps its place.',
    }),
  })
  .partial()
  .strict()
  .openapi('UpdateDeal');

export const DealStageEntry = z
  .object({
    stageId: idSchema('stage'),
    enteredAt: Timestamp,
    leftAt: Timestamp.nullable(),
  })
  .openapi('DealStageEntry');

const tags = ['Deals'];
const DealId = z.object({ id: idSchema('deal') });

export const listDeals = createRoute({
  method: 'get',
  path: '/v1/deals',
  tags,
  summary: 'List deals',
  security: bearer,
  request: {
    query: z.object({
      limit: LimitParam,
      cursor: CursorParam,
      pipelineId: idSchema('pipeline').optional(),
      stageId: idSchema('stage').optional(),
      status: z.enum(DEAL_STATUSES).optional(),
      ownerId: idSchema('user').optional(),
      contactId: idSchema('contact').optional(),
      companyId: idSchema('company').optional(),
    }),
  },
  responses: { 200: json(page(Deal, 'DealPage'), 'A page of deals.'), ...problems(403) },
});

export const createDeal = createRoute({
  method: 'post',
  path: '/v1/deals',
  tags,
  summary: 'Create a deal',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateDeal, 'The new deal.') },
  responses: { 201: json(Deal, 'The created deal.'), ...problems(403, 404, 422) },
});

export const getDeal = createRoute({
  method: 'get',
  path: '/v1/deals/{id}',
  tags,
  summary: 'Read a deal',
  security: bearer,
  request: { params: DealId },
  responses: { 200: json(Deal, 'The deal.'), ...problems(403, 404) },
});

export const updateDeal = createRoute({
  method: 'patch',
  path: '/v1/deals/{id}',
  tags,
  summary: 'Update or move a deal',
  description: 'Needs `If-Match`. Moves are recorded in the stage history.',
  security: bearer,
  request: { params: DealId, headers: UpdateHeaders, body: jsonBody(UpdateDeal, 'Fields to change.') },
  responses: { 200: json(Deal, 'The updated deal.'), ...problems(403, 404, 409, 412, 422, 428) },
});

export const listDealHistory = createRoute({
  method: 'get',
  path: '/v1/deals/{id}/history',
  tags,
  summary: "A deal's stage history",
  security: bearer,
  request: { params: DealId },
  responses: {
    200: json(
      z.object({ data: z.array(DealStageEntry) }).openapi('DealHistory'),
      'Every stage entry, oldest first.',
    ),
    ...problems(403, 404),
  },
});
