import { describe, expect, it } from 'vitest';
import { ChorusAuthError, createChorusClient } from '../src/index.js';
import { json, problem, recordingFetch } from './support/recording-fetch.js';

const byToken = (valid: string) =>
  recordingFetch((request) =>
    request.headers.get('authorization') === `Bearer ${valid}`
      ? json({ id: 'con_1' })
      : problem(401, '/problems/unauthorized'),
  );
const getContact = { params: { path: { id: 'con_1' } } };

describe('authorization', () => {
  it('sends a static key as a bearer token', async () => {
    const { fetch, requests } = byToken('sk_live');
    const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk_live', fetch });
    await chorus.get('/v1/contacts/{id}', getContact);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer sk_live');
  });

  it('asks getToken once and reuses the token', async () => {
    const { fetch, requests } = byToken('st_1');
    let calls = 0;
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      getToken: () => `st_${++calls}`,
      fetch,
    });
    await chorus.get('/v1/contacts/{id}', getContact);
    await chorus.get('/v1/contacts/{id}', getContact);
    expect(calls).toBe(1);
    expect(requests).toHaveLength(2);
  });

  it('on 401 asks getToken again once and re-sends the request with the new token', async () => {
    const { fetch, requests } = byToken('st_fresh');
    const tokens = ['st_expired', 'st_fresh'];
    let calls = 0;
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      getToken: async () => tokens[calls++] ?? 'st_none',
      fetch,
    });

    const contact = await chorus.post('/v1/contacts', {
      body: { firstName: 'A', lastName: 'B', leadScore: 1, tags: [] },
    });

    expect(contact).toEqual({ id: 'con_1' });
    expect(calls).toBe(2);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer st_expired',
      'Bearer st_fresh',
    ]);
    expect(requests[1]?.body).toBe(requests[0]?.body);
  });

  it('refreshes on a 401 that has no body too', async () => {
    const tokens = ['st_expired', 'st_fresh'];
    const { fetch, requests } = recordingFetch((request) =>
      request.headers.get('authorization') === 'Bearer st_fresh'
        ? json({ id: 'con_1' })
        : new Response(null, { status: 401 }),
    );
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      getToken: () => tokens.shift() ?? 'st_none',
      fetch,
    });
    await expect(chorus.get('/v1/contacts/{id}', getContact)).resolves.toEqual({ id: 'con_1' });
    expect(requests).toHaveLength(2);
  });

  it('refreshes once for many requests that saw the same 401', async () => {
    const { fetch } = byToken('st_fresh');
    let calls = 0;
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      getToken: async () => (++calls === 1 ? 'st_expired' : 'st_fresh'),
      fetch,
    });
    await Promise.all(Array.from({ length: 5 }, () => chorus.get('/v1/contacts/{id}', getContact)));
    expect(calls).toBe(2);
  });

  it('gives up with ChorusAuthError when the fresh token is refused too', async () => {
    const { fetch, requests } = byToken('never');
    let calls = 0;
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      getToken: () => `st_${++calls}`,
      fetch,
    });
    await expect(chorus.get('/v1/contacts/{id}', getContact)).rejects.toBeInstanceOf(ChorusAuthError);
    expect(requests).toHaveLength(2);
    expect(calls).toBe(2);
  });

  it('does not refresh a static key on 401', async () => {
    const { fetch, requests } = byToken('never');
    const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk_revoked', fetch });
    await expect(chorus.get('/v1/contacts/{id}', getContact)).rejects.toMatchObject({
      kind: 'auth',
      status: 401,
    });
    expect(requests).toHaveLength(1);
  });

  it('asks again after getToken failed instead of keeping the failure', async () => {
    const { fetch } = byToken('st_ok');
    let calls = 0;
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      getToken: async () => {
        if (++calls === 1) throw new Error('login service down');
        return 'st_ok';
      },
      fetch,
    });
    await expect(chorus.get('/v1/contacts/{id}', getContact)).rejects.toThrow('login service down');
    await expect(chorus.get('/v1/contacts/{id}', getContact)).resolves.toEqual({ id: 'con_1' });
  });
});
