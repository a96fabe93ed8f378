import type { BoardDeal, PipelineBoard } from '@chorus/contract';
import type { z } from '@hono/zod-openapi';
import type { Sql } from '../db/database.js';
import { getPipeline } from './pipelines.js';
import { iso } from './rows.js';

type BoardDto = z.infer<typeof PipelineBoard>;
type BoardDealDto = z.infer<typeof BoardDeal>;

interface BoardDealRow {
  id: string;
  title: string;
  value_amount: number;
  value_currency: string;
  stage_id: string;
  status: BoardDealDto['status'];
  contact_id: string | null;
  company_id: string | null;
  company_name: string | null;
  owner_id: string | null;
  owner_name: string | null;
  expected_close_date: string | null;
  stage_entered_at: Date;
  version: number;
}

interface FigureRow {
  stage_id: string;
  count: number;
  total: number;
  weighted: number;
}

/**
 * The board read: one query for the per-stage figures (so the header totals are the server's, not
 * a sum over whatever the client happened to load) and one for the cards, whatever the pipeline's size.
 */
export async function getPipelineBoard(tx: Sql, workspaceId: string, pipelineId: string): Promise<BoardDto> {
  const pipeline = await getPipeline(tx, workspaceId, pipelineId);
  const [workspace] = await tx.query<{ currency: string }>('select currency from workspaces where id = $1', [
    workspaceId,
  ]);
  const figures = await tx.query<FigureRow>(
    `select s.id as stage_id, count(d.id)::int as count,
       coalesce(sum(d.value_amount), 0)::float8 as total,
       coalesce(sum(d.value_amount * s.probability), 0)::float8 as weighted
     from stages s left join deals d on d.workspace_id = s.workspace_id and d.stage_id = s.id
     where s.workspace_id = $1 and s.pipeline_id = $2
     group by s.id, s.position order by s.position`,
    [workspaceId, pipelineId],
  );
  const rows = await tx.query<BoardDealRow>(
    `select d.id, d.title, d.value_amount, d.value_currency, d.stage_id, d.status, d.contact_id,
       d.company_id, c.name as company_name, d.owner_id, u.name as owner_name,
       d.expected_close_date::text as expected_close_date, d.stage_entered_at, d.version
     from deals d
       left join companies c on c.workspace_id = d.workspace_id and c.id = d.company_id
       left join users u on u.workspace_id = d.workspace_id and u.id = d.owner_id
     where d.workspace_id = $1 and d.pipeline_id = $2
     order by d.id`,
    [workspaceId, pipelineId],
  );
  const stages = figures.map((f) => ({
    stageId: f.stage_id,
    count: Number(f.count),
    total: Math.round(Number(f.total)),
    weighted: Math.round(Number(f.weighted)),
  }));
  // The board total is the open pipeline: won and lost columns are outcomes, not pipeline.
  const open = new Set(pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id));
  const openStages = stages.filter((s) => open.has(s.stageId));
  return {
    pipeline,
    currency: workspace?.currency ?? 'EUR',
    totals: {
      count: openStages.reduce((sum, s) => sum + s.count, 0),
      total: openStages.reduce((sum, s) => sum + s.total, 0),
      weighted: openStages.reduce((sum, s) => sum + s.weighted, 0),
    },
    stages,
    deals: rows.map((r) => ({
      id: r.id,
      title: r.title,
      value: { amount: Number(r.value_amount), currency: r.value_currency },
      stageId: r.stage_id,
      status: r.status,
      contactId: r.contact_id,
      companyId: r.company_id,
      companyName: r.company_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      expectedCloseDate: r.expected_close_date,
      stageEnteredAt: iso(r.stage_entered_at),
      version: r.version,
    })),
  };
}
