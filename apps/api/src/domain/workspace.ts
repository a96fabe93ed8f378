import { createHash, randomBytes } from 'node:crypto';
import type { KeyKind, SessionScope } from '@chorus/contract';
import type { Database, Sql } from '../db/database.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { iso, isoOrNull } from './rows.js';
import { assertVersion } from './versioning.js';
import type { ApiKeyDto, UserDto, WorkspaceDto } from './types.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Who is calling: resolved from the bearer token before any tenant data is touched. */
export interface Caller {
  workspaceId: string;
  kind: KeyKind | 'session';
  keyId: string;
  scopes: readonly SessionScope[];
  allowedOrigins: readonly string[];
  currency: string;
  /** When a session token ends (ms since the epoch); null for keys. */
  expiresAt: number | null;
  /** Who a session was minted for (its `subject`), named as the actor of the changes it makes. */
  actor?: string | null;
}

/**
 * Looks a bearer token up by its hash. Runs as the owner, outside any tenant scope, because the
 * tenant is what it finds out; it reads only the key tables and the workspace row.
 */
export async function findCaller(
  db: Database,
  token: string,
  now = new Date(),
): Promise<Caller | 'expired' | null> {
  const hash = hashToken(token);
  if (token.startsWith('st_')) {
    // A session ends with the key that minted it: a revoked key's sessions are not found.
    const rows = await db.query<{
      id: string;
      workspace_id: string;
      scopes: SessionScope[];
      expires_at: Date;
      allowed_origins: string[];
      currency: string;
      subject: string | null;
    }>(
      `select s.id, s.workspace_id, s.scopes, s.expires_at, s.subject, w.allowed_origins, w.currency
       from sessions s join workspaces w on w.id = s.workspace_id
       left join api_keys k on k.id = s.key_id
       where s.token_hash = $1 and s.revoked_at is null and k.revoked_at is null`,
      [hash],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.expires_at <= now) return 'expired';
    return {
      workspaceId: row.workspace_id,
      kind: 'session',
      keyId: row.id,
      scopes: row.scopes,
      allowedOrigins: row.allowed_origins,
      currency: row.currency,
      expiresAt: row.expires_at.getTime(),
      actor: row.subject,
    };
  }
  const rows = await db.query<{
    id: string;
    workspace_id: string;
    kind: KeyKind;
    allowed_origins: string[];
    currency: string;
  }>(
    `select k.id, k.workspace_id, k.kind, w.allowed_origins, w.currency
     from api_keys k join workspaces w on w.id = k.workspace_id where k.token_hash = $1 and k.revoked_at is null`,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    workspaceId: row.workspace_id,
    kind: row.kind,
    keyId: row.id,
    scopes: row.kind === 'secret' ? ['read', 'write'] : [],
    allowedOrigins: row.allowed_origins,
    currency: row.currency,
    expiresAt: null,
  };
}

interface WorkspaceRow {
  id: string;
  name: string;
  currency: string;
  allowed_origins: string[];
  created_at: Date;
  version: number;
}
const toWorkspace = (row: WorkspaceRow): WorkspaceDto => ({
  id: row.id,
  name: row.name,
  currency: row.currency,
  allowedOrigins: row.allowed_origins,
  createdAt: iso(row.created_at),
  version: row.version,
});

export async function getWorkspace(tx: Sql, workspaceId: string): Promise<WorkspaceDto> {
  const rows = await tx.query<WorkspaceRow>('select * from workspaces where id = $1', [workspaceId]);
  if (!rows[0]) throw notFound('workspace', workspaceId);
  return toWorkspace(rows[0]);
}

/** Renames the workspace or replaces its allowed origins, at the version the caller read. */
export async function updateWorkspace(
  tx: Sql,
  workspaceId: string,
  ifMatch: string | undefined,
  patch: { name?: string | undefined; allowedOrigins?: string[] | undefined },
): Promise<WorkspaceDto> {
  const rows = await tx.query<WorkspaceRow>('select * from workspaces where id = $1 for update', [
    workspaceId,
  ]);
  const row = rows[0];
  if (!row) throw notFound('workspace', workspaceId);
  assertVersion(ifMatch, row.version);
  const [updated] = await tx.query<WorkspaceRow>(
    `update workspaces set name = coalesce($2, name), allowed_origins = coalesce($3, allowed_origins),
       version = version + 1 where id = $1 returning *`,
    [workspaceId, patch.name ?? null, patch.allowedOrigins ? [...new Set(patch.allowedOrigins)] : null],
  );
  return toWorkspace(updated!);
}

