import type { Sql } from '../db/database.js';
import type { Caller } from '../domain/workspace.js';
import type { IdempotentRequest } from './idempotency.js';

/** What middleware hands to route handlers through the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller;
    tx: Sql;
    /** Set for a write that carries an `Idempotency-Key`. */
    idempotent?: IdempotentRequest;
  };
}
