import type { TestApi } from '@chorus/api/testing';
import { sharedApi } from './shared-api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChorusAuthError, createChorusClient } from '../../src/index.js';

let api: TestApi;

beforeAll(async () => {
  api = await sharedApi();
});

async function mintSessionToken(scopes: Array<'read' | 'write'> = ['read', 'write']): Promise<string> {
  const server = createChorusClient({ baseUrl: api.url, apiKey: api.secretKey });
  return (await server.post('/v1/sessions', { body: { scopes, ttlSeconds: 60 } })).token;
}

describe('session tokens', () => {
  it('reads with the token getToken gives', async () => {
    const token = await mintSessionToken();
    let calls = 0;
    const browser = createChorusClient({
      baseUrl: api.url,
      getToken: () => {
        calls++;
        return token;
      },
    });

    const workspace = await browser.get('/v1/workspace');
    await browser.get('/v1/users');

    expect(workspace.id).toBe(api.workspaceId);
    expect(calls).toBe(1);
  });

  it('when the API refuses an expired token, asks getToken once more and re-sends the request', async () => {
    const fresh = await mintSessionToken();
    // What the browser still holds after its session ran out: the API no longer knows it.
    const tokens = ['st_expired0000000000000000', fresh];
    let calls = 0;
    const browser = createChorusClient({ baseUrl: api.url, getToken: async () => tokens[calls++]! });
    api.resetRequestLog();

    const created = await browser.post('/v1/contacts', {
      body: { firstName: 'Session', lastName: 'Refresh', leadScore: 5, tags: [] },
    });

    expect(created.firstName).toBe('Session');
    expect(calls).toBe(2);
    expect(api.requests.filter((request) => request.path === '/v1/contacts')).toHaveLength(2);
  });

  it('reports ChorusAuthError when the refreshed token is refused too', async () => {
    let calls = 0;
    const browser = createChorusClient({
      baseUrl: api.url,
      getToken: () => `st_revoked${++calls}00000000000000`,
    });

    await expect(browser.get('/v1/workspace')).rejects.toBeInstanceOf(ChorusAuthError);
    expect(calls).toBe(2);
  });
});
