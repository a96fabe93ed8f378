import { type ActivityType, idPattern } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { newId } from '../ids.js';
import { decodeCursor, type Page, type PageRequest, toPage, Where } from './pagination.js';
import { notFound } from '../errors.js';
import { assertReferences } from './references.js';
import { iso, isoOrNull } from './rows.js';
import type { ActivityDto } from './types.js';

interface ActivityRow {
  id: string;
  type: ActivityType;
  contact_id: string;
  deal_id: string | null;
  owner_id: string | null;
  body: string;
  occurred_at: Date;
  due_at: Date | null;
  completed_at: Date | null;
}

const toActivity = (r: ActivityRow): ActivityDto => ({
  id: r.id,
  type: r.type,
  contactId: r.contact_id,
  dealId: r.deal_id,
  ownerId: r.owner_id,
  body: r.body,
  occurredAt: iso(r.occurred_at),
  dueAt: isoOrNull(r.due_at),
  completedAt: isoOrNull(r.completed_at),
});

export interface ActivityQuery extends PageRequest {
  contactId?: string | undefined;
  dealId?: string | undefined;
  type?: ActivityType | undefined;
}

export async function listActivities(
  tx: Sql,
  workspaceId: string,
  query: ActivityQuery,
): Promise<Page<ActivityDto>> {
  const where = new Where(workspaceId)
    .add('contact_id = ?', query.contactId)
    .add('deal_id = ?', query.dealId)
    .add('type = ?', query.type);
  const after = decodeCursor(query.cursor, idPattern('activity'));
  const rows = await tx.query<ActivityRow>(
    `select * from activities ${where.page(after, 'desc', query.limit)}`,
    where.params,
  );
  return toPage(rows, query.limit, toActivity);
}

export interface ActivityInput {
  type: ActivityType;
  contactId: string;
  dealId?: string | null | undefined;
  ownerId?: string | null | undefined;
  body: string;
  occurredAt?: string | undefined;
  /** Given: a task, open until completed. Not given: a touch, done when it occurred. */
  dueAt?: string | undefined;
}

export async function createActivity(
  tx: Sql,
  workspaceId: string,
  input: ActivityInput,
  now = new Date(),
): Promise<ActivityDto> {
  await assertReferences(tx, workspaceId, {
    contactId: input.contactId,
    dealId: input.dealId,
    ownerId: input.ownerId,
  });
  const at = input.occurredAt ? new Date(input.occurredAt) : now;
  const due = input.dueAt ? new Date(input.dueAt) : null;
  const rows = await tx.query<ActivityRow>(
    `insert into activities (id, workspace_id, type, contact_id, deal_id, owner_id, body, occurred_at, due_at, completed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
    [
      newId('activity', now.getTime()),
      workspaceId,
      input.type,
      input.contactId,
      input.dealId ?? null,
      input.ownerId ?? null,
      input.body,
      at,
      due,
      due ? null : at,
    ],
  );
  return toActivity(rows[0]!);
}

/** Marks a task done now; a task already done (or a logged touch) is returned unchanged. */
export async function completeActivity(
  tx: Sql,
  workspaceId: string,
  id: string,
  now = new Date(),
): Promise<ActivityDto> {
  const rows = await tx.query<ActivityRow>(
    `update activities set completed_at = $3, occurred_at = $3
     where workspace_id = $1 and id = $2 and completed_at is null returning *`,
    [workspaceId, id, now],
  );
  if (rows[0]) return toActivity(rows[0]);
  const existing = await tx.query<ActivityRow>(
    'select * from activities where workspace_id = $1 and id = $2',
    [workspaceId, id],
  );
  if (!existing[0]) throw notFound('activity', id);
  return toActivity(existing[0]);
}

export interface OpenTaskQuery extends PageRequest {
  contactId?: string | undefined;
  dealId?: string | undefined;
}

/**
 * Open tasks, soonest due first (ties by id). The cursor is the last task's id: the page goes on
 * after that task's (due_at, id), read from the open-task indexes.
 */
export async function listOpenTasks(
  tx: Sql,
  workspaceId: string,
  query: OpenTaskQuery,
): Promise<Page<ActivityDto>> {
  const where = new Where(workspaceId)
    .add('contact_id = ?', query.contactId)
    .add('deal_id = ?', query.dealId)
    .add(
      '(due_at, id) > (select a.due_at, a.id from activities a where a.workspace_id = $1 and a.id = ?)',
      decodeCursor(query.cursor, idPattern('activity')),
    );
  where.params.push(query.limit + 1);
  const rows = await tx.query<ActivityRow>(
    `select * from activities ${where} and due_at is not null and completed_at is null
     order by due_at, id limit $${where.params.length}`,
    where.params,
  );
  return toPage(rows, query.limit, toActivity);
}
