import type { Database, Sql } from './database.js';

/**
 * Runs `work` in one transaction as the non-owner role `chorus_app`, scoped to one workspace,
 * so PostgreSQL's row-level security hides every other tenant's rows even from a query that forgets to filter.
 */
export function withTenant<T>(
  db: Database,
  workspaceId: string,
  work: (tx: Sql) => Promise<T>,
  actor?: string | null,
): Promise<T> {
  return db.transaction(work, [tenantSettings(workspaceId, actor ?? '')]);
}

/**
 * The role and the workspace in one statement (`set_config('role', …)` is `SET LOCAL ROLE`), local to
 * the transaction, so a pooled connection goes back to the owner role with no setting left behind.
 */
const tenantSettings = (workspaceId: string, actor: string) => ({
  text: "select set_config('role', 'chorus_app', true), set_config('chorus.workspace_id', $1, true), set_config('chorus.actor', $2, true)",
  params: [workspaceId, actor],
});
