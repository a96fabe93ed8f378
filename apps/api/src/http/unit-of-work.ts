import type { MiddlewareHandler } from 'hono';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import type { AppEnv } from './env.js';
import { claimKey, recordAnswer } from './idempotency.js';

class Rollback extends Error {}

/** Requests that only read: their transaction is read-only, which lets the engine answer sooner. */
const READS = new Set(['GET', 'HEAD']);

/**
 * Runs each request in one tenant-scoped transaction, rolled back when the handler fails, and makes
 * writes with an `Idempotency-Key` replay their first answer. The key row is inserted first, so a
 * concurrent duplicate waits on it and then replays instead of writing a second row. A GET or HEAD
 * runs read-only (see `TransactionOptions.readOnly`): a handler that wrote would fail, not write.
 */
export function unitOfWork(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    const idempotent = c.get('idempotent');
    let replay: Response | undefined;
    try {
      await withTenant(
        db,
        caller.workspaceId,
        async (tx) => {
          c.set('tx', tx);
          if (idempotent) {
            replay = await claimKey(tx, caller.workspaceId, idempotent);
            if (replay) return;
          }
          await next();
          // Any failure, thrown or answered (a 4xx from validation), leaves nothing behind, not even the key.
          if (c.error || c.res.status >= 400) throw new Rollback();
          if (idempotent && c.res.status < 300)
            await recordAnswer(tx, caller.workspaceId, idempotent.key, c.res);
        },
        { actor: caller.actor, readOnly: READS.has(c.req.method) },
      );
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    if (replay) c.res = replay;
  };
}
