import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { createSession } from '../src/domain/sessions.js';
import { withTenant } from '../src/db/tenant.js';
import { CallerCache } from '../src/http/caller-cache.js';
import type { TestApi, TestWorkspace } from '../src/testing.js';
import { caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let api: TestApi;

beforeAll(async () => {
  api = await testApi();
});

/** The real database, with the auth lookups it answers counted. */
function counted(db: Database): { db: Database; lookups: () => number } {
  let lookups = 0;
  return {
    db: {
      ...db,
      query: (text, params) => {
        if (/token_hash = \$1/.test(text)) lookups += 1;
        return db.query(text, params);
      },
    },
    lookups: () => lookups,
  };
}

describe('the caller cache', () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await api.createWorkspace();
  });

  it('reuses a found caller for its time to live, then asks the database again', async () => {
    let now = 1_000_000;
    const { db, lookups } = counted(api.db);
    const callers = new CallerCache(db, { ttlMs: 5_000, now: () => now });
    const first = await callers.find(ws.secretKey);
    expect(first).toMatchObject({ workspaceId: ws.workspaceId, kind: 'secret' });
    expect(await callers.find(ws.secretKey)).toEqual(first);
    expect(lookups()).toBe(1);
    now += 5_000;
    expect(await callers.find(ws.secretKey)).toEqual(first);
    expect(lookups()).toBe(2);
  });

  it('never keeps an unknown token, so a key minted a moment later works at once', async () => {
    const { db, lookups } = counted(api.db);
    const callers = new CallerCache(db);
    expect(await callers.find('sk_not_a_real_key')).toBeNull();
    expect(await callers.find('sk_not_a_real_key')).toBeNull();
    expect(lookups()).toBe(2);
  });

  it('refuses a reused session as expired once its own expiry has passed', async () => {
    const session = await withTenant(api.db, ws.workspaceId, (tx) =>
      createSession(tx, ws.workspaceId, { scopes: ['read'], ttlSeconds: 60 }, null),
    );
    const expiresAt = Date.parse(session.expiresAt);
    let now = expiresAt - 2_000;
    const callers = new CallerCache(api.db, { ttlMs: 60_000, now: () => now });
    expect(await callers.find(session.token)).toMatchObject({ kind: 'session' });
    now = expiresAt;
    expect(await callers.find(session.token)).toBe('expired');
  });

  it('does not keep a lookup that began before the workspace was forgotten', async () => {
    const { db, lookups } = counted(api.db);
    const callers = new CallerCache(db);
    const pending = callers.find(ws.secretKey);
    callers.forgetWorkspace(ws.workspaceId);
    expect(await pending).toMatchObject({ workspaceId: ws.workspaceId });
    await callers.find(ws.secretKey);
    expect(lookups()).toBe(2);
    await callers.find(ws.secretKey);
    expect(lookups()).toBe(2);
  });
});

describe('changes to access take effect at once over HTTP, though callers are reused', () => {
  it('a session used a moment ago is refused from an origin the workspace no longer allows', async () => {
    const { http } = await freshWorkspace(api);
    const session = await http.post('/v1/sessions', { scopes: ['read'] });
    const browser = caller(api, session.body.token, { Origin: api.allowedOrigin });
    expect((await browser.get('/v1/contacts')).status).toBe(200);
    const read = await http.get('/v1/workspace');
    const changed = await http.patch(
      '/v1/workspace',
      { allowedOrigins: ['https://elsewhere.example'] },
      { 'If-Match': read.headers.get('etag')! },
    );
    expect(changed.status).toBe(200);
    expectProblem(await browser.get('/v1/contacts'), 403);
  });

  it('a session used a moment ago is refused once it is ended, and once its key is revoked', async () => {
    const { http } = await freshWorkspace(api);
    const minter = await http.post('/v1/keys', { kind: 'secret', label: 'backend' });
    const backend = caller(api, minter.body.token);
    const ended = await backend.post('/v1/sessions', { scopes: ['read'] });
    const kept = await backend.post('/v1/sessions', { scopes: ['read'] });
    const endedBrowser = caller(api, ended.body.token, { Origin: api.allowedOrigin });
    const keptBrowser = caller(api, kept.body.token, { Origin: api.allowedOrigin });
    expect((await endedBrowser.get('/v1/contacts')).status).toBe(200);
    expect((await keptBrowser.get('/v1/contacts')).status).toBe(200);
    expect((await backend.get('/v1/contacts')).status).toBe(200);
    expect((await http.delete(`/v1/sessions/${ended.body.id}`)).status).toBe(200);
    expectProblem(await endedBrowser.get('/v1/contacts'), 401);
    expect((await keptBrowser.get('/v1/contacts')).status).toBe(200);
    expect((await http.delete(`/v1/keys/${minter.body.id}`)).status).toBe(200);
    expectProblem(await keptBrowser.get('/v1/contacts'), 401);
    expectProblem(await backend.get('/v1/contacts'), 401);
  });
});
