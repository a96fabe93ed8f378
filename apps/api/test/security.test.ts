import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeIdempotencyKeys } from '../src/http/idempotency.js';
import { type RunningServer, startServer } from '../src/server.js';
import type { TestApi, TestWorkspace } from '../src/testing.js';
import { type Caller, caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let api: TestApi;
let ws: TestWorkspace;
let http: Caller;
let origin: string;

beforeAll(async () => {
  api = await testApi();
  ({ ws, http } = await freshWorkspace(api));
  origin = api.allowedOrigin;
});

const idempotencyRows = (workspaceId: string) =>
  api.db.query<{ key: string; response: string | null; holds_secret: boolean }>(
    'select key, response, holds_secret from idempotency_keys where workspace_id = $1',
    [workspaceId],
  );

describe('secrets are shown once', () => {
  it('a replayed key creation does not show the key again, and says which key it made', async () => {
    const headers = { 'Idempotency-Key': `key-replay-${Date.now()}` };
    const first = await http.post('/v1/keys', { kind: 'secret', label: 'ci' }, headers);
    expect(first.status).toBe(201);
    expect(first.body.token).toMatch(/^sk_/);
    const again = await http.post('/v1/keys', { kind: 'secret', label: 'ci' }, headers);
    const problem = expectProblem(again, 409);
    expect(problem.type).toBe('/problems/secret-shown-once');
    expect(problem.detail).toContain(first.body.id);
    expect(JSON.stringify(again.body)).not.toContain(first.body.token);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // One key made, not two.
    const keys = await http.get('/v1/keys');
    expect(keys.body.data.filter((k: { label: string }) => k.label === 'ci')).toHaveLength(1);
  });

  it('a replayed session creation does not show the token again', async () => {
    const headers = { 'Idempotency-Key': `session-replay-${Date.now()}` };
    const first = await http.post('/v1/sessions', { scopes: ['read'] }, headers);
    expect(first.status).toBe(201);
    const problem = expectProblem(await http.post('/v1/sessions', { scopes: ['read'] }, headers), 409);
    expect(problem.type).toBe('/problems/secret-shown-once');
    expect(problem.detail).toContain(first.body.id);
    expect(problem.detail).not.toContain(first.body.token);
  });

  it('no secret rests in plaintext: keys and tokens by hash, idempotency records without them', async () => {
    const key = await http.post(
      '/v1/keys',
      { kind: 'publishable', label: 'w' },
      { 'Idempotency-Key': `p-${Date.now()}` },
    );
    const session = await http.post(
      '/v1/sessions',
      { scopes: ['read'] },
      { 'Idempotency-Key': `s-${Date.now()}` },
    );
    const tokens = [key.body.token, session.body.token, ws.secretKey] as string[];
    const dump = JSON.stringify([
      await api.db.query('select * from api_keys where workspace_id = $1', [ws.workspaceId]),
      await api.db.query('select * from sessions where workspace_id = $1', [ws.workspaceId]),
      await idempotencyRows(ws.workspaceId),
    ]);
    for (const token of tokens) expect(dump).not.toContain(token);
    expect((await idempotencyRows(ws.workspaceId)).filter((r) => r.holds_secret).length).toBeGreaterThan(1);
  });

  it('idempotency records older than 24 h are ignored, then purged', async () => {
    const key = `old-${Date.now()}`;
    const first = await http.post('/v1/companies', { name: 'Once' }, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    await api.db.query(
      "update idempotency_keys set created_at = now() - interval '25 hours' where workspace_id = $1 and key = $2",
      [ws.workspaceId, key],
    );
    const fresh = await http.post('/v1/companies', { name: 'Once' }, { 'Idempotency-Key': key });
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(first.body.id);
    await api.db.query(
      "update idempotency_keys set created_at = now() - interval '25 hours' where workspace_id = $1 and key = $2",
      [ws.workspaceId, key],
    );
    expect(await purgeIdempotencyKeys(api.db)).toBeGreaterThanOrEqual(1);
    expect((await idempotencyRows(ws.workspaceId)).map((r) => r.key)).not.toContain(key);
  });
});

describe('sessions end with their key, and can be ended', () => {
  it("revoking a secret key ends every session it minted, and no other key's", async () => {
    const minter = await http.post('/v1/keys', { kind: 'secret', label: 'backend A' });
    const a = await caller(api, minter.body.token).post('/v1/sessions', { scopes: ['read'] });
    const b = await http.post('/v1/sessions', { scopes: ['read'] });
    const browserA = caller(api, a.body.token, { Origin: origin });
    const browserB = caller(api, b.body.token, { Origin: origin });
    expect((await browserA.get('/v1/contacts')).status).toBe(200);
    await http.delete(`/v1/keys/${minter.body.id}`);
    expectProblem(await browserA.get('/v1/contacts'), 401);
    expect((await browserB.get('/v1/contacts')).status).toBe(200);
    const listed = (await http.get('/v1/sessions')).body.data as {
      id: string;
      revokedAt: string | null;
      keyId: string;
    }[];
    expect(listed.find((s) => s.id === a.body.id)).toMatchObject({
      keyId: minter.body.id,
      revokedAt: expect.any(String),
    });
    expect(listed.find((s) => s.id === b.body.id)?.revokedAt).toBeNull();
  });

  it('DELETE /v1/sessions/{id} ends one session by its id; lists never show tokens', async () => {
    const session = await http.post('/v1/sessions', { scopes: ['read', 'write'], subject: 'user-7' });
    expect(session.body.id).toMatch(/^ses_/);
    const browser = caller(api, session.body.token, { Origin: origin });
    expect((await browser.get('/v1/contacts')).status).toBe(200);
    const ended = await http.delete(`/v1/sessions/${session.body.id}`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      id: session.body.id,
      subject: 'user-7',
      revokedAt: expect.any(String),
    });
    expectProblem(await browser.get('/v1/contacts'), 401);
    const list = await http.get('/v1/sessions');
    expect(JSON.stringify(list.body)).not.toContain(session.body.token);
    expect(list.body.data.some((s: { id: string }) => s.id === session.body.id)).toBe(true);
    expectProblem(await http.delete('/v1/sessions/ses_0000000000nothere'), 404);
    // A session may not end sessions or list them: keys and sessions are for secret keys only.
    expectProblem(await browser.get('/v1/sessions'), 401);
  });
});

describe('the workspace: name and allowed origins', () => {
  it('reads with an ETag and changes only with a fresh If-Match', async () => {
    const read = await http.get('/v1/workspace');
    expect(read.headers.get('etag')).toBe(`"${read.body.version}"`);
    const origins = [...read.body.allowedOrigins, 'https://app.acme.example'];
    expectProblem(await http.patch('/v1/workspace', { allowedOrigins: origins }), 428);
    const changed = await http.patch(
      '/v1/workspace',
      { allowedOrigins: origins, name: 'Acme' },
      { 'If-Match': read.headers.get('etag')! },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Acme',
      allowedOrigins: origins,
      version: read.body.version + 1,
    });
    expectProblem(
      await http.patch('/v1/workspace', { name: 'Stale' }, { 'If-Match': String(read.body.version) }),
      412,
    );
    // The new origin works at once for session tokens.
    const session = await http.post('/v1/sessions', { scopes: ['read'] });
    const fromApp = caller(api, session.body.token, { Origin: 'https://app.acme.example' });
    expect((await fromApp.get('/v1/contacts')).status).toBe(200);
    expectProblem(await fromApp.patch('/v1/workspace', { name: 'X' }, { 'If-Match': '1' }), 403);
  });

  it('refuses anything but scheme://host[:port] as an origin, naming the field', async () => {
    const { body } = await http.get('/v1/workspace');
    for (const bad of [
      'https://app.example/',
      'https://app.example/path',
      'ftp://app.example',
      'HTTPS://APP.EXAMPLE',
      'app.example',
      'https://app.example:443',
    ]) {
      const problem = expectProblem(
        await http.patch('/v1/workspace', { allowedOrigins: [bad] }, { 'If-Match': String(body.version) }),
        400,
      );
      expect(problem.errors?.[0]?.path).toBe('body.allowedOrigins.0');
    }
  });
});

