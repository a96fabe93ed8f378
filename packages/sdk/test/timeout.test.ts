import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ChorusAbortedError,
  ChorusError,
  ChorusNetworkError,
  ChorusTimeoutError,
  createChorusClient,
} from '../src/index.js';
import type { ChorusClientOptions, FetchLike } from '../src/index.js';
import { track, useFakeClock, useRealClock } from './support/fake-clock.js';
import { json } from './support/recording-fetch.js';

// The deadlines and the waits between retries run on fake timers: each test says to the
// millisecond when an attempt is given up, and checks the millisecond before that nothing happened.
beforeEach(() => {
  useFakeClock();
});
afterEach(() => {
  useRealClock();
});

/**
 * Answers after `ms`, or rejects like fetch does when the request's signal aborts first; records
 * when each attempt started and when it was aborted (on the fake clock).
 */
function slowFetch(ms: number) {
  const attempts: number[] = [];
  const aborted: number[] = [];
  const reasons: unknown[] = [];
  const fetch: FetchLike = (request) => {
    attempts.push(Date.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(json({ id: 'con_1' })), ms);
      request.signal.addEventListener('abort', () => {
        aborted.push(Date.now());
        reasons.push(request.signal.reason);
        clearTimeout(timer);
        reject(request.signal.reason);
      });
    });
  };
  return { fetch, attempts, aborted, reasons };
}

const client = (options: Partial<ChorusClientOptions> & { fetch: FetchLike }) =>
  createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', ...options } as ChorusClientOptions);
const getContact = { params: { path: { id: 'con_1' } } };

