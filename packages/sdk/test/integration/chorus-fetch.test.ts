import type { TestApi, TestWorkspace } from '@chorus/api/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ChorusAuthError,
  ChorusNetworkError,
  ChorusValidationError,
  createChorusFetch,
  type Rating,
  type RatingSummary,
} from '../../src/index.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { sharedApi } from './shared-api.js';

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
  workspace = await api.createWorkspace();
  proxy.received.length = 0;
});

/** As a web page would call: a publishable key, and the page's Origin. */
const fromPage = (baseUrl = api.url) =>
  createChorusFetch({
    baseUrl,
    apiKey: workspace.publishableKey,
    fetch: (request) => {
      request.headers.set('Origin', api.allowedOrigin);
      return fetch(request);
    },
  });
const rating = { subject: 'product:fetch', scale: 'stars5', score: 4, elapsedMs: 5000 };

describe('createChorusFetch (the transport without openapi-fetch)', () => {
  it("posts JSON with the caller's idempotency key; the caller's retry after a lost answer stores one rating", async () => {
    proxy.inject({ kind: 'drop-after-response' }, { method: 'POST', path: '/v1/public/ratings' });
    const send = () =>
      fromPage(proxy.url)<Rating>('/v1/public/ratings', {
        body: rating,
        headers: { 'Idempotency-Key': 'widget-key-0001' },
      });
    // No retries of its own: the lost answer is a network error, and the caller decides to retry.
    await expect(send()).rejects.toBeInstanceOf(ChorusNetworkError);
    const stored = await send();
    expect(proxy.received.map((request) => request.fault)).toEqual(['drop-after-response', 'none']);
    expect(stored).toMatchObject({ subject: 'product:fetch', score: 4, source: 'website' });
    const summary = await fromPage()<RatingSummary>('/v1/public/ratings/summary?subject=product:fetch');
    expect(summary).toMatchObject({ count: 1, average: 4 });
  });

  it('throws the typed errors of the client', async () => {
    await expect(fromPage()('/v1/public/ratings', { body: { ...rating, score: 9 } })).rejects.toBeInstanceOf(
      ChorusValidationError,
    );
    await expect(fromPage()('/v1/contacts')).rejects.toBeInstanceOf(ChorusAuthError);
  });
});
