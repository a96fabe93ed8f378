import { type ActivityType, idPattern } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { newId } from '../ids.js';
import { decodeCursor, type Page, type PageRequest, toPage, Where } from './pagination.js';
import { assertReferences } from './references.js';
import { iso } from './rows.js';
import type { ActivityDto } from './types.js';

interface ActivityRow {
  id: string;
  type: ActivityType;
  contact_id: string;
  deal_id: string | null;
  owner_id: string | null;
  body: string;
  occurred_at: Date;
}

const toActivity = (r: ActivityRow): ActivityDto => ({
  id: r.id,
  type: r.type,
  contactId: r.contact_id,
  dealId: r.deal_id,
  ownerId: r.owner_id,
  body: r.body,
  occurredAt: iso(r.occurred_at),
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
  const rows = await tx.query<ActivityRow>(
    `insert into activities (id, workspace_id, type, contact_id, deal_id, owner_id, body, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [
      newId('activity', now.getTime()),
      workspaceId,
      input.type,
      input.contactId,
      input.dealId ?? null,
      input.ownerId ?? null,
      input.body,
      at,
    ],
  );
  return toActivity(rows[0]!);
}
