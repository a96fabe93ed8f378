import type { Sql } from '../db/database.js';
import { type BulkColumn, bulkInsert } from './bulk.js';

/** How each field of a row becomes a column: its name, the type its array travels in, any expression. */
type Columns<Row> = { [Key in keyof Row]-?: Omit<BulkColumn, 'type'> & { type?: BulkColumn['type'] } };

/** A table the seed fills, with a column for every field of its row type (a missing one is a type error). */
export interface Table<Row> {
  name: string;
  columns: Columns<Row>;
}

/** Inserts typed rows in a few statements (see `bulkInsert`), each field into its named column. */
export async function insertRows<Row>(tx: Sql, table: Table<Row>, rows: readonly Row[]): Promise<void> {
  const keys = Object.keys(table.columns) as (keyof Row)[];
  await bulkInsert(
    tx,
    table.name,
    keys.map((key) => ({ type: 'text', ...table.columns[key] })),
    rows.map((row) => keys.map((key) => row[key])),
  );
}

/** An instant as the seed writes it: ISO 8601, UTC. */
export type Instant = string;

export interface UserRow {
  id: string;
  workspaceId: string;
  name: string;
  email: string;
}
export const USERS: Table<UserRow> = {
  name: 'users',
  columns: {
    id: { name: 'id' },
    workspaceId: { name: 'workspace_id' },
    name: { name: 'name' },
    email: { name: 'email' },
  },
};

export interface StageRow {
  id: string;
  workspaceId: string;
  pipelineId: string;
  name: string;
  position: number;
  kind: 'open' | 'won' | 'lost';
  probability: number;
  definition: string;
  rottingDays: number | null;
}
export const STAGES: Table<StageRow> = {
  name: 'stages',
  columns: {
    id: { name: 'id' },
    workspaceId: { name: 'workspace_id' },
    pipelineId: { name: 'pipeline_id' },
    name: { name: 'name' },
    position: { name: 'position', type: 'int4' },
    kind: { name: 'kind' },
    probability: { name: 'probability', type: 'float8' },
    definition: { name: 'definition' },
    rottingDays: { name: 'rotting_days', type: 'int4' },
  },
};

