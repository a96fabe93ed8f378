import { describe, expect, it } from 'vitest';
import { createChorusClient } from '../src/index.js';
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
});
