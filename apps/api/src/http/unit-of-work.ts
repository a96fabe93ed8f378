import { createHash } from 'node:crypto';
import { PROBLEM_TYPES } from '@chorus/contract';
import type { MiddlewareHandler } from 'hono';
import type { Database, Sql } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import { DomainError } from '../errors.js';
import type { AppEnv } from './env.js';

class Rollback extends Error {}

/**
 * Runs each request in one tenant-scoped transaction, rolled back when the handler fails, and makes
 * POSTs with an `Idempotency-Key` replay their first response. The key row is inserted first, so a
 * concurrent duplicate waits on it and then replays instead of writing a second row.
 */
export function unitOfWork(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    const key = c.req.method === 'POST' ? c.req.header('idempotency-key') : undefined;
    const bodyHash = key
      ? createHash('sha256')
          .update(await c.req.raw.clone().text())
          .digest('hex')
      : '';
    let replay: Response | undefined;
    try {
      await withTenant(db, caller.workspaceId, async (tx) => {
        c.set('tx', tx);
        if (key) {
          replay = await claimKey(tx, caller.workspaceId, key, c.req.path, bodyHash);
          if (replay) return;
        }
        await next();
        // Any failure, thrown or answered (a 4xx from validation), leaves nothing behind, not even the key.
        if (c.error || c.res.status >= 400) throw new Rollback();
        if (key && c.res.status < 300) {
          await tx.query(
            'update idempotency_keys set status = $3, response = $4 where workspace_id = $1 and key = $2',
            [caller.workspaceId, key, c.res.status, await c.res.clone().text()],
          );
        }
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    if (replay) {
      c.res = replay;
      c.res.headers.set('Idempotent-Replayed', 'true');
    }
  };
}

async function claimKey(
  tx: Sql,
  workspaceId: string,
  key: string,
  path: string,
  bodyHash: string,
): Promise<Response | undefined> {
  // Keys live 24 hours: an older one is forgotten and the key may be used afresh.
  await tx.query(
    "delete from idempotency_keys where workspace_id = $1 and key = $2 and created_at < now() - interval '24 hours'",
    [workspaceId, key],
  );
  const claimed = await tx.query(
    `insert into idempotency_keys (workspace_id, key, method, path, body_hash) values ($1, $2, 'POST', $3, $4)
     on conflict do nothing returning key`,
    [workspaceId, key, path, bodyHash],
  );
  if (claimed.length > 0) return undefined;
  const [first] = await tx.query<{
    path: string;
    body_hash: string;
    status: number | null;
    response: string | null;
  }>('select path, body_hash, status, response from idempotency_keys where workspace_id = $1 and key = $2', [
    workspaceId,
    key,
  ]);
  if (!first || first.path !== path || first.body_hash !== bodyHash) {
    throw new DomainError(
      422,
      PROBLEM_TYPES.idempotencyMismatch,
      'Idempotency key reused',
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    );
  }
  return new Response(first.response, {
    status: first.status ?? 200,
    headers: { 'Content-Type': 'application/json' },
  });
}
