import type { ActivityType, BoardDeal, PipelineBoard } from '@chorus/contract';
import type { z } from '@hono/zod-openapi';
import type { Sql } from '../db/database.js';
import { notFound } from '../errors.js';
import {
  afterPosition,
  type BoardView,
  cursorKey,
  decodeCursor,
  encodeCursor,
  filterSql,
  needsCompany,
  orderBy,
  type Position,
} from './board-order.js';
import type { Page } from './pagination.js';
import { getPipeline } from './pipelines.js';
import { iso, isoOrNull } from './rows.js';

export type { BoardView } from './board-order.js';

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
  next_activity: { id: string; type: ActivityType; body: string; due_at: string } | null;
  stage_entered_at: Date;
  closed_at: Date | null;
  rank: string;
  version: number;
  cursor_key: string | null;
}

interface FigureRow {
  stage_id: string;
  count: number;
  total: number;
  weighted: number;
}

/** Placeholders for values pushed onto `params`, `$1` and `$2` being taken by the caller. */
function parameters(params: unknown[]) {
  return (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
}

const CARD_COLUMNS = `d.id, d.title, d.value_amount, d.value_currency, d.stage_id, d.status, d.contact_id,
  d.company_id, c.name as company_name, d.owner_id, u.name as owner_name,
  d.expected_close_date::text as expected_close_date, d.stage_entered_at, d.closed_at, d.rank, d.version,
  (select json_build_object('id', a.id, 'type', a.type, 'body', a.body, 'due_at', a.due_at)
   from activities a
   where a.workspace_id = d.workspace_id and a.deal_id = d.id and a.due_at is not null and a.completed_at is null
   order by a.due_at, a.id limit 1) as next_activity`;

const CARD_JOINS = `left join companies c on c.workspace_id = d.workspace_id and c.id = d.company_id
  left join users u on u.workspace_id = d.workspace_id and u.id = d.owner_id`;

const toBoardDeal = (r: BoardDealRow): BoardDealDto => ({
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
  nextActivity: r.next_activity && {
    id: r.next_activity.id,
    type: r.next_activity.type,
    body: r.next_activity.body,
    dueAt: iso(r.next_activity.due_at),
  },
  stageEnteredAt: iso(r.stage_entered_at),
  closedAt: isoOrNull(r.closed_at),
  rank: r.rank,
  version: r.version,
});

const positionOf = (r: BoardDealRow): Position => ({ key: r.cursor_key, rank: r.rank, id: r.id });

/**
 * The board's first screen in three queries whatever the pipeline's size: the per-stage figures over
 * the filters (so the headers are the server's, not a sum over what the client loaded), the first
 * `limit` cards of every column (one index range per stage), and the owners for the filter.
 */
export async function getPipelineBoard(
  tx: Sql,
  workspaceId: string,
  pipelineId: string,
  view: BoardView,
  limit: number,
): Promise<BoardDto> {
  const pipeline = await getPipeline(tx, workspaceId, pipelineId);
  const [workspace] = await tx.query<{ currency: string }>('select currency from workspaces where id = $1', [
    workspaceId,
  ]);
  const figureParams: unknown[] = [workspaceId, pipelineId];
  const deals = needsCompany(view)
    ? '(deals d left join companies c on c.workspace_id = d.workspace_id and c.id = d.company_id)'
    : 'deals d';
  const figures = await tx.query<FigureRow>(
    `select s.id as stage_id, count(d.id)::int as count,
       coalesce(sum(d.value_amount), 0)::float8 as total,
       coalesce(sum(d.value_amount * s.probability), 0)::float8 as weighted
     from stages s left join ${deals}
       on d.workspace_id = s.workspace_id and d.stage_id = s.id${filterSql(view, parameters(figureParams))}
     where s.workspace_id = $1 and s.pipeline_id = $2
     group by s.id, s.position order by s.position`,
    figureParams,
  );
  const rows = await firstPages(tx, workspaceId, pipelineId, view, limit);
  const owners = await tx.query<{ id: string; name: string }>(
    `select distinct u.id, u.name from deals d join users u on u.workspace_id = d.workspace_id and u.id = d.owner_id
     where d.workspace_id = $1 and d.pipeline_id = $2 order by u.name, u.id`,
    [workspaceId, pipelineId],
  );

  const byStage = new Map<string, BoardDealRow[]>();
  for (const row of rows) byStage.set(row.stage_id, [...(byStage.get(row.stage_id) ?? []), row]);
  const cards: BoardDealDto[] = [];
  const stages = figures.map((f) => {
    const column = byStage.get(f.stage_id) ?? [];
    const shown = column.slice(0, limit);
    cards.push(...shown.map(toBoardDeal));
    const count = Number(f.count);
    const last = shown.at(-1);
    // A row past the limit was read: there is more to come.
    const more = column.length > limit;
    return {
      stageId: f.stage_id,
      count,
      total: Math.round(Number(f.total)),
      weighted: Math.round(Number(f.weighted)),
      nextCursor: more && last ? encodeCursor(f.stage_id, view, positionOf(last)) : null,
    };
  });
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
    deals: cards,
    owners,
  };
}

/** The first `limit` + 1 cards of every column, one index range per stage (a lateral join). */
function firstPages(tx: Sql, workspaceId: string, pipelineId: string, view: BoardView, limit: number) {
  const params: unknown[] = [workspaceId, pipelineId];
  const param = parameters(params);
  const filters = filterSql(view, param);
  const perColumn = param(limit + 1);
  return tx.query<BoardDealRow>(
    `select d.* from stages s cross join lateral (
       select ${CARD_COLUMNS}, ${cursorKey(view.sort)}, row_number() over (order by ${orderBy(view.sort)}) as place
       from deals d ${CARD_JOINS}
       where d.workspace_id = s.workspace_id and d.stage_id = s.id${filters}
       order by ${orderBy(view.sort)}
       limit ${perColumn}
     ) d
     where s.workspace_id = $1 and s.pipeline_id = $2
     order by s.position, d.place`,
    params,
  );
}

/** One column's next page: the deals after the cursor, in the board's order, over the same filters. */
export async function listBoardStageDeals(
  tx: Sql,
  workspaceId: string,
  pipelineId: string,
  stageId: string,
  view: BoardView,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<BoardDealDto>> {
  const cursor = decodeCursor(query.cursor, stageId, view);
  const stage = await tx.query(
    'select 1 from stages where workspace_id = $1 and pipeline_id = $2 and id = $3',
    [workspaceId, pipelineId, stageId],
  );
  if (stage.length === 0) throw notFound('stage', `${stageId} in pipeline ${pipelineId}`);
  const params: unknown[] = [workspaceId, stageId];
  const param = parameters(params);
  const after = cursor.after ? ` and ${afterPosition(view.sort, cursor.after, param)}` : '';
  const rows = await tx.query<BoardDealRow>(
    `select ${CARD_COLUMNS}, ${cursorKey(view.sort)}
     from deals d ${CARD_JOINS}
     where d.workspace_id = $1 and d.stage_id = $2${filterSql(view, param)}${after}
     order by ${orderBy(view.sort)}
     limit ${param(query.limit + 1)}`,
    params,
  );
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  return {
    data: shown.map(toBoardDeal),
    nextCursor: more ? encodeCursor(stageId, view, positionOf(shown.at(-1)!)) : null,
  };
}
