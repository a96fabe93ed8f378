import type { Sql } from '../db/database.js';
import { unprocessable } from '../errors.js';

const TABLES = {
  companyId: 'companies',
  contactId: 'contacts',
  ownerId: 'users',
  dealId: 'deals',
  campaignId: 'campaigns',
} as const;

/** Checks that the ids a body points at exist in the workspace: a dangling reference is a 422 naming the field. */
export async function assertReferences(
  tx: Sql,
  workspaceId: string,
  refs: Partial<Record<keyof typeof TABLES, string | null | undefined>>,
): Promise<void> {
  for (const [field, id] of Object.entries(refs) as [keyof typeof TABLES, string | null | undefined][]) {
    if (!id) continue;
    const rows = await tx.query(`select 1 from ${TABLES[field]} where workspace_id = $1 and id = $2`, [
      workspaceId,
      id,
    ]);
    if (rows.length === 0)
      throw unprocessable(
        `body.${field}`,
        `no such ${TABLES[field].replace(/ies$/, 'y').replace(/s$/, '')} ${id}`,
      );
  }
}
