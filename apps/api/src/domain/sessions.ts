import type { SessionScope } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { iso, isoOrNull } from './rows.js';
import type { SessionDto, SessionRecordDto } from './types.js';
import { hashToken, newToken } from './workspace.js';

interface SessionRow {
  id: string;
  key_id: string | null;
  scopes: SessionScope[];
  subject: string | null;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}
const toRecord = (row: SessionRow): SessionRecordDto => ({
  id: row.id,
  keyId: row.key_id,
  scopes: row.scopes,
  subject: row.subject,
  createdAt: iso(row.created_at),
  expiresAt: iso(row.expires_at),
  revokedAt: isoOrNull(row.revoked_at),
});

/** Mints a session token; only its hash is stored, so the token is in this answer and nowhere else. */
export async function createSession(
  tx: Sql,
  workspaceId: string,
  input: { scopes: SessionScope[]; ttlSeconds: number; subject?: string | undefined },
  /** The secret key minting it (null for the demo's own sessions): revoking it ends the session. */
  keyId: string | null,
  now = new Date(),
): Promise<SessionDto> {
  const token = newToken('session');
  const id = newId('session', now.getTime());
  const expiresAt = new Date(now.getTime() + input.ttlSeconds * 1000);
  const scopes = [...new Set(input.scopes)];
  await tx.query(
    `insert into sessions (id, token_hash, workspace_id, key_id, scopes, subject, expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, hashToken(token), workspaceId, keyId, scopes, input.subject ?? null, expiresAt, now],
  );
  return { id, token, scopes, expiresAt: expiresAt.toISOString() };
}

/** Sessions not yet expired, ended ones included, newest first. */
export async function listSessions(
  tx: Sql,
  workspaceId: string,
  now = new Date(),
): Promise<SessionRecordDto[]> {
  const rows = await tx.query<SessionRow>(
    `select id, key_id, scopes, subject, created_at, expires_at, revoked_at from sessions
     where workspace_id = $1 and expires_at > $2 order by created_at desc, id desc limit 1000`,
    [workspaceId, now],
  );
  return rows.map(toRecord);
}

export async function revokeSession(
  tx: Sql,
  workspaceId: string,
  id: string,
  now = new Date(),
): Promise<SessionRecordDto> {
  const rows = await tx.query<SessionRow>(
    `update sessions set revoked_at = coalesce(revoked_at, $3) where workspace_id = $1 and id = $2
     returning id, key_id, scopes, subject, created_at, expires_at, revoked_at`,
    [workspaceId, id, now],
  );
  if (!rows[0]) throw notFound('session', id);
  return toRecord(rows[0]);
}
