import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/db/tenant.js';
import type { TestApi } from '../src/testing.js';
import { type Caller, caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let api: TestApi;
let http: Caller;
let secretKey: string;
let publishableKey: string;
let origin: string;

beforeAll(async () => {
  api = await testApi();
  const fresh = await freshWorkspace(api);
  http = fresh.http;
  ({ secretKey, publishableKey } = fresh.ws);
  origin = api.allowedOrigin;
});

describe('keys and tokens', () => {
  it('no key is a 401 that says how to authenticate', async () => {
    const problem = expectProblem(await caller(api, '').get('/v1/contacts'), 401);
    expect(problem.detail).toContain('Authorization: Bearer');
  });

  it('a wrong key is a 401', async () => {
    expectProblem(await caller(api, 'sk_not_a_real_key').get('/v1/contacts'), 401);
  });

  it('a revoked key is a 401', async () => {
    const key = await http.post('/v1/keys', { kind: 'secret', label: 'to revoke' });
    expect((await caller(api, key.body.token).get('/v1/workspace')).status).toBe(200);
    await http.delete(`/v1/keys/${key.body.id}`);
    expectProblem(await caller(api, key.body.token).get('/v1/workspace'), 401);
  });

  it('a secret key sent from a browser is refused', async () => {
    const problem = expectProblem(await caller(api, secretKey, { Origin: origin }).get('/v1/contacts'), 403);
    expect(problem.detail).toContain('session token');
  });

  it('a publishable key may not call a secret endpoint', async () => {
    expectProblem(await caller(api, publishableKey, { Origin: origin }).get('/v1/contacts'), 403);
  });

  it('a publishable key from a disallowed origin is refused, from an allowed one accepted', async () => {
    const path = '/v1/public/ratings/summary?subject=product:m1';
    expectProblem(await caller(api, publishableKey, { Origin: 'https://evil.example' }).get(path), 403);
    expectProblem(await caller(api, publishableKey).get(path), 403);
    const ok = await caller(api, publishableKey, { Origin: origin }).get(path);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('answers CORS preflights for browsers', async () => {
    const response = await fetch(`${api.url}/v1/public/ratings`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,idempotency-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
  });

  it('session tokens: minted by a secret key, scoped, and refused once expired', async () => {
    const read = await http.post('/v1/sessions', { scopes: ['read'], ttlSeconds: 60 });
    expect(read.status).toBe(201);
    expect(read.body.token).toMatch(/^st_/);
    const browser = caller(api, read.body.token, { Origin: origin });
    expect((await browser.get('/v1/contacts')).status).toBe(200);
    expectProblem(await browser.post('/v1/contacts', { firstName: 'Nope' }), 403);
    expectProblem(await caller(api, read.body.token).post('/v1/sessions', { scopes: ['write'] }), 403);
    // Expire one at the source: what a token an hour old looks like. One not used yet, since a used
    // caller is reused for a few seconds without the database (test/caller-cache.test.ts proves that a
    // reused session still ends at its own expiry).
    const stale = await http.post('/v1/sessions', { scopes: ['read'], ttlSeconds: 60 });
    await api.db.query("update sessions set expires_at = now() - interval '1 second' where id = $1", [
      stale.body.id,
    ]);
    const problem = expectProblem(
      await caller(api, stale.body.token, { Origin: origin }).get('/v1/contacts'),
      401,
    );
    expect(problem.detail).toContain('expired');
  });

  it('publishable keys are rate limited per client, with Retry-After', async () => {
    const { publishableKey: key } = await api.createWorkspace();
    const client = caller(api, key, { Origin: origin });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const reply = await client.get('/v1/public/ratings/summary?subject=product:m1');
      statuses.push(reply.status);
      if (reply.status === 429) retryAfter = reply.headers.get('retry-after');
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('tenant isolation', () => {
  it('a key of workspace A gets 404 for every id of workspace B', async () => {
    const b = await freshWorkspace(api);
    const company = await b.http.post('/v1/companies', { name: 'B Corp' });
    const contact = await b.http.post('/v1/contacts', { firstName: 'Bea', companyId: company.body.id });
    const deal = await b.http.post('/v1/deals', {
      title: 'B deal',
      value: { amount: 1, currency: 'EUR' },
      pipelineId: b.pipeline.id,
    });
    const ticket = await b.http.post('/v1/tickets', { contactId: contact.body.id, subject: 'B case' });
    const paths = [
      `/v1/contacts/${contact.body.id}`,
      `/v1/contacts/${contact.body.id}/insights`,
      `/v1/contacts/${contact.body.id}/lifecycle`,
      `/v1/companies/${company.body.id}`,
      `/v1/pipelines/${b.pipeline.id}`,
      `/v1/deals/${deal.body.id}`,
      `/v1/deals/${deal.body.id}/history`,
    ];
    for (const path of paths) expectProblem(await http.get(path), 404);
    expectProblem(
      await http.patch(`/v1/contacts/${contact.body.id}`, { firstName: 'X' }, { 'If-Match': '1' }),
      404,
    );
    expectProblem(await http.patch(`/v1/deals/${deal.body.id}`, { title: 'X' }, { 'If-Match': '1' }), 404);
    expectProblem(
      await http.patch(`/v1/tickets/${ticket.body.id}`, { status: 'resolved' }, { 'If-Match': '1' }),
      404,
    );
    expect((await http.get(`/v1/contacts?ids=${contact.body.id}`)).body.data).toEqual([]);
    expect((await http.get(`/v1/deals?pipelineId=${b.pipeline.id}`)).body.data).toEqual([]);
    expectProblem(
      await http.post('/v1/orders', { contactId: contact.body.id, amount: { amount: 100, currency: 'EUR' } }),
      422,
    );
  });

  it('row-level security hides other tenants even from a query that forgets to filter', async () => {
    const a = await freshWorkspace(api);
    await a.http.post('/v1/contacts', { firstName: 'Only in A' });
    const rows = await withTenant(api.db, a.ws.workspaceId, (tx) =>
      tx.query<{ workspace_id: string }>('select workspace_id from contacts'),
    );
    expect(rows.length).toBe(1);
    expect(new Set(rows.map((r) => r.workspace_id))).toEqual(new Set([a.ws.workspaceId]));
    const all = await api.db.query<{ n: number }>('select count(*) as n from contacts');
    expect(all[0]!.n).toBeGreaterThan(1);
    await expect(
      withTenant(api.db, a.ws.workspaceId, (tx) =>
        tx.query("insert into workspaces (id, name, currency) values ('ws_intruder01', 'x', 'EUR')"),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
