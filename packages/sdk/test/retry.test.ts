import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChorusConfigError, ChorusNetworkError, ChorusTimeoutError } from '../src/index.js';
import { isSafeToRetry, retries } from '../src/middleware/retry.js';
import type { FetchLike } from '../src/middleware/types.js';
import { settle, track, useFakeClock, useRealClock } from './support/fake-clock.js';
import { json, problem } from './support/recording-fetch.js';

// The waits run on a fake clock: each test says to the millisecond when an attempt goes out, and
// checks at the millisecond before it that nothing happened yet, without sleeping.
const START = Date.UTC(2026, 0, 5, 9, 0, 0);
beforeEach(() => {
  useFakeClock(START);
});
afterEach(() => {
  useRealClock();
});

/**
 * A fetch that plays a script of answers (or thrown errors), one per attempt, records when each
 * attempt went out, and takes `latencyMs` (on the fake clock) to answer.
 */
function scripted(...steps: Array<Response | Error>) {
  const attempts: Request[] = [];
  const sentAt: number[] = [];
  let latencyMs = 0;
  const fetch: FetchLike = async (request) => {
    attempts.push(request);
    sentAt.push(Date.now() - START);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const step = steps[attempts.length - 1] ?? json({ ok: true });
    if (step instanceof Error) throw step;
    return step;
  };
  return {
    fetch,
    attempts,
    sentAt,
    slow(ms: number) {
      latencyMs = ms;
    },
  };
}

const get = (init: RequestInit = {}) => new Request('https://api.test/v1/contacts', init);
const networkError = () => new ChorusNetworkError(get(), new TypeError('fetch failed'));
const fast = { maxRetries: 3, maxRetryTimeMs: 10_000, baseDelayMs: 1 };
const busy = (headers: Record<string, string> = {}) => problem(503, '/problems/x', headers);

