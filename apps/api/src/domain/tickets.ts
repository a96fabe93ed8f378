import { idPattern, type TicketStatus } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { decodeCursor, type Page, type PageRequest, toPage, Where } from './pagination.js';
import { assertReferences } from './references.js';
import { iso, isoOrNull } from './rows.js';
import type { TicketDto } from './types.js';
import { assertVersion } from './versioning.js';

interface TicketRow {
  id: string;
  contact_id: string;
  subject: string;
  status: TicketStatus;
  opened_at: Date;
  resolved_at: Date | null;
  version: number;
}

const toTicket = (r: TicketRow): TicketDto => ({
  id: r.id,
  contactId: r.contact_id,
  subject: r.subject,
  status: r.status,
  openedAt: iso(r.opened_at),
  resolvedAt: isoOrNull(r.resolved_at),
  version: r.version,
});

export interface TicketQuery extends PageRequest {
  contactId?: string | undefined;
  status?: TicketStatus | undefined;
}

export async function listTickets(
  tx: Sql,
  workspaceId: string,
  query: TicketQuery,
): Promise<Page<TicketDto>> {
  const where = new Where(workspaceId).add('contact_id = ?', query.contactId).add('status = ?', query.status);
  const after = decodeCursor(query.cursor, idPattern('ticket'));
  const rows = await tx.query<TicketRow>(
    `select * from tickets ${where.page(after, 'desc', query.limit)}`,
    where.params,
  );
  return toPage(rows, query.limit, toTicket);
}

export async function createTicket(
  tx: Sql,
  workspaceId: string,
  input: { contactId: string; subject: string; openedAt?: string | undefined },
  now = new Date(),
): Promise<TicketDto> {
  await assertReferences(tx, workspaceId, { contactId: input.contactId });
  const rows = await tx.query<TicketRow>(
    `insert into tickets (id, workspace_id, contact_id, subject, status, opened_at) values ($1, $2, $3, $4, 'open', $5) returning *`,
    [
      newId('ticket', now.getTime()),
      workspaceId,
      input.contactId,
      input.subject,
      input.openedAt ? new Date(input.openedAt) : now,
    ],
  );
  return toTicket(rows[0]!);
}

export async function updateTicket(
  tx: Sql,
  workspaceId: string,
  id: string,
  ifMatch: string | undefined,
  patch: { status?: TicketStatus | undefined; subject?: string | undefined },
  now = new Date(),
): Promise<TicketDto> {
  const [current] = await tx.query<TicketRow>(
    'select * from tickets where workspace_id = $1 and id = $2 for update',
    [workspaceId, id],
  );
  if (!current) throw notFound('ticket', id);
  assertVersion(ifMatch, current.version);
  const status = patch.status ?? current.status;
  // Resolving stamps the time once; reopening clears it.
  const resolvedAt = status === 'resolved' ? (current.resolved_at ?? now) : null;
  const rows = await tx.query<TicketRow>(
    `update tickets set status = $3, subject = $4, resolved_at = $5, version = version + 1
     where workspace_id = $1 and id = $2 returning *`,
    [workspaceId, id, status, patch.subject ?? current.subject, resolvedAt],
  );
  return toTicket(rows[0]!);
}
