import { describe, expect, it } from 'vitest';
import {
  ChorusAbortedError,
  ChorusError,
  ChorusNetworkError,
  ChorusTimeoutError,
  createChorusClient,
} from '../src/index.js';
import type { FetchLike } from '../src/index.js';
import { json } from './support/recording-fetch.js';

/** Answers after `ms`, or rejects like fetch does when the request's signal aborts first. */
function slowFetch(ms: number): { fetch: FetchLike; attempts: number[] } {
  const attempts: number[] = [];
  const fetch: FetchLike = (request) => {
    attempts.push(performance.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(json({ id: 'con_1' })), ms);
      request.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(request.signal.reason);
      });
    });
  };
  return { fetch, attempts };
}

const getContact = { params: { path: { id: 'con_1' } } };

describe('timeouts and transport errors', () => {
  it('fails an attempt that takes longer than timeoutMs with ChorusTimeoutError', async () => {
    const { fetch, attempts } = slowFetch(1000);
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      apiKey: 'k',
      fetch,
      timeoutMs: 50,
      maxRetries: 0,
    });
    const startedAt = performance.now();
    const error = await chorus.get('/v1/contacts/{id}', getContact).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChorusTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 50, status: 0 });
    expect(performance.now() - startedAt).toBeLessThan(500);
    expect(attempts).toHaveLength(1);
  });

  it('gives each retry a fresh deadline', async () => {
    const { fetch, attempts } = slowFetch(1000);
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      apiKey: 'k',
      fetch,
      timeoutMs: 30,
      maxRetries: 2,
    });
    await expect(chorus.get('/v1/contacts/{id}', getContact)).rejects.toBeInstanceOf(ChorusTimeoutError);
    expect(attempts).toHaveLength(3);
  });

  it("rejects with a ChorusAbortedError carrying the caller's reason, not a timeout, and does not retry", async () => {
    const { fetch, attempts } = slowFetch(1000);
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      apiKey: 'k',
      fetch,
      timeoutMs: 500,
      maxRetries: 3,
    });
    const controller = new AbortController();
    const reason = new Error('navigated away');
    setTimeout(() => controller.abort(reason), 20);
    const error = await chorus
      .get('/v1/contacts/{id}', { ...getContact, signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChorusAbortedError);
    expect(error).toBeInstanceOf(ChorusError);
    expect(error).toMatchObject({ kind: 'aborted', status: 0, cause: reason, name: 'ChorusAbortedError' });
    expect(attempts).toHaveLength(1);
  });

  it('turns an abort during the wait between retries into a ChorusAbortedError too', async () => {
    let attempts = 0;
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      apiKey: 'k',
      maxRetries: 3,
      fetch: async () => {
        attempts++;
        return new Response(JSON.stringify({ type: '/problems/x', title: 'Busy', status: 503 }), {
          status: 503,
          headers: { 'retry-after': '5' },
        });
      },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await chorus
      .get('/v1/contacts/{id}', { ...getContact, signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'aborted' });
    expect((error as ChorusAbortedError).cause).toBeInstanceOf(DOMException);
    expect(attempts).toBe(1);
  });

  it('turns a fetch that failed without an answer into ChorusNetworkError with the cause kept', async () => {
    const cause = new TypeError('fetch failed');
    const chorus = createChorusClient({
      baseUrl: 'https://api.test',
      apiKey: 'k',
      maxRetries: 0,
      fetch: async () => {
        throw cause;
      },
    });
    const error = await chorus.get('/v1/contacts/{id}', getContact).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChorusNetworkError);
    expect(error).toMatchObject({ kind: 'network', cause });
  });
});
