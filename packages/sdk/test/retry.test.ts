import { describe, expect, it } from 'vitest';
import { ChorusNetworkError, ChorusTimeoutError } from '../src/index.js';
import { retries } from '../src/middleware/retry.js';
import type { FetchLike } from '../src/middleware/types.js';
import { json, problem } from './support/recording-fetch.js';

/** A fetch that plays a script of answers (or thrown errors), one per attempt, and counts them. */
function scripted(...steps: Array<Response | Error>) {
  const attempts: Request[] = [];
  const fetch: FetchLike = async (request) => {
    attempts.push(request);
    const step = steps[attempts.length - 1] ?? json({ ok: true });
    if (step instanceof Error) throw step;
    return step;
  };
  return { fetch, attempts };
}

const get = (init: RequestInit = {}) => new Request('https://api.test/v1/contacts', init);
const networkError = () => new ChorusNetworkError(get(), new TypeError('fetch failed'));
const fast = { maxRetries: 3, maxRetryTimeMs: 10_000, baseDelayMs: 1 };

describe('retries', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries a GET answered %i', async (status) => {
    const { fetch, attempts } = scripted(problem(status, '/problems/x'));
    const response = await retries(fast)(fetch)(get());
    expect(response.status).toBe(200);
    expect(attempts).toHaveLength(2);
  });

  it.each([400, 401, 404, 409, 412, 422])('returns a %i at once', async (status) => {
    const { fetch, attempts } = scripted(problem(status, '/problems/x'));
    const response = await retries(fast)(fetch)(get());
    expect(response.status).toBe(status);
    expect(attempts).toHaveLength(1);
  });

  it('retries network errors and timeouts', async () => {
    const timeout = new ChorusTimeoutError(get(), 5);
    const { fetch, attempts } = scripted(networkError(), timeout);
    const response = await retries(fast)(fetch)(get());
    expect(response.status).toBe(200);
    expect(attempts).toHaveLength(3);
  });

  it('does not retry errors that are not transport failures', async () => {
    const { fetch, attempts } = scripted(new Error('a bug'));
    await expect(retries(fast)(fetch)(get())).rejects.toThrow('a bug');
    expect(attempts).toHaveLength(1);
  });

  it('gives up after maxRetries and returns the last answer', async () => {
    const { fetch, attempts } = scripted(
      ...Array(5)
        .fill(0)
        .map(() => problem(503, '/problems/x')),
    );
    const response = await retries({ ...fast, maxRetries: 2 })(fetch)(get());
    expect(response.status).toBe(503);
    expect(attempts).toHaveLength(3);
  });

  it('throws the last network error after maxRetries', async () => {
    const { fetch, attempts } = scripted(networkError(), networkError(), networkError());
    await expect(retries({ ...fast, maxRetries: 1 })(fetch)(get())).rejects.toBeInstanceOf(
      ChorusNetworkError,
    );
    expect(attempts).toHaveLength(2);
  });

  it('waits the Retry-After seconds before retrying', async () => {
    const { fetch, attempts } = scripted(problem(429, '/problems/rate-limited', { 'retry-after': '1' }));
    const startedAt = performance.now();
    const response = await retries(fast)(fetch)(get());
    expect(response.status).toBe(200);
    expect(attempts).toHaveLength(2);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(990);
  });

  it('reads Retry-After as an HTTP date: a past date retries now, one past the budget is not waited for', async () => {
    const { fetch, attempts } = scripted(
      problem(503, '/problems/x', { 'retry-after': new Date(Date.now() - 5000).toUTCString() }),
      problem(503, '/problems/x', { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }),
    );
    const startedAt = performance.now();
    const response = await retries(fast)(fetch)(get());
    expect(response.status).toBe(503);
    expect(attempts).toHaveLength(2);
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });

  it('backs off with full jitter: a random wait under a ceiling that doubles', async () => {
    const ceilings: number[] = [];
    const random = () => 0.5;
    const { fetch } = scripted(networkError(), networkError(), networkError());
    let last = performance.now();
    await retries({ maxRetries: 3, maxRetryTimeMs: 10_000, baseDelayMs: 40, random })(async (request) => {
      const now = performance.now();
      ceilings.push(now - last);
      last = now;
      return fetch(request);
    })(get());
    // Waits are 0.5 × 40, 0.5 × 80, 0.5 × 160 ms.
    expect(ceilings[1]).toBeGreaterThanOrEqual(19);
    expect(ceilings[2]).toBeGreaterThanOrEqual(39);
    expect(ceilings[3]).toBeGreaterThanOrEqual(79);
    expect(ceilings[3]!).toBeLessThan(400);
  });

  it('stops when the total time budget would be exceeded', async () => {
    const { fetch, attempts } = scripted(problem(503, '/problems/x', { 'retry-after': '5' }));
    const response = await retries({ maxRetries: 5, maxRetryTimeMs: 1000 })(fetch)(get());
    expect(response.status).toBe(503);
    expect(attempts).toHaveLength(1);
  });

  it("stops waiting and retrying when the caller's signal aborts", async () => {
    const controller = new AbortController();
    const { fetch, attempts } = scripted(problem(503, '/problems/x', { 'retry-after': '5' }));
    const pending = retries({ maxRetries: 5, maxRetryTimeMs: 60_000 })(fetch)(
      get({ signal: controller.signal }),
    );
    setTimeout(() => controller.abort(new Error('user left')), 20);
    await expect(pending).rejects.toThrow('user left');
    expect(attempts).toHaveLength(1);
  });

  it('retries a POST only when it has an Idempotency-Key, and a PATCH only with If-Match', async () => {
    const cases: Array<{ init: RequestInit; expected: number }> = [
      { init: { method: 'POST', body: '{}' }, expected: 1 },
      { init: { method: 'POST', body: '{}', headers: { 'Idempotency-Key': 'k-123456' } }, expected: 2 },
      { init: { method: 'PATCH', body: '{}' }, expected: 1 },
      { init: { method: 'PATCH', body: '{}', headers: { 'If-Match': '"3"' } }, expected: 2 },
      { init: { method: 'PUT', body: '{}' }, expected: 2 },
      { init: { method: 'DELETE' }, expected: 2 },
    ];
    for (const { init, expected } of cases) {
      const { fetch, attempts } = scripted(problem(503, '/problems/x'));
      await retries(fast)(fetch)(get(init));
      expect({ init, attempts: attempts.length }).toEqual({ init, attempts: expected });
    }
  });

  it('sends the same body on every attempt', async () => {
    const bodies: string[] = [];
    const { fetch } = scripted(problem(503, '/problems/x'), problem(503, '/problems/x'));
    await retries(fast)(async (request) => {
      bodies.push(await request.text());
      return fetch(request);
    })(get({ method: 'PUT', body: '{"a":1}' }));
    expect(bodies).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  });
});
