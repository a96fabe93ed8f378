import { describe, expect, it } from 'vitest';
import { type ChorusError, createChorusClient, createChorusFetch } from '../src/index.js';
import { idempotencyKeys } from '../src/middleware/idempotency.js';
import { json, problem, recordingFetch } from './support/recording-fetch.js';

const contactBody = { firstName: 'Ada', lastName: 'Lovelace', leadScore: 10, tags: [] };

describe('idempotency keys', () => {
  it('gives a POST a generated key and sends the same key on every retry of it', async () => {
    const { fetch, requests } = recordingFetch((_request, index) =>
      index < 2 ? problem(503, '/problems/internal', { 'retry-after': '0' }) : json({ id: 'con_1' }, 201),
    );
    const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk_x', fetch, maxRetries: 3 });

    await chorus.post('/v1/contacts', { body: contactBody });

    expect(requests).toHaveLength(3);
    const keys = requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(requests.map((request) => request.body)).toEqual(Array(3).fill(JSON.stringify(contactBody)));
  });

  it("keeps the caller's own key", async () => {
    const { fetch, requests } = recordingFetch(() => json({ id: 'con_1' }, 201));
    const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk_x', fetch });

    await chorus.post('/v1/contacts', { body: contactBody, headers: { 'Idempotency-Key': 'mine-12345' } });

    expect(requests[0]?.headers.get('idempotency-key')).toBe('mine-12345');
  });

  it('gives two separate POSTs different keys and leaves GETs without one', async () => {
    const { fetch, requests } = recordingFetch(() => json({ id: 'con_1' }, 201));
    const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk_x', fetch });

    await chorus.post('/v1/contacts', { body: contactBody });
    await chorus.post('/v1/contacts', { body: contactBody });
    await chorus.get('/v1/contacts/{id}', { params: { path: { id: 'con_1' } } });

    expect(requests[0]?.headers.get('idempotency-key')).not.toBe(requests[1]?.headers.get('idempotency-key'));
    expect(requests[2]?.headers.has('idempotency-key')).toBe(false);
  });

  it('with automatic keys off, sends a POST without a key once and never retries it', async () => {
    const { fetch, requests } = recordingFetch(() =>
      problem(503, '/problems/internal', { 'retry-after': '0' }),
    );
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      apiKey: 'sk_x',
      fetch,
      maxRetries: 3,
      idempotencyKeys: false,
    });

    await expect(chorus.post('/v1/contacts', { body: contactBody })).rejects.toMatchObject({ status: 503 });

    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.has('idempotency-key')).toBe(false);
  });

  it('gives every write a key (POST, PUT, PATCH, DELETE) and keeps it across the retries of a PATCH', async () => {
    const { fetch, requests } = recordingFetch((request) =>
      request.method === 'PATCH' && requests.filter((r) => r.method === 'PATCH').length === 1
        ? problem(503, '/problems/internal', { 'retry-after': '0' })
        : json({ id: 'x' }),
    );
    const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk_x', fetch, maxRetries: 2 });
    const version = { params: { path: { id: 'deal_1' }, header: { 'if-match': '"1"' } } };

    await chorus.patch('/v1/deals/{id}', { ...version, body: { title: 'Renewal' } });
    await chorus.delete('/v1/keys/{id}', { params: { path: { id: 'key_1' } } });
    // No route takes PUT yet: the middleware alone shows it is treated as any other write.
    await idempotencyKeys()(fetch)(new Request('https://api.test/v1/x', { method: 'PUT', body: '{}' }));

    expect(requests.map((request) => request.method)).toEqual(['PATCH', 'PATCH', 'DELETE', 'PUT']);
    const keys = requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys.every((key) => /^[0-9a-f-]{36}$/.test(key ?? ''))).toBe(true);
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(3);
  });

  it('puts the key a failed write was sent with on its error, and a retry with that key sends it again', async () => {
    const { fetch, requests } = recordingFetch((_request, index) =>
      index === 0 ? problem(500, '/problems/internal') : json({ id: 'con_1' }, 201),
    );
    const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk_x', fetch, maxRetries: 0 });

    const error = await chorus.post('/v1/contacts', { body: contactBody }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'api', status: 500 });
    const { idempotencyKey } = error as ChorusError;
    expect(idempotencyKey).toBe(requests[0]?.headers.get('idempotency-key'));

    await chorus.post('/v1/contacts', {
      body: contactBody,
      params: { header: { 'idempotency-key': idempotencyKey } },
    });
    expect(requests[1]?.headers.get('idempotency-key')).toBe(idempotencyKey);
  });

  it('puts the key on errors that never got an answer, and none on a read', async () => {
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      apiKey: 'sk_x',
      maxRetries: 0,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const write = await chorus
      .patch('/v1/contacts/{id}', {
        params: { path: { id: 'con_1' }, header: { 'if-match': '"2"' } },
        headers: { 'Idempotency-Key': 'caller-key-1' },
        body: { firstName: 'Ada' },
      })
      .catch((caught: unknown) => caught);
    expect(write).toMatchObject({ kind: 'network', idempotencyKey: 'caller-key-1' });
    const read = await chorus.get('/v1/workspace').catch((caught: unknown) => caught);
    expect(read).toMatchObject({ kind: 'network' });
    expect((read as ChorusError).idempotencyKey).toBeUndefined();
  });

  it('createChorusFetch sends and reports keys the same way', async () => {
    const { fetch, requests } = recordingFetch(() => problem(422, '/problems/validation'));
    const send = createChorusFetch({ baseUrl: 'https://api.test', apiKey: 'pk_x', fetch });
    const error = await send('/v1/public/ratings', { body: { score: 9 } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'validation' });
    expect((error as ChorusError).idempotencyKey).toBe(requests[0]?.headers.get('idempotency-key'));
    expect((error as ChorusError).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });
});
