import type { TestApi, TestWorkspace } from '@chorus/api/testing';
import { sharedApi } from './shared-api.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ChorusClientOptions,
  ChorusNetworkError,
  ChorusTimeoutError,
  createChorusClient,
} from '../../src/index.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';

let api: TestApi;
let proxy: FaultProxy;
let workspace: TestWorkspace;

beforeAll(async () => {
  api = await sharedApi();
  proxy = await startFaultProxy(api.url);
});
afterAll(async () => {
  await proxy?.close();
});
beforeEach(async () => {
  // A fresh, empty workspace per test, so "exactly one row" counts only this test's writes.
  workspace = await api.createWorkspace();
  proxy.received.length = 0;
  api.resetRequestLog();
});

const throughProxy = (options: Partial<ChorusClientOptions> = {}) =>
  createChorusClient({ baseUrl: proxy.url, apiKey: workspace.secretKey, ...options } as ChorusClientOptions);
const direct = () => createChorusClient({ baseUrl: api.url, apiKey: workspace.secretKey });
const newContact = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  leadScore: 40,
  tags: [],
};

async function contactsInWorkspace() {
  return (await direct().get('/v1/contacts', { params: { query: { limit: 200 } } })).data;
}
const postsAtApi = () =>
  api.requests.filter((request) => request.method === 'POST' && request.path === '/v1/contacts');

describe('retries and idempotency through a faulty network', () => {
  it('retries a POST whose answer was lost and creates exactly one row', async () => {
    proxy.inject({ kind: 'drop-after-response' }, { method: 'POST', path: '/v1/contacts' });

    const created = await throughProxy().post('/v1/contacts', { body: newContact });

    expect(proxy.received.map((request) => request.fault)).toEqual(['drop-after-response', 'none']);
    expect(postsAtApi()).toHaveLength(2);
    const rows = await contactsInWorkspace();
    expect(rows.map((contact) => contact.id)).toEqual([created.id]);
  });

  it('waits out a 503 with Retry-After and then succeeds with one row', async () => {
    proxy.inject({ kind: 'unavailable', retryAfter: '1' }, { method: 'POST', path: '/v1/contacts' });
    const startedAt = performance.now();

    const created = await throughProxy().post('/v1/contacts', { body: newContact });

    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(990);
    expect(proxy.received).toHaveLength(2);
    expect((await contactsInWorkspace()).map((contact) => contact.id)).toEqual([created.id]);
  });

  it("retries a failed POST later with its error's key and the API replays it: one row", async () => {
    proxy.inject({ kind: 'drop-after-response' }, { method: 'POST', path: '/v1/contacts' });

    const error = await throughProxy({ maxRetries: 0 })
      .post('/v1/contacts', { body: newContact })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChorusNetworkError);
    const { idempotencyKey } = error as ChorusNetworkError;
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    const replayed = await throughProxy().post('/v1/contacts', {
      body: newContact,
      params: { header: { 'idempotency-key': idempotencyKey } },
    });

    expect(postsAtApi()).toHaveLength(2);
    expect((await contactsInWorkspace()).map((contact) => contact.id)).toEqual([replayed.id]);
  });

  it('does not retry a POST that has no Idempotency-Key', async () => {
    proxy.inject({ kind: 'drop-after-response' }, { method: 'POST', path: '/v1/contacts' });

    const error = await throughProxy({ idempotencyKeys: false, maxRetries: 3 })
      .post('/v1/contacts', { body: newContact })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ChorusNetworkError);
    expect(proxy.received).toHaveLength(1);
    // The API did create it: a blind retry would have made a second row.
    expect(await contactsInWorkspace()).toHaveLength(1);
  });

  it('fails an attempt that takes longer than the timeout', async () => {
    proxy.inject({ kind: 'delay', ms: 3000 }, { method: 'GET', path: '/v1/workspace' });
    const startedAt = performance.now();

    const error = await throughProxy({ timeoutMs: 200, maxRetries: 0 })
      .get('/v1/workspace')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ChorusTimeoutError);
    expect(performance.now() - startedAt).toBeLessThan(2000);
  });

  it('retries a timed-out GET with a fresh deadline', async () => {
    proxy.inject({ kind: 'delay', ms: 3000 }, { method: 'GET', path: '/v1/workspace' });

    const workspaceRecord = await throughProxy({ timeoutMs: 500, maxRetries: 2 }).get('/v1/workspace');

    expect(workspaceRecord.id).toBe(workspace.workspaceId);
    expect(proxy.received.map((request) => request.fault)).toEqual(['delay', 'none']);
  });

  it('stops retrying when the caller aborts', async () => {
    proxy.inject(
      { kind: 'unavailable', retryAfter: '2' },
      { method: 'GET', path: '/v1/workspace', times: 10 },
    );
    const controller = new AbortController();
    const reason = new Error('page closed');
    setTimeout(() => controller.abort(reason), 300);

    await expect(
      throughProxy({ maxRetries: 5 }).get('/v1/workspace', { signal: controller.signal }),
    ).rejects.toMatchObject({ kind: 'aborted', name: 'ChorusAbortedError', cause: reason });
    // Past the time the retry would have gone out:
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(proxy.received).toHaveLength(1);
  });
});
