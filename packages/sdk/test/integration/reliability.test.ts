import type { TestApi, TestWorkspace } from '@chorus/api/testing';
import { sharedApi } from './shared-api.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ChorusClientOptions,
  ChorusNetworkError,
  ChorusTimeoutError,
  createChorusClient,
  type FetchLike,
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

  // How long the client waits is tested to the millisecond on a fake clock (test/retry.test.ts);
  // these two prove that it reads Retry-After off a real answer.
  it('retries a POST answered 503 with Retry-After and creates one row', async () => {
    proxy.inject({ kind: 'unavailable', retryAfter: '0' }, { method: 'POST', path: '/v1/contacts' });

    const created = await throughProxy().post('/v1/contacts', { body: newContact });

    expect(proxy.received.map((request) => request.fault)).toEqual(['unavailable', 'none']);
    expect((await contactsInWorkspace()).map((contact) => contact.id)).toEqual([created.id]);
  });

  it('does not wait for a Retry-After past its time budget: the 503 comes back at once', async () => {
    proxy.inject({ kind: 'unavailable', retryAfter: '3600' }, { method: 'POST', path: '/v1/contacts' });

    const error = await throughProxy({ maxRetryTimeMs: 10_000 })
      .post('/v1/contacts', { body: newContact })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ kind: 'api', status: 503, type: '/problems/unavailable' });
    expect(proxy.received).toHaveLength(1);
    expect(await contactsInWorkspace()).toEqual([]);
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

  // The proxy holds these requests without ever answering, so only the timeout can end them: the
  // deadline's length is tested to the millisecond on a fake clock (test/timeout.test.ts).
  it('fails an attempt that gets no answer with a ChorusTimeoutError', async () => {
    proxy.inject({ kind: 'hold' }, { method: 'GET', path: '/v1/workspace' });

    const error = await throughProxy({ timeoutMs: 200, maxRetries: 0 })
      .get('/v1/workspace')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ChorusTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 200 });
    expect(proxy.received.map((request) => request.fault)).toEqual(['hold']);
  });

  it('retries a timed-out GET with a fresh deadline', async () => {
    proxy.inject({ kind: 'hold' }, { method: 'GET', path: '/v1/workspace' });

    // The second attempt must answer within timeoutMs on a loaded machine: one second is ample.
    const workspaceRecord = await throughProxy({ timeoutMs: 1000, maxRetries: 2 }).get('/v1/workspace');

    expect(workspaceRecord.id).toBe(workspace.workspaceId);
    expect(proxy.received.map((request) => request.fault)).toEqual(['hold', 'none']);
  });

  // Bounded at 20 s, well short of the 50 s wait: a client that did not stop would still be waiting.
  it('stops waiting and retrying when the caller aborts', { timeout: 20_000 }, async () => {
    proxy.inject(
      { kind: 'unavailable', retryAfter: '50' },
      { method: 'GET', path: '/v1/workspace', times: 10 },
    );
    const controller = new AbortController();
    const reason = new Error('page closed');
    // Abort once the 503 has reached the client, so the abort finds it waiting to retry.
    const abortAfterAnswer: FetchLike = async (request) => {
      const response = await fetch(request);
      setTimeout(() => controller.abort(reason), 0);
      return response;
    };

    await expect(
      throughProxy({ maxRetries: 5, fetch: abortAfterAnswer }).get('/v1/workspace', {
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ kind: 'aborted', name: 'ChorusAbortedError', cause: reason });
    // The call has settled, so no retry is left to go out.
    expect(proxy.received).toHaveLength(1);
  });
});
