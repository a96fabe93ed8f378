import { createRoute, z } from '@hono/zod-openapi';
import { IdempotencyHeader, idSchema, Timestamp, text } from '../common.js';
import { STAGE_KINDS } from '../enums.js';
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
    definition: z.string().max(1000).openapi({
      description: 'The agreed entry criteria: what must be true for a deal to be in this stage.',
      example: 'A written proposal with price and scope has been sent to the decision maker.',
    }),
    rottingDays: z.number().int().min(1).nullable().openapi({
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