describe('Idempotency-Key on PATCH and DELETE', () => {
  it('a retried move whose answer was lost gets the stored answer, not a 412 against its own version', async () => {
    const contact = await http.post('/v1/contacts', { firstName: 'Ida' });
    const headers = { 'If-Match': String(contact.body.version), 'Idempotency-Key': `move-${Date.now()}` };
    const first = await http.patch(`/v1/contacts/${contact.body.id}`, { leadScore: 40 }, headers);
    expect(first.status).toBe(200);
    const retry = await http.patch(`/v1/contacts/${contact.body.id}`, { leadScore: 40 }, headers);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('etag')).toBe(`"${first.body.version}"`);
    const other = await http.patch(`/v1/contacts/${contact.body.id}`, { leadScore: 41 }, headers);
    expect(expectProblem(other, 422).type).toBe('/problems/idempotency-key-reused');
    expect((await http.get(`/v1/contacts/${contact.body.id}`)).body.version).toBe(first.body.version);
  });

  it('a retried DELETE replays its answer', async () => {
    const session = await http.post('/v1/sessions', { scopes: ['read'] });
    const headers = { 'Idempotency-Key': `end-${Date.now()}` };
    const first = await http.delete(`/v1/sessions/${session.body.id}`, headers);
    const again = await http.delete(`/v1/sessions/${session.body.id}`, headers);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});

/** A request from another loopback address: the API tells clients apart by their address. */
function fromAddress(
  localAddress: string,
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, localAddress, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
    req.end(body);
  });
}

