import type { Database, Sql } from './database.js';

/**
 * Runs `work` in one transaction as the non-owner role `chorus_app`, scoped to one workspace,
 * so PostgreSQL's row-level security hides every other tenant's rows even from a query that forgets to filter.
 */
export function withTenant<T>(db: Database, workspaceId: string, work: (tx: Sql) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('set local role chorus_app');
    await tx.query("select set_config('chorus.workspace_id', $1, true)", [workspaceId]);
    return work(tx);
  });
}
