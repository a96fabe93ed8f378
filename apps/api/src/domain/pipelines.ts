import type { StageKind } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { iso } from './rows.js';
import type { PipelineDto, StageDto } from './types.js';

export interface StageRow {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  kind: StageKind;
  probability: number;
  definition: string;
  rotting_days: number | null;
}

export const toStage = (r: StageRow): StageDto => ({
  id: r.id,
  name: r.name,
  position: r.position,
  kind: r.kind,
  probability: r.probability,
  definition: r.definition,
  rottingDays: r.rotting_days,
});

async function withStages(
  tx: Sql,
  workspaceId: string,
  pipelines: { id: string; name: string; created_at: Date }[],
): Promise<PipelineDto[]> {
  const stages = await tx.query<StageRow>(
    'select * from stages where workspace_id = $1 and pipeline_id = any($2::text[]) order by position',
    [workspaceId, pipelines.map((p) => p.id)],
  );
  return pipelines.map((p) => ({
    id: p.id,
    name: p.name,
    createdAt: iso(p.created_at),
    stages: stages.filter((s) => s.pipeline_id === p.id).map(toStage),
  }));
}

export async function listPipelines(tx: Sql, workspaceId: string): Promise<PipelineDto[]> {
  const rows = await tx.query<{ id: string; name: string; created_at: Date }>(
    'select id, name, created_at from pipelines where workspace_id = $1 order by created_at, id',
    [workspaceId],
  );
  return withStages(tx, workspaceId, rows);
}

export async function getPipeline(tx: Sql, workspaceId: string, id: string): Promise<PipelineDto> {
  const rows = await tx.query<{ id: string; name: string; created_at: Date }>(
    'select id, name, created_at from pipelines where workspace_id = $1 and id = $2',
    [workspaceId, id],
  );
  if (rows.length === 0) throw notFound('pipeline', id);
  const [pipeline] = await withStages(tx, workspaceId, rows);
  return pipeline!;
}

export interface PipelineInput {
  name: string;
  stages: {
    name: string;
    kind: StageKind;
    probability: number;
    definition: string;
    rottingDays?: number | null | undefined;
  }[];
}

export async function createPipeline(
  tx: Sql,
  workspaceId: string,
  input: PipelineInput,
  now = new Date(),
): Promise<PipelineDto> {
  const id = newId('pipeline', now.getTime());
  await tx.query('insert into pipelines (id, workspace_id, name, created_at) values ($1, $2, $3, $4)', [
    id,
    workspaceId,
    input.name,
    now,
  ]);
  for (const [position, stage] of input.stages.entries()) {
    await tx.query(
      `insert into stages (id, workspace_id, pipeline_id, name, position, kind, probability, definition, rotting_days)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        newId('stage', now.getTime()),
        workspaceId,
        id,
        stage.name,
        position,
        stage.kind,
        stage.probability,
        stage.definition,
        stage.rottingDays ?? null,
      ],
    );
  }
  return getPipeline(tx, workspaceId, id);
}

export async function findStage(
  tx: Sql,
  workspaceId: string,
  stageId: string,
): Promise<StageRow | undefined> {
  const rows = await tx.query<StageRow>('select * from stages where workspace_id = $1 and id = $2', [
    workspaceId,
    stageId,
  ]);
  return rows[0];
}