describe('fair rate limits', () => {
  let server: RunningServer;
  let key: string;

  beforeAll(async () => {
    // Tight limits on the same database: 3 requests per key, 2 per client, nothing refilled during the test.
    server = await startServer(api.db, {
      rateLimits: {
        perKey: { capacity: 3, refillPerSecond: 0.001 },
        perClient: { capacity: 2, refillPerSecond: 0.001 },
      },
    });
    ({ publishableKey: key } = await api.createWorkspace());
  });
  afterAll(() => server.close());

  const summary = (address: string) =>
    fromAddress(address, `${server.url}/v1/public/ratings/summary?subject=product:fair`, {
      headers: { Authorization: `Bearer ${key}`, Origin: origin },
    });

  it('a client locked out by its own limit spends none of the key budget, so others still get in', async () => {
    const a = [];
    for (let i = 0; i < 6; i++) a.push(await summary('127.0.0.2'));
    expect(a.map((r) => r.status)).toEqual([200, 200, 429, 429, 429, 429]);
    expect(a[0]!.headers['ratelimit-limit']).toBeDefined();
    expect(Number(a[2]!.headers['retry-after'])).toBeGreaterThan(0);
    // The key's budget of 3 lost only A's 2 admitted requests: B gets the last one, then the key's limit.
    const b1 = await summary('127.0.0.3');
    expect(b1.status).toBe(200);
    expect(b1.headers['ratelimit-remaining']).toBe('0');
    expect((await summary('127.0.0.3')).status).toBe(429);
  });

  it('an idempotent replay is answered before any budget is spent', async () => {
    const { publishableKey } = await api.createWorkspace();
    const post = (address: string) =>
      fromAddress(address, `${server.url}/v1/public/ratings`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${publishableKey}`,
          Origin: origin,
          'Content-Type': 'application/json',
          'Idempotency-Key': 'rating-retry-0001',
        },
        body: JSON.stringify({ subject: 'product:retry', score: 5 }),
      });
    const first = await post('127.0.0.4');
    expect(first.status).toBe(201);
    for (let i = 0; i < 5; i++) {
      const replay = await post('127.0.0.4');
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toBe(first.body);
    }
    // The client still has its second request: the five replays spent nothing.
    const fresh = await fromAddress(
      '127.0.0.4',
      `${server.url}/v1/public/ratings/summary?subject=product:retry`,
      {
        headers: { Authorization: `Bearer ${publishableKey}`, Origin: origin },
      },
    );
    expect(fresh.status).toBe(200);
    expect(JSON.parse(fresh.body).count).toBe(1);
  });
});
