import type { Database, Sql } from './database.js';

export interface TenantOptions {
  /** Who acts (a session's subject), for the change feed; none by default. */
  actor?: string | null | undefined;
  /** The work only reads: the transaction is made read-only, so a write fails (see `TransactionOptions`). */
  readOnly?: boolean;
}

/**
 * Runs `work` in one transaction as the non-owner role `chorus_app`, scoped to one workspace,
 * so PostgreSQL's row-level security hides every other tenant's rows even from a query that forgets to filter.
 */
export function withTenant<T>(
  db: Database,
  workspaceId: string,
  work: (tx: Sql) => Promise<T>,
  { actor, readOnly = false }: TenantOptions = {},
): Promise<T> {
  return db.transaction(
    work,
    [readOnly ? readOnlySettings(workspaceId) : tenantSettings(workspaceId, actor ?? '')],
    {
      readOnly,
    },
  );
}

/**
 * The role and the workspace in one statement (`set_config('role', …)` is `SET LOCAL ROLE`), local to
 * the transaction, so a pooled connection goes back to the owner role with no setting left behind.
 */
const tenantSettings = (workspaceId: string, actor: string) => ({
  text: "select set_config('role', 'chorus_app', true), set_config('chorus.workspace_id', $1, true), set_config('chorus.actor', $2, true)",
  params: [workspaceId, actor],
});

/** The same for a read, which names no actor and is read-only (`SET LOCAL transaction_read_only`). */
const readOnlySettings = (workspaceId: string) => ({
  text: "select set_config('role', 'chorus_app', true), set_config('chorus.workspace_id', $1, true), set_config('transaction_read_only', 'on', true)",
  params: [workspaceId],
});