export interface CompanyRow {
  id: string;
  workspaceId: string;
  name: string;
  domain: string;
  industry: string;
  ownerId: string;
  walletAmount: number | null;
  walletCurrency: string | null;
  createdAt: Instant;
  updatedAt: Instant;
}
export const COMPANIES: Table<CompanyRow> = {
  name: 'companies',
  columns: {
    id: { name: 'id' },
    workspaceId: { name: 'workspace_id' },
    name: { name: 'name' },
    domain: { name: 'domain' },
    industry: { name: 'industry' },
    ownerId: { name: 'owner_id' },
    walletAmount: { name: 'wallet_amount', type: 'int8' },
    walletCurrency: { name: 'wallet_currency' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
};

export interface ContactRow {
  id: string;
  workspaceId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  title: string;
  companyId: string;
  ownerId: string;
  lifecycleStage: string;
  initialStage: string;
  leadScore: number;
  /** Tags joined with `|` (the array travels as text). */
  tags: string;
  createdAt: Instant;
  updatedAt: Instant;
}
export const CONTACTS: Table<ContactRow> = {
  name: 'contacts',
  columns: {
    id: { name: 'id' },
    workspaceId: { name: 'workspace_id' },
    firstName: { name: 'first_name' },
    lastName: { name: 'last_name' },
    email: { name: 'email' },
    phone: { name: 'phone' },
    title: { name: 'title' },
    companyId: { name: 'company_id' },
    ownerId: { name: 'owner_id' },
    lifecycleStage: { name: 'lifecycle_stage' },
    initialStage: { name: 'initial_stage' },
    leadScore: { name: 'lead_score', type: 'int4' },
    tags: { name: 'tags', expression: (value) => `string_to_array(${value}, '|')` },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
};

export interface LifecycleChangeRow {
  workspaceId: string;
  contactId: string;
  fromStage: string | null;
  toStage: string;
  reason: string;
  changedAt: Instant;
}
export const LIFECYCLE_CHANGES: Table<LifecycleChangeRow> = {
  name: 'lifecycle_changes',
  columns: {
    workspaceId: { name: 'workspace_id' },
    contactId: { name: 'contact_id' },
    fromStage: { name: 'from_stage' },
    toStage: { name: 'to_stage' },
    reason: { name: 'reason' },
    changedAt: { name: 'changed_at', type: 'timestamptz' },
  },
};

export interface DealRow {
  id: string;
  workspaceId: string;
  title: string;
  valueAmount: number;
  valueCurrency: string;
  pipelineId: string;
  stageId: string;
  status: 'open' | 'won' | 'lost';
  contactId: string;
  companyId: string;
  ownerId: string;
  /** YYYY-MM-DD */
  expectedCloseDate: string;
  lostReason: string | null;
  stageEnteredAt: Instant;
  closedAt: Instant | null;
  createdAt: Instant;
  updatedAt: Instant;
  /** Its place in its stage (see `stageRank`). */
  rank: string;
}
export const DEALS: Table<DealRow> = {
  name: 'deals',
  columns: {
    id: { name: 'id' },
    workspaceId: { name: 'workspace_id' },
    title: { name: 'title' },
    valueAmount: { name: 'value_amount', type: 'int8' },
    valueCurrency: { name: 'value_currency' },
    pipelineId: { name: 'pipeline_id' },
    stageId: { name: 'stage_id' },
    status: { name: 'status' },
    contactId: { name: 'contact_id' },
    companyId: { name: 'company_id' },
    ownerId: { name: 'owner_id' },
    expectedCloseDate: { name: 'expected_close_date', type: 'date' },
    lostReason: { name: 'lost_reason' },
    stageEnteredAt: { name: 'stage_entered_at', type: 'timestamptz' },
    closedAt: { name: 'closed_at', type: 'timestamptz' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
    rank: { name: 'rank' },
  },
};

/**
 * The rank of the `n`-th deal (from 1) seeded into a stage, in the format of migration 005's backfill
 * ("f" and six hex digits). Written rather than left to the column's default, the insertion time in
 * microseconds: rows of one bulk insert can share a microsecond, a tie falls back to the ids, and two
 * seeds of the same data would order a board differently (the visual regression suite compares
 * pictures of it).
 */
export function stageRank(n: number): string {
  return `f${n.toString(16).padStart(6, '0')}`;
}

export interface StageEntryRow {
  workspaceId: string;
  dealId: string;
  stageId: string;
  enteredAt: Instant;
  leftAt: Instant | null;
}
export const DEAL_STAGE_HISTORY: Table<StageEntryRow> = {
  name: 'deal_stage_history',
  columns: {
    workspaceId: { name: 'workspace_id' },
    dealId: { name: 'deal_id' },
    stageId: { name: 'stage_id' },
    enteredAt: { name: 'entered_at', type: 'timestamptz' },
    leftAt: { name: 'left_at', type: 'timestamptz' },
  },
};

export interface OrderRow {
  id: string;
  workspaceId: string;
  contactId: string;
  companyId: string;
  amount: number;
  currency: string;
  orderedAt: Instant;
}
export const ORDERS: Table<OrderRow> = {
  name: 'orders',
  columns: {
    id: { name: 'id' },
    workspaceId: { name: 'workspace_id' },
    contactId: { name: 'contact_id' },
    companyId: { name: 'company_id' },
    amount: { name: 'amount', type: 'int8' },
    currency: { name: 'currency' },
    orderedAt: { name: 'ordered_at', type: 'timestamptz' },
  },
};

export interface ActivityRow {
  id: string;
  workspaceId: string;
  type: string;
  contactId: string;
  ownerId: string;
  body: string;
  occurredAt: Instant;
  dealId: string | null;
  /** A task's due time; null for a touch logged after the fact. */
  dueAt: Instant | null;
  /** Null on an open task. A touch is done when it occurred. */
  completedAt: Instant | null;
}
export const ACTIVITIES: Table<ActivityRow> = {
  name: 'activities',
  columns: {
    id: { name: 'id' },
    workspaceId: { name: 'workspace_id' },
    type: { name: 'type' },
    contactId: { name: 'contact_id' },
    dealId: { name: 'deal_id' },
    ownerId: { name: 'owner_id' },
    body: { name: 'body' },
    occurredAt: { name: 'occurred_at', type: 'timestamptz' },
    dueAt: { name: 'due_at', type: 'timestamptz' },
    completedAt: { name: 'completed_at', type: 'timestamptz' },
  },
};

export interface TicketRow {
  id: string;
  workspaceId: string;
  contactId: string;
  subject: string;
  status: 'open' | 'resolved';
  openedAt: Instant;
  resolvedAt: Instant | null;
}
export const TICKETS: Table<TicketRow> = {
  name: 'tickets',
  columns: {
    id: { name: 'id' },
    workspaceId: { name: 'workspace_id' },
    contactId: { name: 'contact_id' },
    subject: { name: 'subject' },
    status: { name: 'status' },
    openedAt: { name: 'opened_at', type: 'timestamptz' },
    resolvedAt: { name: 'resolved_at', type: 'timestamptz' },
  },
};

export interface RatingRow {
  id: string;
  workspaceId: string;
  subject: string;
  scale: 'stars5' | 'nps10' | 'csat5';
  score: number;
  comment: string | null;
  source: 'website' | 'marketplace' | 'survey';
  contactId: string | null;
  origin: string | null;
  createdAt: Instant;
}
export const RATINGS: Table<RatingRow> = {
  name: 'ratings',
  columns: {
    id: { name: 'id' },
    workspaceId: { name: 'workspace_id' },
    subject: { name: 'subject' },
    scale: { name: 'scale' },
    score: { name: 'score', type: 'int4' },
    comment: { name: 'comment' },
    source: { name: 'source' },
    contactId: { name: 'contact_id' },
    origin: { name: 'origin' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
};
