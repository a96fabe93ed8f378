import { createHash, randomBytes } from 'node:crypto';
import type { KeyKind, SessionScope } from '@chorus/contract';
import type { Database, Sql } from '../db/database.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { iso, isoOrNull } from './rows.js';
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
    const rows = await db.query<{
      workspace_id: string;
      scopes: SessionScope[];
      expires_at: Date;
      allowed_origins: string[];
      currency: string;
    }>(
      `select s.workspace_id, s.scopes, s.expires_at, w.allowed_origins, w.currency
       from sessions s join workspaces w on w.id = s.workspace_id where s.token_hash = $1`,
      [hash],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.expires_at <= now) return 'expired';
    return {
      workspaceId: row.workspace_id,
      kind: 'session',
      keyId: `session:${hash.slice(0, 12)}`,
      scopes: row.scopes,
      allowedOrigins: row.allowed_origins,
      currency: row.currency,
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
  };
}

export async function getWorkspace(tx: Sql, workspaceId: string): Promise<WorkspaceDto> {
  const rows = await tx.query<{
    id: string;
    name: string;
    currency: string;
    allowed_origins: string[];
    created_at: Date;
  }>('select * from workspaces where id = $1', [workspaceId]);
  const row = rows[0];
  if (!row) throw notFound('workspace', workspaceId);
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    allowedOrigins: row.allowed_origins,
    createdAt: iso(row.created_at),
  };
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
  return toKey(rows[0]);
}

export async function createSession(
  tx: Sql,
  workspaceId: string,
  input: { scopes: SessionScope[]; ttlSeconds: number; subject?: string | undefined },
  now = new Date(),
): Promise<{ token: string; scopes: SessionScope[]; expiresAt: string }> {
  const token = newToken('session');
  const expiresAt = new Date(now.getTime() + input.ttlSeconds * 1000);
  const scopes = [...new Set(input.scopes)];
  await tx.query(
    'insert into sessions (token_hash, workspace_id, scopes, subject, expires_at, created_at) values ($1, $2, $3, $4, $5, $6)',
    [hashToken(token), workspaceId, scopes, input.subject ?? null, expiresAt, now],
  );
  return { token, scopes, expiresAt: expiresAt.toISOString() };
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
