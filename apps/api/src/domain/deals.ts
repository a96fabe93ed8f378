import { type DealStatus, idPattern } from '@chorus/contract';
import { generateKeyBetween } from 'fractional-indexing';
import type { Sql } from '../db/database.js';
import { notFound, unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { makeCustomer } from './contacts.js';
import { decodeCursor, type Page, type PageRequest, toPage, Where } from './pagination.js';
import { findStage, type StageRow } from './pipelines.js';
import { assertReferences } from './references.js';
import { iso, isoOrNull } from './rows.js';
import type { DealDto, DealStageEntryDto } from './types.js';
import { assertVersion } from './versioning.js';

interface DealRow {
  id: string;
  title: string;
  value_amount: number;
  value_currency: string;
  pipeline_id: string;
  stage_id: string;
  status: DealStatus;
  contact_id: string | null;
  company_id: string | null;
  owner_id: string | null;
  expected_close_date: string | null;
  lost_reason: string | null;
  /** These four: Dates, or their ISO strings when read with `isoTimestamps`. */
  stage_entered_at: Date | string;
  rank: string;
  closed_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

const toDeal = (r: DealRow): DealDto => ({
  id: r.id,
  title: r.title,
  value: { amount: r.value_amount, currency: r.value_currency },
  pipelineId: r.pipeline_id,
  stageId: r.stage_id,
  status: r.status,
  contactId: r.contact_id,
  companyId: r.company_id,
  ownerId: r.owner_id,
  expectedCloseDate: r.expected_close_date,
  lostReason: r.lost_reason,
  stageEnteredAt: iso(r.stage_entered_at),
  rank: r.rank,
  closedAt: isoOrNull(r.closed_at),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

/** A list reads only what its answer shows (all but the workspace): each column is a string to cut from the reply. */
const LISTED_COLUMNS =
  'id, title, value_amount, value_currency, pipeline_id, stage_id, status, contact_id, company_id, owner_id, expected_close_date, lost_reason, stage_entered_at, rank, closed_at, created_at, updated_at, version';

export interface DealQuery extends PageRequest {
  pipelineId?: string | undefined;
  stageId?: string | undefined;
  status?: DealStatus | undefined;
  ownerId?: string | undefined;
  contactId?: string | undefined;
  companyId?: string | undefined;
}

export async function listDeals(tx: Sql, workspaceId: string, query: DealQuery): Promise<Page<DealDto>> {
  const where = new Where(workspaceId)
    .add('pipeline_id = ?', query.pipelineId)
    .add('stage_id = ?', query.stageId)
    .add('status = ?', query.status)
    .add('owner_id = ?', query.ownerId)
    .add('contact_id = ?', query.contactId)
    .add('company_id = ?', query.companyId);
  const after = decodeCursor(query.cursor, idPattern('deal'));
  const rows = await tx.query<DealRow>(
    `select ${LISTED_COLUMNS} from deals ${where.page(after, 'asc', query.limit)}`,
    where.params,
    { isoTimestamps: true },
  );
  return toPage(rows, query.limit, toDeal);
}

async function findDealRow(tx: Sql, workspaceId: string, id: string, lock = false): Promise<DealRow> {
  const rows = await tx.query<DealRow>(
    `select * from deals where workspace_id = $1 and id = $2${lock ? ' for update' : ''}`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('deal', id);
  return rows[0];
}

export const getDeal = async (tx: Sql, workspaceId: string, id: string) =>
  toDeal(await findDealRow(tx, workspaceId, id));

export interface DealInput {
  title: string;
  value: { amount: number; currency: string };
  pipelineId: string;
  stageId?: string | undefined;
  contactId?: string | null | undefined;
  companyId?: string | null | undefined;
  ownerId?: string | null | undefined;
  expectedCloseDate?: string | null | undefined;
  lostReason?: string | undefined;
}

/** What entering a stage means for the deal: its status, its close time, and whether a lost reason is needed. */
function enterStage(stage: StageRow, lostReason: string | null | undefined, at: Date) {
  if (stage.kind === 'lost' && !lostReason) {
    throw unprocessable('body.lostReason', `is required to move a deal to the lost stage "${stage.name}"`);
  }
  return {
    status: stage.kind as DealStatus,
    closedAt: stage.kind === 'open' ? null : at,
    lostReason: stage.kind === 'lost' ? (lostReason ?? null) : null,
  };
}

export async function createDeal(
  tx: Sql,
  workspaceId: string,
  input: DealInput,
  now = new Date(),
): Promise<DealDto> {
  await assertReferences(tx, workspaceId, {
    contactId: input.contactId,
    companyId: input.companyId,
    ownerId: input.ownerId,
  });
  const stageRows = await tx.query<StageRow>(
    'select * from stages where workspace_id = $1 and pipeline_id = $2 order by position',
    [workspaceId, input.pipelineId],
  );
  if (stageRows.length === 0) throw unprocessable('body.pipelineId', `no such pipeline ${input.pipelineId}`);
  const stage = input.stageId ? stageRows.find((s) => s.id === input.stageId) : stageRows[0];
  if (!stage) throw unprocessable('body.stageId', `is not a stage of pipeline ${input.pipelineId}`);
  const entry = enterStage(stage, input.lostReason, now);
  const id = newId('deal', now.getTime());
  const rows = await tx.query<DealRow>(
    `insert into deals (id, workspace_id, title, value_amount, value_currency, pipeline_id, stage_id, status, contact_id, company_id,
       owner_id, expected_close_date, lost_reason, stage_entered_at, closed_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $14, $14) returning *`,
    [
      id,
      workspaceId,
      input.title,
      input.value.amount,
      input.value.currency,
      input.pipelineId,
      stage.id,
      entry.status,
      input.contactId ?? null,
      input.companyId ?? null,
      input.ownerId ?? null,
      input.expectedCloseDate ?? null,
      entry.lostReason,
      now,
      entry.closedAt,
    ],
  );
  await tx.query(
    'insert into deal_stage_history (workspace_id, deal_id, stage_id, entered_at) values ($1, $2, $3, $4)',
    [workspaceId, id, stage.id, now],
  );
  if (entry.status === 'won' && input.contactId)
    await makeCustomer(tx, workspaceId, input.contactId, 'deal_won', now);
  return toDeal(rows[0]!);
}

export type DealPatch = Partial<Omit<DealInput, 'pipelineId'>> & {
  /** Right after this deal of the (new) stage, or first with null; see `rankIn`. */
  after?: string | null | undefined;
};

export async function updateDeal(
  tx: Sql,
  workspaceId: string,
  id: string,
  ifMatch: string | undefined,
  patch: DealPatch,
  now = new Date(),
): Promise<DealDto> {
  const current = await findDealRow(tx, workspaceId, id, true);
  assertVersion(ifMatch, current.version);
  await assertReferences(tx, workspaceId, {
    contactId: patch.contactId,
    companyId: patch.companyId,
    ownerId: patch.ownerId,
  });
  const next = {
    title: patch.title ?? current.title,
    amount: patch.value?.amount ?? current.value_amount,
    currency: patch.value?.currency ?? current.value_currency,
    contactId: patch.contactId === undefined ? current.contact_id : patch.contactId,
    companyId: patch.companyId === undefined ? current.company_id : patch.companyId,
    ownerId: patch.ownerId === undefined ? current.owner_id : patch.ownerId,
    expectedCloseDate:
      patch.expectedCloseDate === undefined ? current.expected_close_date : patch.expectedCloseDate,
    stageId: current.stage_id,
    status: current.status,
    lostReason: patch.lostReason ?? current.lost_reason,
    stageEnteredAt: current.stage_entered_at,
    closedAt: current.closed_at,
  };
  const moving = patch.stageId !== undefined && patch.stageId !== current.stage_id;
  if (moving) {
    const stage = await findStage(tx, workspaceId, patch.stageId!);
    if (!stage || stage.pipeline_id !== current.pipeline_id) {
      throw unprocessable('body.stageId', `is not a stage of this deal's pipeline ${current.pipeline_id}`);
    }
    const entry = enterStage(stage, patch.lostReason, now);
    Object.assign(next, { stageId: stage.id, stageEnteredAt: now, ...entry });
    await tx.query(
      'update deal_stage_history set left_at = $3 where workspace_id = $1 and deal_id = $2 and left_at is null',
      [workspaceId, id, now],
    );
    await tx.query(
      'insert into deal_stage_history (workspace_id, deal_id, stage_id, entered_at) values ($1, $2, $3, $4)',
      [workspaceId, id, stage.id, now],
    );
  }
  const rank =
    patch.after !== undefined || moving
      ? await rankIn(tx, workspaceId, id, next.stageId, patch.after)
      : current.rank;
  const rows = await tx.query<DealRow>(
    `update deals set title = $3, value_amount = $4, value_currency = $5, contact_id = $6, company_id = $7, owner_id = $8,
       expected_close_date = $9, stage_id = $10, status = $11, lost_reason = $12, stage_entered_at = $13, closed_at = $14,
       updated_at = $15, rank = $16, version = version + 1
     where workspace_id = $1 and id = $2 returning *`,
    [
      workspaceId,
      id,
      next.title,
      next.amount,
      next.currency,
      next.contactId,
      next.companyId,
      next.ownerId,
      next.expectedCloseDate,
      next.stageId,
      next.status,
      next.lostReason,
      next.stageEnteredAt,
      next.closedAt,
      now,
      rank,
    ],
  );
  if (moving && next.status === 'won' && next.contactId)
    await makeCustomer(tx, workspaceId, next.contactId, 'deal_won', now);
  return toDeal(rows[0]!);
}

/**
 * The rank that puts deal `id` right after `after` in `stageId` (first when `after` is null, last
 * when it is undefined): a key between that deal's and the next one's, so no other deal is written.
 * Deals tied on `after`'s rank (created in the same microsecond) stay before the moved one.
 */
async function rankIn(
  tx: Sql,
  workspaceId: string,
  id: string,
  stageId: string,
  after: string | null | undefined,
): Promise<string> {
  if (after === id) throw unprocessable('body.after', 'is the deal being moved');
  let low: string | null = null;
  if (after === undefined) {
    const [last] = await tx.query<{ rank: string }>(
      'select rank from deals where workspace_id = $1 and stage_id = $2 and id <> $3 order by rank desc, id desc limit 1',
      [workspaceId, stageId, id],
    );
    return generateKeyBetween(last?.rank ?? null, null);
  }
  if (after !== null) {
    const [anchor] = await tx.query<{ rank: string }>(
      'select rank from deals where workspace_id = $1 and id = $2 and stage_id = $3',
      [workspaceId, after, stageId],
    );
    if (!anchor) throw unprocessable('body.after', `is not a deal in stage ${stageId}`);
    low = anchor.rank;
  }
  const [next] = await tx.query<{ rank: string }>(
    `select rank from deals where workspace_id = $1 and stage_id = $2 and id <> $3${low === null ? '' : ' and rank > $4'}
     order by rank, id limit 1`,
    low === null ? [workspaceId, stageId, id] : [workspaceId, stageId, id, low],
  );
  return generateKeyBetween(low, next?.rank ?? null);
}

export async function listDealHistory(
  tx: Sql,
  workspaceId: string,
  id: string,
): Promise<DealStageEntryDto[]> {
  await findDealRow(tx, workspaceId, id);
  const rows = await tx.query<{ stage_id: string; entered_at: Date; left_at: Date | null }>(
    'select stage_id, entered_at, left_at from deal_stage_history where workspace_id = $1 and deal_id = $2 order by entered_at, id',
    [workspaceId, id],
  );
  return rows.map((r) => ({
    stageId: r.stage_id,
    enteredAt: iso(r.entered_at),
    leftAt: isoOrNull(r.left_at),
  }));
}
