import { createHash } from 'node:crypto';
import { PROBLEM_TYPES } from '@chorus/contract';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database, Sql } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import { DomainError } from '../errors.js';
import type { AppEnv } from './env.js';

/** How long a key is honoured; older records are ignored at once and purged by `purgeIdempotencyKeys`. */
export const IDEMPOTENCY_TTL = "interval '24 hours'";

const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE']);

export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
  bodyHash: string;
}

interface IdempotencyRow {
  method: string;
  path: string;
  body_hash: string;
  status: number | null;
  response: string | null;
  holds_secret: boolean;
}

/** The request's `Idempotency-Key` with what it must match on a replay, or undefined for a request without one. */
export async function idempotentRequest(c: Context): Promise<IdempotentRequest | undefined> {
  const key = WRITE_METHODS.has(c.req.method) ? c.req.header('idempotency-key') : undefined;
  if (!key) return undefined;
  const body = await c.req.raw.clone().text();
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return { key, method: c.req.method, path: c.req.path, bodyHash };
}

/**
 * Answers a replay of a finished write before anything else spends on it: no rate-limit budget, no
 * transaction of its own beyond one read. Unfinished or unknown keys go on to the unit of work, which claims them.
 */
export function replayIdempotent(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const request = await idempotentRequest(c);
    if (!request) return next();
    c.set('idempotent', request);
    const caller = c.get('caller');
    const row = await withTenant(
      db,
      caller.workspaceId,
      (tx) => findKey(tx, caller.workspaceId, request.key),
      {
        readOnly: true,
      },
    );
    if (!row || row.status === null) return next();
    c.res = replay(row, request);
  };
}

/**
 * Claims the key inside the request's transaction. Returns the replayed answer when the key is already
 * finished (a concurrent duplicate waits on the first one's row lock and lands here).
 */
export async function claimKey(
  tx: Sql,
  workspaceId: string,
  request: IdempotentRequest,
): Promise<Response | undefined> {
  // An expired key is forgotten: the key may be used afresh.
  await tx.query(
    `delete from idempotency_keys where workspace_id = $1 and key = $2 and created_at < now() - ${IDEMPOTENCY_TTL}`,
    [workspaceId, request.key],
  );
  const claimed = await tx.query(
    `insert into idempotency_keys (workspace_id, key, method, path, body_hash) values ($1, $2, $3, $4, $5)
     on conflict do nothing returning key`,
    [workspaceId, request.key, request.method, request.path, request.bodyHash],
  );
  if (claimed.length > 0) return undefined;
  const row = await findKey(tx, workspaceId, request.key);
  if (!row) return undefined;
  return replay(row, request);
}

/** Records the first answer. One that carries a secret is recorded without its body. */
export async function recordAnswer(
  tx: Sql,
  workspaceId: string,
  key: string,
  response: Response,
): Promise<void> {
  const text = await response.clone().text();
  const holdsSecret = carriesSecret(text);
  await tx.query(
    'update idempotency_keys set status = $3, response = $4, holds_secret = $5 where workspace_id = $1 and key = $2',
    [workspaceId, key, response.status, holdsSecret ? idOf(text) : text, holdsSecret],
  );
}

/** Deletes every record older than the TTL, in every workspace: run by the server every hour. */
export async function purgeIdempotencyKeys(db: Database): Promise<number> {
  const rows = await db.query(
    `delete from idempotency_keys where created_at < now() - ${IDEMPOTENCY_TTL} returning key`,
  );
  return rows.length;
}

async function findKey(tx: Sql, workspaceId: string, key: string): Promise<IdempotencyRow | undefined> {
  const [row] = await tx.query<IdempotencyRow>(
    `select method, path, body_hash, status, response, holds_secret from idempotency_keys
     where workspace_id = $1 and key = $2 and created_at >= now() - ${IDEMPOTENCY_TTL}`,
    [workspaceId, key],
  );
  return row;
}

function replay(row: IdempotencyRow, request: IdempotentRequest): Response {
  if (row.method !== request.method || row.path !== request.path || row.body_hash !== request.bodyHash) {
    throw new DomainError(
      422,
      PROBLEM_TYPES.idempotencyMismatch,
      'Idempotency key reused',
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    );
  }
  if (row.holds_secret) {
    throw new DomainError(
      409,
      PROBLEM_TYPES.secretShownOnce,
      'Secret shown once',
      `This request already succeeded and created ${row.response}, but its secret is shown only in the first answer and is not kept. If that answer was lost, revoke ${row.response} and create another.`,
      { headers: { 'Idempotent-Replayed': 'true' } },
    );
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Idempotent-Replayed': 'true',
  };
  const version = versionOf(row.response);
  if (version !== undefined) headers.ETag = `"${version}"`;
  return new Response(row.response, { status: row.status ?? 200, headers });
}

function parse(text: string | null): Record<string, unknown> | undefined {
  try {
    const value: unknown = text ? JSON.parse(text) : undefined;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const carriesSecret = (text: string) => typeof parse(text)?.token === 'string';
const idOf = (text: string) => String(parse(text)?.id ?? 'a resource');
function versionOf(text: string | null): number | undefined {
  const version = parse(text)?.version;
  return typeof version === 'number' ? version : undefined;
}