describe('timeouts and transport errors', () => {
  it('fails an attempt at exactly timeoutMs with ChorusTimeoutError', async () => {
    const { fetch, attempts, aborted, reasons } = slowFetch(1000);
    const call = track(client({ fetch, timeoutMs: 50, maxRetries: 0 }).get('/v1/contacts/{id}', getContact));

    await vi.advanceTimersByTimeAsync(49);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(ChorusTimeoutError);
    expect(call.error).toMatchObject({
      kind: 'timeout',
      name: 'ChorusTimeoutError',
      type: '/problems/timeout',
      title: 'Request timed out',
      timeoutMs: 50,
      status: 0,
      detail: 'GET https://api.test/v1/contacts/con_1: no answer in 50 ms',
    });
    expect(attempts).toEqual([0]);
    expect(aborted).toEqual([50]);
    // The attempt's fetch was aborted by the deadline itself, not by anything else.
    expect(reasons.map((reason) => (reason as DOMException).name)).toEqual(['TimeoutError']);
  });

  it('lets an answer that comes before the deadline through', async () => {
    const { fetch } = slowFetch(49);
    const call = track(client({ fetch, timeoutMs: 50, maxRetries: 0 }).get('/v1/contacts/{id}', getContact));
    await vi.advanceTimersByTimeAsync(49);
    expect(call).toEqual({ settled: true, value: { id: 'con_1' } });
  });

  it('waits 30 s by default', async () => {
    const { fetch, aborted } = slowFetch(60_000);
    const call = track(client({ fetch, maxRetries: 0 }).get('/v1/contacts/{id}', getContact));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toMatchObject({ kind: 'timeout', timeoutMs: 30_000 });
    expect(aborted).toEqual([30_000]);
  });

  it('gives each retry a fresh deadline', async () => {
    const { fetch, attempts, aborted } = slowFetch(1000);
    const call = track(client({ fetch, timeoutMs: 30, maxRetries: 2 }).get('/v1/contacts/{id}', getContact));
    await vi.runAllTimersAsync();
    expect(call.error).toBeInstanceOf(ChorusTimeoutError);
    expect(attempts).toHaveLength(3);
    // Every attempt was given up 30 ms after it started, whatever the jittered wait before it.
    expect(aborted.map((at, index) => at - attempts[index]!)).toEqual([30, 30, 30]);
  });

  it("rejects with a ChorusAbortedError carrying the caller's reason, not a timeout, and does not retry", async () => {
    const { fetch, attempts } = slowFetch(1000);
    const controller = new AbortController();
    const call = track(
      client({ fetch, timeoutMs: 500, maxRetries: 3 }).get('/v1/contacts/{id}', {
        ...getContact,
        signal: controller.signal,
      }),
    );
    await vi.advanceTimersByTimeAsync(20);
    const reason = new Error('navigated away');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);

    expect(call.error).toBeInstanceOf(ChorusAbortedError);
    expect(call.error).toBeInstanceOf(ChorusError);
    expect(call.error).toMatchObject({
      kind: 'aborted',
      type: '/problems/aborted',
      status: 0,
      cause: reason,
      name: 'ChorusAbortedError',
      title: 'GET https://api.test/v1/contacts/con_1 aborted',
    });
    await vi.runAllTimersAsync();
    expect(attempts).toEqual([0]);
  });

  it('turns an abort during the wait between retries into a ChorusAbortedError too', async () => {
    let attempts = 0;
    const fetch: FetchLike = async () => {
      attempts++;
      return new Response(JSON.stringify({ type: '/problems/x', title: 'Busy', status: 503 }), {
        status: 503,
        headers: { 'retry-after': '5' },
      });
    };
    const controller = new AbortController();
    const call = track(
      client({ fetch, maxRetries: 3 }).get('/v1/contacts/{id}', { ...getContact, signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(4999);
    expect(call.settled).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);

    expect(call.error).toMatchObject({ kind: 'aborted' });
    expect((call.error as ChorusAbortedError).cause).toBeInstanceOf(DOMException);
    await vi.runAllTimersAsync();
    expect(attempts).toBe(1);
  });

  it('turns a fetch that failed without an answer into ChorusNetworkError with the cause kept', async () => {
    const cause = new TypeError('fetch failed');
    const fetch: FetchLike = async () => {
      throw cause;
    };
    const error = await client({ fetch, maxRetries: 0 })
      .get('/v1/contacts/{id}', getContact)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChorusNetworkError);
    expect(error).toMatchObject({
      kind: 'network',
      name: 'ChorusNetworkError',
      type: '/problems/network',
      title: 'Network error',
      cause,
      status: 0,
      detail: 'GET https://api.test/v1/contacts/con_1: fetch failed',
    });
  });

  it('times out an attempt whose headers came but whose body stalls, and retries it with a fresh deadline', async () => {
    const attempts: number[] = [];
    // Headers at 10 ms, then a body that never ends: like fetch, the body errors with the signal's reason.
    const fetch: FetchLike = (request) => {
      attempts.push(Date.now());
      return new Promise((resolve) => {
        setTimeout(() => resolve(new Response(stalledBody(request.signal), { status: 200 })), 10);
      });
    };
    const call = track(client({ fetch, timeoutMs: 50, maxRetries: 1 }).get('/v1/contacts/{id}', getContact));

    await vi.advanceTimersByTimeAsync(49);
    expect(attempts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(attempts).toHaveLength(2);
    expect(call.error).toBeInstanceOf(ChorusTimeoutError);
    expect(call.error).toMatchObject({ kind: 'timeout', timeoutMs: 50 });
  });

  it('turns a body cut off while it streams into a ChorusNetworkError, and retries it', async () => {
    const cause = new TypeError('terminated');
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls += 1;
      if (calls === 2) return json({ id: 'con_1' });
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          controller.error(cause);
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const call = track(client({ fetch, maxRetries: 1 }).get('/v1/contacts/{id}', getContact));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(2);
    expect(call).toEqual({ settled: true, value: { id: 'con_1' } });

    calls = 0;
    const failed = await client({ fetch, maxRetries: 0 })
      .get('/v1/contacts/{id}', getContact)
      .catch((caught: unknown) => caught);
    expect(failed).toBeInstanceOf(ChorusNetworkError);
    expect(failed).toMatchObject({ kind: 'network', cause });
  });

  it('keeps status and headers, and an empty body for a 204', async () => {
    const fetch: FetchLike = async () =>
      new Response(null, { status: 204, headers: { 'X-Request-Id': 'req_1' } });
    const raw = await client({ fetch, maxRetries: 0 }).raw.GET('/v1/contacts/{id}', getContact);
    expect(raw.response.status).toBe(204);
    expect(raw.response.headers.get('X-Request-Id')).toBe('req_1');
  });
});

/** A response body that sends nothing and errors, as fetch's does, when `signal` aborts. */
function stalledBody(signal: AbortSignal): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      signal.addEventListener('abort', () => controller.error(signal.reason));
    },
  });
}
