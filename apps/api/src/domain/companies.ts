import { idPattern } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { containsPattern } from './contacts.js';
import { decodeCursor, type Page, type PageRequest, toPage, Where } from './pagination.js';
import { assertReferences } from './references.js';
import { iso } from './rows.js';
import type { CompanyDto } from './types.js';
import { assertVersion } from './versioning.js';

interface CompanyRow {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  owner_id: string | null;
  wallet_amount: number | null;
  wallet_currency: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const toCompany = (r: CompanyRow): CompanyDto => ({
  id: r.id,
  name: r.name,
  domain: r.domain,
  industry: r.industry,
  ownerId: r.owner_id,
  estimatedAnnualWallet:
    r.wallet_amount === null || r.wallet_currency === null
      ? null
      : { amount: r.wallet_amount, currency: r.wallet_currency },
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

export interface CompanyQuery extends PageRequest {
  ids?: string | undefined;
  ownerId?: string | undefined;
  q?: string | undefined;
}

export async function listCompanies(
  tx: Sql,
  workspaceId: string,
  query: CompanyQuery,
): Promise<Page<CompanyDto>> {
  const where = new Where(workspaceId)
    .add('id = any(?::text[])', query.ids?.split(','))
    .add('owner_id = ?', query.ownerId)
    .add("(name ilike ? or coalesce(domain, '') ilike ?)", query.q && containsPattern(query.q));
  const limit = query.ids ? Math.max(query.limit, 100) : query.limit;
  const after = decodeCursor(query.cursor, idPattern('company'));
  const rows = await tx.query<CompanyRow>(
    `select * from companies ${where.page(after, 'asc', limit)}`,
    where.params,
  );
  return toPage(rows, limit, toCompany);
}

async function findCompanyRow(tx: Sql, workspaceId: string, id: string, lock = false): Promise<CompanyRow> {
  const rows = await tx.query<CompanyRow>(
    `select * from companies where workspace_id = $1 and id = $2${lock ? ' for update' : ''}`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('company', id);
  return rows[0];
}

export const getCompany = async (tx: Sql, workspaceId: string, id: string) =>
  toCompany(await findCompanyRow(tx, workspaceId, id));

export interface CompanyInput {
  name: string;
  domain?: string | null | undefined;
  industry?: string | null | undefined;
  ownerId?: string | null | undefined;
  estimatedAnnualWallet?: { amount: number; currency: string } | null | undefined;
}

export async function createCompany(
  tx: Sql,
  workspaceId: string,
  input: CompanyInput,
  now = new Date(),
): Promise<CompanyDto> {
  await assertReferences(tx, workspaceId, { ownerId: input.ownerId });
  const rows = await tx.query<CompanyRow>(
    `insert into companies (id, workspace_id, name, domain, industry, owner_id, wallet_amount, wallet_currency, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) returning *`,
    [
      newId('company', now.getTime()),
      workspaceId,
      input.name,
      input.domain ?? null,
      input.industry ?? null,
      input.ownerId ?? null,
      input.estimatedAnnualWallet?.amount ?? null,
      input.estimatedAnnualWallet?.currency ?? null,
      now,
    ],
  );
  return toCompany(rows[0]!);
}

export async function updateCompany(
  tx: Sql,
  workspaceId: string,
  id: string,
  ifMatch: string | undefined,
  patch: Partial<CompanyInput>,
  now = new Date(),
): Promise<CompanyDto> {
  const current = await findCompanyRow(tx, workspaceId, id, true);
  assertVersion(ifMatch, current.version);
  await assertReferences(tx, workspaceId, { ownerId: patch.ownerId });
  const next = { ...toCompany(current), ...patch };
  const rows = await tx.query<CompanyRow>(
    `update companies set name = $3, domain = $4, industry = $5, owner_id = $6, wallet_amount = $7, wallet_currency = $8,
       updated_at = $9, version = version + 1
     where workspace_id = $1 and id = $2 returning *`,
    [
      workspaceId,
      id,
      next.name,
      next.domain ?? null,
      next.industry ?? null,
      next.ownerId ?? null,
      next.estimatedAnnualWallet?.amount ?? null,
      next.estimatedAnnualWallet?.currency ?? null,
      now,
    ],
  );
  return toCompany(rows[0]!);
}