export async function listUsers(tx: Sql, workspaceId: string): Promise<UserDto[]> {
  return tx.query<UserDto>('select id, name, email from users where workspace_id = $1 order by name, id', [
    workspaceId,
  ]);
}

interface KeyRow {
  id: string;
  kind: KeyKind;
  label: string;
  hint: string;
  created_at: Date;
  revoked_at: Date | null;
}
const toKey = (r: KeyRow): ApiKeyDto => ({
  id: r.id,
  kind: r.kind,
  label: r.label,
  hint: r.hint,
  createdAt: iso(r.created_at),
  revokedAt: isoOrNull(r.revoked_at),
});

export async function listKeys(tx: Sql, workspaceId: string): Promise<ApiKeyDto[]> {
  const rows = await tx.query<KeyRow>(
    'select * from api_keys where workspace_id = $1 order by created_at, id',
    [workspaceId],
  );
  return rows.map(toKey);
}

/** A new random key; only its hash is stored, so the token is shown once. */
export function newToken(kind: KeyKind | 'session'): string {
  const prefix = kind === 'secret' ? 'sk' : kind === 'publishable' ? 'pk' : 'st';
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

export async function createKey(
  tx: Sql,
  workspaceId: string,
  input: { kind: KeyKind; label: string; token?: string },
  now = new Date(),
): Promise<ApiKeyDto & { token: string }> {
  const token = input.token ?? newToken(input.kind);
  const rows = await tx.query<KeyRow>(
    `insert into api_keys (id, workspace_id, kind, label, token_hash, hint, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [
      newId('key', now.getTime()),
      workspaceId,
      input.kind,
      input.label,
      hashToken(token),
      `…${token.slice(-4)}`,
      now,
    ],
  );
  return { ...toKey(rows[0]!), token };
}

/** Revokes a key and ends every session it minted (they are refused already; this dates their end). */
export async function revokeKey(
  tx: Sql,
  workspaceId: string,
  id: string,
  now = new Date(),
): Promise<ApiKeyDto> {
  const rows = await tx.query<KeyRow>(
    'update api_keys set revoked_at = coalesce(revoked_at, $3) where workspace_id = $1 and id = $2 returning *',
    [workspaceId, id, now],
  );
  if (!rows[0]) throw notFound('key', id);
  await tx.query(
    'update sessions set revoked_at = $3 where workspace_id = $1 and key_id = $2 and revoked_at is null',
    [workspaceId, id, now],
  );
  return toKey(rows[0]);
}

export async function createWorkspace(
  tx: Sql,
  input: { id?: string; name: string; currency: string; allowedOrigins: string[] },
  now = new Date(),
): Promise<string> {
  const id = input.id ?? newId('workspace', now.getTime());
  await tx.query(
    'insert into workspaces (id, name, currency, allowed_origins, created_at) values ($1, $2, $3, $4, $5)',
    [id, input.name, input.currency, input.allowedOrigins, now],
  );
  return id;
}

/** A new workspace with its first secret and publishable keys: what `npm run workspace -- create` makes. */
export async function provisionWorkspace(
  db: Database,
  input: { name: string; currency: string; allowedOrigins: string[] },
): Promise<{
  workspace: WorkspaceDto;
  secretKey: ApiKeyDto & { token: string };
  publishableKey: ApiKeyDto & { token: string };
}> {
  return db.transaction(async (tx) => {
    const id = await createWorkspace(tx, { ...input, allowedOrigins: [...new Set(input.allowedOrigins)] });
    const secretKey = await createKey(tx, id, { kind: 'secret', label: 'First secret key' });
    const publishableKey = await createKey(tx, id, { kind: 'publishable', label: 'First publishable key' });
    return { workspace: await getWorkspace(tx, id), secretKey, publishableKey };
  });
}
