import { CUSTOMER_STAGES, idPattern, LEAD_STAGES, type LifecycleStage } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { lifecycleRule, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { decodeCursor, type Page, type PageRequest, toPage, Where } from './pagination.js';
import { recordTouch, type TouchInput } from './campaigns.js';
import { assertReferences } from './references.js';
import { iso } from './rows.js';
import type { ContactDto, LifecycleChangeDto } from './types.js';
import { assertVersion } from './versioning.js';

export interface ContactRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  company_id: string | null;
  owner_id: string | null;
  lifecycle_stage: LifecycleStage;
  lead_score: number;
  tags: string[];
  /** A Date, or its ISO string when read with `isoTimestamps`. */
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

export const toContact = (r: ContactRow): ContactDto => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  phone: r.phone,
  title: r.title,
  companyId: r.company_id,
  ownerId: r.owner_id,
  lifecycleStage: r.lifecycle_stage,
  leadScore: r.lead_score,
  tags: r.tags,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

/** A list reads only what its answer shows: each column of each row is a string to cut from the reply. */
const LISTED_COLUMNS =
  'id, first_name, last_name, email, phone, title, company_id, owner_id, lifecycle_stage, lead_score, tags, created_at, updated_at, version';

export interface ContactQuery extends PageRequest {
  ids?: string | undefined;
  lifecycleStage?: LifecycleStage | undefined;
  ownerId?: string | undefined;
  companyId?: string | undefined;
  q?: string | undefined;
}

/** `%text%` for ILIKE, with the user's own wildcards taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listContacts(
  tx: Sql,
  workspaceId: string,
  query: ContactQuery,
): Promise<Page<ContactDto>> {
  const where = new Where(workspaceId)
    .add('id = any(?::text[])', query.ids?.split(','))
    .add('lifecycle_stage = ?', query.lifecycleStage)
    .add('owner_id = ?', query.ownerId)
    .add('company_id = ?', query.companyId)
    .add(
      "((first_name || ' ' || last_name) ilike ? or coalesce(email, '') ilike ?)",
      query.q && containsPattern(query.q),
    );
  // A batch read returns every id asked for (up to 100) on one page.
  const limit = query.ids ? Math.max(query.limit, 100) : query.limit;
  const after = decodeCursor(query.cursor, idPattern('contact'));
  const rows = await tx.query<ContactRow>(
    `select ${LISTED_COLUMNS} from contacts ${where.page(after, 'asc', limit)}`,
    where.params,
    { isoTimestamps: true },
  );
  return toPage(rows, limit, toContact);
}

async function findContactRow(tx: Sql, workspaceId: string, id: string, lock = false): Promise<ContactRow> {
  const rows = await tx.query<ContactRow>(
    `select * from contacts where workspace_id = $1 and id = $2${lock ? ' for update' : ''}`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('contact', id);
  return rows[0];
}

export async function getContact(tx: Sql, workspaceId: string, id: string): Promise<ContactDto> {
  return toContact(await findContactRow(tx, workspaceId, id));
}

export interface ContactInput {
  firstName: string;
  lastName: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  title?: string | null | undefined;
  companyId?: string | null | undefined;
  ownerId?: string | null | undefined;
  lifecycleStage: LifecycleStage;
  leadScore: number;
  tags: string[];
  /** The touch that brought the contact in: their first touch. */
  touch?: TouchInput | undefined;
}

export async function createContact(
  tx: Sql,
  workspaceId: string,
  input: ContactInput,
  now = new Date(),
): Promise<ContactDto> {
  await assertReferences(tx, workspaceId, { companyId: input.companyId, ownerId: input.ownerId });
  const id = newId('contact', now.getTime());
  const rows = await tx.query<ContactRow>(
    `insert into contacts (id, workspace_id, first_name, last_name, email, phone, title, company_id, owner_id,
       lifecycle_stage, initial_stage, lead_score, tags, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $13) returning *`,
    [
      id,
      workspaceId,
      input.firstName,
      input.lastName,
      input.email ?? null,
      input.phone ?? null,
      input.title ?? null,
      input.companyId ?? null,
      input.ownerId ?? null,
      input.lifecycleStage,
      input.leadScore,
      input.tags,
      now,
    ],
  );
  await recordLifecycleChange(tx, workspaceId, id, null, input.lifecycleStage, 'created', now);
  if (input.touch) await recordTouch(tx, workspaceId, id, { touchedAt: now.toISOString(), ...input.touch });
  return toContact(rows[0]!);
}

const COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  title: 'title',
  companyId: 'company_id',
  ownerId: 'owner_id',
  lifecycleStage: 'lifecycle_stage',
  leadScore: 'lead_score',
  tags: 'tags',
} as const;
export type ContactPatch = Partial<Omit<ContactInput, 'touch'>>;

export async function updateContact(
  tx: Sql,
  workspaceId: string,
  id: string,
  ifMatch: string | undefined,
  patch: ContactPatch,
  now = new Date(),
): Promise<ContactDto> {
  const current = await findContactRow(tx, workspaceId, id, true);
  assertVersion(ifMatch, current.version);
  await assertReferences(tx, workspaceId, { companyId: patch.companyId, ownerId: patch.ownerId });
  if (patch.lifecycleStage && patch.lifecycleStage !== current.lifecycle_stage) {
    assertLifecycleMove(current, patch.lifecycleStage);
    await recordLifecycleChange(
      tx,
      workspaceId,
      id,
      current.lifecycle_stage,
      patch.lifecycleStage,
      'manual',
      now,
    );
  }
  const sets: string[] = [];
  const params: unknown[] = [workspaceId, id, now];
  for (const [field, column] of Object.entries(COLUMNS) as [keyof ContactPatch, string][]) {
    if (patch[field] === undefined) continue;
    params.push(patch[field]);
    sets.push(`${column} = $${params.length}`);
  }
  const rows = await tx.query<ContactRow>(
    `update contacts set ${[...sets, 'updated_at = $3', 'version = version + 1'].join(', ')}
     where workspace_id = $1 and id = $2 returning *`,
    params,
  );
  return toContact(rows[0]!);
}

const isLeadStage = (stage: LifecycleStage) => (LEAD_STAGES as readonly string[]).includes(stage);
const hasBought = (stage: LifecycleStage) =>
  (CUSTOMER_STAGES as readonly string[]).includes(stage) || stage === 'churned';

/** A customer (or a churned one) never goes back to a lead stage. */
function assertLifecycleMove(contact: ContactRow, to: LifecycleStage): void {
  if (hasBought(contact.lifecycle_stage) && isLeadStage(to)) {
    const name = `${contact.first_name} ${contact.last_name}`.trim();
    throw lifecycleRule(
      `${name} is ${contact.lifecycle_stage === 'churned' ? 'a former customer' : 'a customer'} and cannot be set back to the lead stage "${to}". ` +
        'Customers move only to churned, and back to customer with a new order.',
    );
  }
}

async function recordLifecycleChange(
  tx: Sql,
  workspaceId: string,
  contactId: string,
  from: LifecycleStage | null,
  to: LifecycleStage,
  reason: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `insert into lifecycle_changes (workspace_id, contact_id, from_stage, to_stage, reason, changed_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [workspaceId, contactId, from, to, reason, at],
  );
}

/** A won deal or an order makes its contact a customer (a churned one too), recorded with why. */
export async function makeCustomer(
  tx: Sql,
  workspaceId: string,
  contactId: string,
  reason: string,
  at: Date,
): Promise<void> {
  const contact = await findContactRow(tx, workspaceId, contactId, true);
  if ((CUSTOMER_STAGES as readonly string[]).includes(contact.lifecycle_stage)) return;
  await recordLifecycleChange(tx, workspaceId, contactId, contact.lifecycle_stage, 'customer', reason, at);
  await tx.query(
    `update contacts set lifecycle_stage = 'customer', updated_at = $3, version = version + 1
     where workspace_id = $1 and id = $2`,
    [workspaceId, contactId, at],
  );
}

export async function listLifecycle(
  tx: Sql,
  workspaceId: string,
  contactId: string,
): Promise<LifecycleChangeDto[]> {
  await findContactRow(tx, workspaceId, contactId);
  const rows = await tx.query<{
    from_stage: LifecycleStage | null;
    to_stage: LifecycleStage;
    reason: string;
    changed_at: Date;
  }>(
    `select from_stage, to_stage, reason, changed_at from lifecycle_changes
     where workspace_id = $1 and contact_id = $2 order by changed_at, id`,
    [workspaceId, contactId],
  );
  return rows.map((r) => ({
    from: r.from_stage,
    to: r.to_stage,
    reason: r.reason,
    changedAt: iso(r.changed_at),
  }));
}
