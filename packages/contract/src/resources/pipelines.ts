import { createRoute, z } from '@hono/zod-openapi';
import {
  CursorParam,
  DateOnly,
  IdempotencyHeader,
  INT32_MAX,
  LimitParam,
  page,
  idSchema,
  Money,
  Timestamp,
  text,
  Version,
  plainString,
} from '../common.js';
import { BOARD_SORTS, DEAL_STATUSES, STAGE_KINDS } from '../enums.js';
import { bearer, json, jsonBody, problems } from '../http.js';
import { NextActivity } from './activities.js';
import { Rank } from './deals.js';

export const Stage = z
  .object({
    id: idSchema('stage'),
    name: text(80, 'Stage name.', 'Proposal'),
    position: z.number().int().min(0).openapi({ description: 'Order in the pipeline, from 0.', example: 3 }),
    kind: z
      .enum(STAGE_KINDS)
      .openapi({ description: '`won` and `lost` stages are terminal: entering one closes the deal.' }),
    probability: z
      .number()
      .min(0)
      .max(1)
      .openapi({ description: 'Chance a deal here is won, 0-1.', example: 0.6 }),
    definition: plainString().max(1000).openapi({
      description:
        'The agreed entry criteria: what must be true for a deal to be in this stage. Stored as sent (not trimmed).',
      example: 'A written proposal with price and scope has been sent to the decision maker.',
    }),
    rottingDays: z.number().int().min(1).max(36_500).nullable().openapi({
      description: 'After this many days in the stage a deal is considered stale.',
      example: 14,
    }),
  })
  .openapi('Stage');

export const Pipeline = z
  .object({
    id: idSchema('pipeline'),
    name: text(120, 'Pipeline name.', 'New business'),
    stages: z.array(Stage).openapi({ description: 'Stages in order.' }),
    createdAt: Timestamp,
  })
  .openapi('Pipeline', { description: 'The deal stages sales and marketing agreed on.' });

const CreateStage = z
  .object({
    name: Stage.shape.name,
    kind: Stage.shape.kind.default('open'),
    probability: Stage.shape.probability,
    definition: Stage.shape.definition,
    rottingDays: Stage.shape.rottingDays.optional(),
  })
  .strict();

export const CreatePipeline = z
  .object({
    name: Pipeline.shape.name,
    stages: z
      .array(CreateStage)
      .min(2)
      .max(20)
      .refine((stages) => stages.some((s) => s.kind === 'won') && stages.some((s) => s.kind === 'lost'), {
        message: 'needs one won and one lost stage',
      })
      .openapi({ description: 'Stages in order, with at least one won and one lost stage.' }),
  })
  .strict()
  .openapi('CreatePipeline');

const tags = ['Pipelines'];

export const listPipelines = createRoute({
  method: 'get',
  path: '/v1/pipelines',
  tags,
  summary: 'List pipelines with their stages',
  security: bearer,
  responses: {
    200: json(z.object({ data: z.array(Pipeline) }).openapi('PipelineList'), 'All pipelines.'),
    ...problems(403),
  },
});

export const getPipeline = createRoute({
  method: 'get',
  path: '/v1/pipelines/{id}',
  tags,
  summary: 'Read a pipeline with its stages',
  security: bearer,
  request: { params: z.object({ id: idSchema('pipeline') }) },
  responses: { 200: json(Pipeline, 'The pipeline.'), ...problems(403, 404) },
});

export const createPipeline = createRoute({
  method: 'post',
  path: '/v1/pipelines',
  tags,
  summary: 'Create a pipeline',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreatePipeline, 'The pipeline and its stages.') },
  responses: { 201: json(Pipeline, 'The created pipeline.'), ...problems(403, 422) },
});

/** A deal as a board card needs it: the names it shows, the version a move sends back. */
export const BoardDeal = z
  .object({
    id: idSchema('deal'),
    title: text(200, 'What is being sold.', 'Studio monitors for 12 rooms'),
    value: Money,
    stageId: idSchema('stage'),
    status: z.enum(DEAL_STATUSES).openapi({ description: '`open`, or how the deal was closed.' }),
    contactId: idSchema('contact').nullable(),
    companyId: idSchema('company').nullable(),
    companyName: z.string().nullable().openapi({ description: "The company's name, when the deal has one." }),
    ownerId: idSchema('user').nullable(),
    ownerName: z.string().nullable().openapi({ description: "The owner's name, when the deal has one." }),
    expectedCloseDate: DateOnly.nullable(),
    nextActivity: NextActivity.nullable().openapi({
      description: "The deal's earliest open task, or null when it has none.",
    }),
    stageEnteredAt: Timestamp,
    closedAt: Timestamp.nullable().openapi({
      description: 'When the deal was won or lost; null while open.',
    }),
    rank: Rank,
    version: Version,
  })
  .openapi('BoardDeal');