describe('retries', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries a GET answered %i', async (status) => {
    const { fetch, attempts } = scripted(problem(status, '/problems/x'));
    const result = await settle(retries(fast)(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
    expect(attempts).toHaveLength(2);
  });

  it.each([400, 401, 404, 409, 412, 422])('returns a %i at once', async (status) => {
    const { fetch, attempts } = scripted(problem(status, '/problems/x'));
    const result = await settle(retries(fast)(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status } });
    expect(attempts).toHaveLength(1);
  });

  it('retries an answer that has no body', async () => {
    const { fetch, attempts } = scripted(new Response(null, { status: 503 }));
    const result = await settle(retries(fast)(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
    expect(attempts).toHaveLength(2);
  });

  it('retries network errors and timeouts', async () => {
    const timeout = new ChorusTimeoutError(get(), 5);
    const { fetch, attempts } = scripted(networkError(), timeout);
    const result = await settle(retries(fast)(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
    expect(attempts).toHaveLength(3);
  });

  it('does not retry errors that are not transport failures', async () => {
    const bug = new Error('a bug');
    const { fetch, attempts } = scripted(bug);
    const result = await settle(retries(fast)(fetch)(get()));
    expect(result).toEqual({ status: 'rejected', reason: bug });
    expect(attempts).toHaveLength(1);
  });

  it('does not retry a ChorusError that is not a transport failure', async () => {
    const noToken = new ChorusConfigError('getToken', '`getToken` is empty: it gave no token');
    const { fetch, attempts } = scripted(noToken);
    const result = await settle(retries(fast)(fetch)(get()));
    expect(result).toEqual({ status: 'rejected', reason: noToken });
    expect(attempts).toHaveLength(1);
  });

  it('gives up after maxRetries and returns the last answer', async () => {
    const { fetch, attempts } = scripted(busy(), busy(), busy(), busy(), busy());
    const result = await settle(retries({ ...fast, maxRetries: 2 })(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 503 } });
    expect(attempts).toHaveLength(3);
  });

  it('throws the last network error after maxRetries', async () => {
    const last = networkError();
    const { fetch, attempts } = scripted(networkError(), last, networkError());
    const result = await settle(retries({ ...fast, maxRetries: 1 })(fetch)(get()));
    expect(result).toEqual({ status: 'rejected', reason: last });
    expect(attempts).toHaveLength(2);
  });

  it('sends once when maxRetries is 0', async () => {
    const { fetch, attempts } = scripted(busy());
    const result = await settle(retries({ ...fast, maxRetries: 0 })(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 503 } });
    expect(attempts).toHaveLength(1);
  });

  it('waits exactly the Retry-After seconds before retrying', async () => {
    const { fetch, sentAt } = scripted(problem(429, '/problems/rate-limited', { 'retry-after': '1' }));
    const pending = retries(fast)(fetch)(get());

    await vi.advanceTimersByTimeAsync(999);
    expect(sentAt).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sentAt).toEqual([0, 1000]);
    expect((await pending).status).toBe(200);
  });

  it('reads Retry-After as an HTTP date: waits until it, retries a past one at once', async () => {
    const inFiveSeconds = new Date(START + 5000).toUTCString();
    const fiveSecondsAgo = new Date(START - 5000).toUTCString();
    const { fetch, sentAt } = scripted(
      busy({ 'retry-after': inFiveSeconds }),
      busy({ 'retry-after': fiveSecondsAgo }),
    );
    const result = await settle(retries(fast)(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
    expect(sentAt).toEqual([0, 5000, 5000]);
  });

  it('does not wait for a Retry-After past the time budget: it returns that answer at once', async () => {
    const { fetch, attempts } = scripted(busy({ 'retry-after': new Date(START + 30_000).toUTCString() }));
    const result = await settle(retries(fast)(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 503 } });
    expect(attempts).toHaveLength(1);
    expect(Date.now()).toBe(START);
  });

  it('backs off with full jitter: a random wait under a ceiling that doubles up to maxDelayMs', async () => {
    const { fetch, sentAt } = scripted(networkError(), networkError(), networkError(), networkError());
    const options = { maxRetries: 4, maxRetryTimeMs: 10_000, baseDelayMs: 40, maxDelayMs: 200 };
    const result = await settle(retries({ ...options, random: () => 0.5 })(fetch)(get()));
    expect(result.status).toBe('fulfilled');
    // Waits are 0.5 × 40, 80, 160, then 200 (the cap, not 320).
    expect(sentAt).toEqual([0, 20, 60, 140, 240]);
  });

  it('takes its jitter from random() for every wait', async () => {
    const draws = [0.25, 1, 0];
    const { fetch, sentAt } = scripted(networkError(), networkError(), networkError());
    const random = () => draws.shift() ?? 0;
    await settle(retries({ maxRetries: 3, maxRetryTimeMs: 10_000, baseDelayMs: 100, random })(fetch)(get()));
    // 0.25 × 100, 1 × 200, 0 × 400.
    expect(sentAt).toEqual([0, 25, 225, 225]);
  });

  it('waits 300 ms at most before the first retry and 8 s at most later, by default', async () => {
    const failures = Array.from({ length: 8 }, () => networkError());
    const { fetch, sentAt } = scripted(...failures);
    await settle(retries({ maxRetries: 7, maxRetryTimeMs: 600_000, random: () => 1 })(fetch)(get()));
    expect(sentAt).toEqual([0, 300, 900, 2100, 4500, 9300, 17_300, 25_300]);
  });

  it('counts the attempts and the waits against maxRetryTimeMs, and stops before passing it', async () => {
    // Each attempt takes 400 ms and each wait is 100 ms: 0-400, 500-900, 1000-1400, then a retry
    // at 1500 would start past the budget of 1450.
    const { fetch, sentAt, slow } = scripted(busy(), busy(), busy(), busy());
    slow(400);
    const options = { maxRetries: 5, maxRetryTimeMs: 1450, baseDelayMs: 100, maxDelayMs: 100 };
    const result = await settle(retries({ ...options, random: () => 1 })(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 503 } });
    expect(sentAt).toEqual([0, 500, 1000]);
  });

  it('still retries when the wait ends exactly at maxRetryTimeMs', async () => {
    const { fetch, sentAt } = scripted(busy({ 'retry-after': '2' }));
    const result = await settle(retries({ maxRetries: 1, maxRetryTimeMs: 2000 })(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
    expect(sentAt).toEqual([0, 2000]);
  });

  it('stops when the total time budget would be exceeded', async () => {
    const { fetch, attempts } = scripted(busy({ 'retry-after': '5' }));
    const result = await settle(retries({ maxRetries: 5, maxRetryTimeMs: 1000 })(fetch)(get()));
    expect(result).toMatchObject({ status: 'fulfilled', value: { status: 503 } });
    expect(attempts).toHaveLength(1);
    expect(Date.now()).toBe(START);
  });

  it("stops waiting and retrying when the caller's signal aborts, and leaves no timer behind", async () => {
    const controller = new AbortController();
    const { fetch, attempts } = scripted(busy({ 'retry-after': '5' }));
    const pending = retries({ maxRetries: 5, maxRetryTimeMs: 60_000 })(fetch)(
      get({ signal: controller.signal }),
    );
    const call = track(pending);
    await vi.advanceTimersByTimeAsync(4999);
    expect(call.settled).toBe(false);

    const reason = new Error('user left');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toEqual({ settled: true, error: reason });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toHaveLength(1);
  });

  it('does not start when the signal has already aborted while an attempt was out', async () => {
    const controller = new AbortController();
    const reason = new Error('gone');
    const { fetch, attempts } = scripted(networkError());
    const pending = retries(fast)(async (request) => {
      controller.abort(reason);
      return fetch(request);
    })(get({ signal: controller.signal }));
    expect(await settle(pending)).toMatchObject({ status: 'rejected', reason: { kind: 'network' } });
    expect(attempts).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not wait when the signal aborted while the answer was on its way', async () => {
    const controller = new AbortController();
    const reason = new Error('gone');
    const { fetch, attempts } = scripted(busy({ 'retry-after': '5' }));
    const call = track(
      retries(fast)(async (request) => {
        controller.abort(reason);
        return fetch(request);
      })(get({ signal: controller.signal })),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toEqual({ settled: true, error: reason });
    expect(attempts).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels the body of an answer it retries, so the connection is freed', async () => {
    let cancelled = false;
    const body = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    const { fetch } = scripted(new Response(body, { status: 503 }));
    await settle(retries(fast)(fetch)(get()));
    expect(cancelled).toBe(true);
  });

  it('retries a POST only when it has an Idempotency-Key, and a PATCH only with one or If-Match', async () => {
    const cases: Array<{ init: RequestInit; expected: number }> = [
      { init: { method: 'POST', body: '{}' }, expected: 1 },
      { init: { method: 'POST', body: '{}', headers: { 'If-Match': '"3"' } }, expected: 1 },
      { init: { method: 'POST', body: '{}', headers: { 'Idempotency-Key': 'k-123456' } }, expected: 2 },
      { init: { method: 'PATCH', body: '{}' }, expected: 1 },
      { init: { method: 'PATCH', body: '{}', headers: { 'If-Match': '"3"' } }, expected: 2 },
      { init: { method: 'PATCH', body: '{}', headers: { 'Idempotency-Key': 'k-123456' } }, expected: 2 },
      { init: { method: 'PUT', body: '{}' }, expected: 2 },
      { init: { method: 'DELETE' }, expected: 2 },
      { init: { method: 'HEAD' }, expected: 2 },
      { init: { method: 'OPTIONS' }, expected: 2 },
      { init: { method: 'PROPFIND' }, expected: 1 },
    ];
    for (const { init, expected } of cases) {
      const { fetch, attempts } = scripted(busy());
      await settle(retries(fast)(fetch)(get(init)));
      expect({ init, attempts: attempts.length }).toEqual({ init, attempts: expected });
    }
  });

  it('names the requests that are safe to send twice', () => {
    const safe = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].map((method) => get({ method }));
    expect(safe.map(isSafeToRetry)).toEqual([true, true, true, true, true]);
    expect(isSafeToRetry(get({ method: 'POST' }))).toBe(false);
    expect(isSafeToRetry(get({ method: 'PATCH', headers: { 'If-Match': '"1"' } }))).toBe(true);
  });

  it('sends the same body on every attempt', async () => {
    const bodies: string[] = [];
    const { fetch } = scripted(busy(), busy());
    await settle(
      retries(fast)(async (request) => {
        bodies.push(await request.text());
        return fetch(request);
      })(get({ method: 'PUT', body: '{"a":1}' })),
    );
    expect(bodies).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  });
});
