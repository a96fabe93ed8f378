import { createRoute, z } from '@hono/zod-openapi';
import {
  DateOnly,
  IdempotencyHeader,
  idSchema,
  Money,
  Timestamp,
  text,
  Version,
  plainString,
} from '../common.js';
import { DEAL_STATUSES, STAGE_KINDS } from '../enums.js';
import { bearer, json, jsonBody, problems } from '../http.js';

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
    stageEnteredAt: Timestamp,
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
  .object({ stageId: idSchema('stage'), ...BoardFigures })
  .openapi('BoardStageFigures');

export const PipelineBoard = z
  .object({
    pipeline: Pipeline,
    currency: z.string().length(3).openapi({ description: 'The workspace currency the totals are in.' }),
    totals: z
      .object(BoardFigures)
      .openapi({ description: 'The open pipeline: every `open` stage summed (won and lost are not).' }),
    stages: z.array(BoardStageFigures).openapi({ description: 'One entry per stage, in stage order.' }),
    deals: z.array(BoardDeal).openapi({ description: 'Every deal of the pipeline, oldest first.' }),
  })
  .openapi('PipelineBoard', {
    description: 'A pipeline as a board: its stages, their figures computed by the server, and every deal.',
  });

export const getPipelineBoard = createRoute({
  method: 'get',
  path: '/v1/pipelines/{id}/board',
  tags,
  summary: 'A pipeline as a board: stage figures and every deal in one read',
  description:
    'One request for a deals board of any size: per-stage counts, totals and weighted totals computed in SQL, and every deal of the pipeline in a compact shape with its company and owner names.',
  security: bearer,
  request: { params: z.object({ id: idSchema('pipeline') }) },
  responses: { 200: json(PipelineBoard, 'The board.'), ...problems(403, 404) },
});