const BoardFigures = {
  count: z.number().int().min(0).openapi({ description: 'Deals in the stage.' }),
  total: z.number().int().openapi({ description: 'Sum of their values, minor units of `currency`.' }),
  weighted: z.number().int().openapi({
    description: "Sum of value × the stage's probability, rounded to whole minor units.",
  }),
};

export const BoardStageFigures = z
  .object({
    stageId: idSchema('stage'),
    ...BoardFigures,
    nextCursor: z.string().nullable().openapi({
      description:
        "Pass as `cursor` to this stage's column (`/v1/pipelines/{id}/board/stages/{stageId}`) for its next deals; null when `deals` holds all of them.",
    }),
  })
  .openapi('BoardStageFigures', {
    description:
      "A stage's figures (every deal matching the filters) and where its column's next page starts.",
  });

const Amount = z.coerce.number().int().min(1).max(INT32_MAX);

/** What a board shows: the same filters and order for its first read and for every column's next page. */
const BoardView = {
  ownerId: idSchema('user').optional().openapi({ description: 'Only deals this user owns.' }),
  q: plainString()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Only deals whose title or company name contains this, ignoring case.' }),
  minValue: Amount.optional().openapi({
    description: 'Only deals worth at least this, minor units (1 to 2³¹−1).',
  }),
  maxValue: Amount.optional().openapi({
    description: 'Only deals worth at most this, minor units (1 to 2³¹−1).',
  }),
  status: z.enum(DEAL_STATUSES).optional().openapi({
    description:
      'Only deals with this status. `won` or `lost` leaves every other stage empty: the deals lost in a period, as the lost-sales tile drills into.',
  }),
  closedFrom: Timestamp.optional().openapi({
    description: 'Only deals closed (won or lost) at or after this instant; open deals are left out.',
  }),
  closedTo: Timestamp.optional().openapi({
    description:
      'Only deals closed before this instant (exclusive, as a metric period ends); open deals are left out.',
  }),
  sort: z.enum(BOARD_SORTS).default('board').openapi({
    description:
      '`board`: as people arranged it (`rank`); `value`: highest first; `age`: longest in stage first; `close`: soonest expected close first, none last. Ties by `rank`, then `id`.',
  }),
};

/** A closed window, when both ends are given, starts before it ends. */
const closedWindowInOrder = (q: { closedFrom?: string | undefined; closedTo?: string | undefined }) =>
  !q.closedFrom || !q.closedTo || Date.parse(q.closedFrom) < Date.parse(q.closedTo);
const CLOSED_WINDOW_ORDER = { message: 'closedFrom must be before closedTo', path: ['closedFrom'] };

export const PipelineBoard = z
  .object({
    pipeline: Pipeline,
    currency: z.string().length(3).openapi({ description: 'The workspace currency the totals are in.' }),
    totals: z
      .object(BoardFigures)
      .openapi({ description: 'The open pipeline: every `open` stage summed (won and lost are not).' }),
    stages: z.array(BoardStageFigures).openapi({ description: 'One entry per stage, in stage order.' }),
    deals: z.array(BoardDeal).openapi({
      description:
        "The first `limit` deals of each stage's column, in the column's order, stage after stage.",
    }),
    owners: z.array(z.object({ id: idSchema('user'), name: z.string() })).openapi({
      description: "Everyone who owns a deal of the pipeline, by name: the owner filter's choices.",
    }),
  })
  .openapi('PipelineBoard', {
    description:
      "A pipeline as a board: its stages, their figures computed by the server over the filters, and each column's first deals.",
  });

export const getPipelineBoard = createRoute({
  method: 'get',
  path: '/v1/pipelines/{id}/board',
  tags,
  summary: "A pipeline as a board: stage figures and each column's first deals in one read",
  description:
    'One request for the first screen of a deals board of any size: per-stage counts, totals and weighted totals computed in SQL over the filters, and the first `limit` deals of every column (compact, with company and owner names) with a cursor for the rest.',
  security: bearer,
  request: {
    params: z.object({ id: idSchema('pipeline') }),
    query: z
      .object({
        limit: LimitParam.openapi({ description: 'Deals per column, 1 to 200.', example: 50 }),
        ...BoardView,
      })
      .refine(closedWindowInOrder, CLOSED_WINDOW_ORDER),
  },
  responses: { 200: json(PipelineBoard, 'The board.'), ...problems(403, 404) },
});

export const listBoardStageDeals = createRoute({
  method: 'get',
  path: '/v1/pipelines/{id}/board/stages/{stageId}',
  tags,
  summary: "A board column's next deals",
  description:
    "The next page of one stage's column, with the same filters and order as the board read that gave the cursor. A cursor from another column, order or filter is refused with 400.",
  security: bearer,
  request: {
    params: z.object({ id: idSchema('pipeline'), stageId: idSchema('stage') }),
    query: z
      .object({ limit: LimitParam, cursor: CursorParam, ...BoardView })
      .refine(closedWindowInOrder, CLOSED_WINDOW_ORDER),
  },
  responses: {
    200: json(page(BoardDeal, 'BoardStagePage'), "A page of the column's deals."),
    ...problems(403, 404),
  },
});
