import { describe, expect, it } from 'vitest';
import {
  ChorusApiError,
  ChorusAuthError,
  ChorusConflictError,
  ChorusError,
  ChorusNotFoundError,
  ChorusPreconditionError,
  ChorusRateLimitError,
  ChorusValidationError,
  createChorusClient,
  createChorusFetch,
  unwrap,
} from '../src/index.js';
import { parseRetryAfter } from '../src/errors.js';
import { recordingFetch } from './support/recording-fetch.js';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const { fetch } = recordingFetch(() =>
    typeof body === 'string'
      ? new Response(body, {
          status,
          statusText: 'Bad Gateway',
          headers: { 'content-type': 'text/html', ...headers },
        })
      : Response.json(body, { status, headers: { 'content-type': 'application/problem+json', ...headers } }),
  );
  return createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch, maxRetries: 0 });
}

describe('typed errors', () => {
  it.each([
    [400, ChorusValidationError, 'validation'],
    [422, ChorusValidationError, 'validation'],
    [401, ChorusAuthError, 'auth'],
    [403, ChorusAuthError, 'auth'],
    [404, ChorusNotFoundError, 'not_found'],
    [409, ChorusConflictError, 'conflict'],
    [412, ChorusPreconditionError, 'precondition'],
    [428, ChorusPreconditionError, 'precondition'],
    [429, ChorusRateLimitError, 'rate_limited'],
    [500, ChorusApiError, 'api'],
  ] as const)('turns a %i problem into %o', async (status, ErrorClass, kind) => {
    const problem = {
      type: '/problems/x',
      title: 'Title',
      status,
      detail: 'Detail',
      instance: '/v1/contacts/con_1',
      requestId: 'req_1',
      errors: [{ path: 'body.email', message: 'must be an email address' }],
    };
    const error = await answer(status, problem)
      .get('/v1/contacts/{id}', { params: { path: { id: 'con_1' } } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ChorusError);
    expect(error).toMatchObject({ ...problem, kind, message: 'Detail', name: ErrorClass.name });
  });

  it('reads Retry-After onto a rate-limit error', async () => {
    const error = await answer(
      429,
      { type: '/problems/rate-limited', title: 'Slow down', status: 429 },
      { 'retry-after': '7' },
    )
      .get('/v1/workspace')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000, errors: [] });
  });

  it('still makes a typed error of an answer that is not problem+json', async () => {
    const error = await answer(502, '<html>bad gateway</html>')
      .get('/v1/workspace')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChorusError);
    expect(error).toMatchObject({ status: 502, title: 'Bad Gateway', detail: '<html>bad gateway</html>' });
  });

  it('names an answer without a status text or a body by its status', async () => {
    const { fetch } = recordingFetch(() => new Response(null, { status: 500 }));
    const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch, maxRetries: 0 });
    const error = await chorus.get('/v1/workspace').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'api', status: 500, title: 'HTTP 500', type: 'about:blank' });
    expect((error as ChorusError).detail).toBeUndefined();
  });

  it('keeps the first 500 characters of a long answer that is not a problem', async () => {
    const error = await answer(502, 'x'.repeat(600))
      .get('/v1/workspace')
      .catch((caught: unknown) => caught);
    expect((error as ChorusError).detail).toBe('x'.repeat(500));
  });

  it('takes the status from the answer when the problem has none, and refuses a body that is no problem', async () => {
    const statusless = await answer(404, { type: '/problems/not-found', title: 'Not found' })
      .get('/v1/workspace')
      .catch((caught: unknown) => caught);
    expect(statusless).toMatchObject({ kind: 'not_found', status: 404, title: 'Not found' });

    for (const body of [{ type: '/problems/x' }, { title: 'No type' }, { type: 1, title: 'x' }]) {
      const error = await answer(409, body)
        .get('/v1/workspace')
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'conflict', type: 'about:blank', title: 'HTTP 409' });
    }
  });

  it('makes a typed error of an empty body, a JSON null or an array, with no detail', async () => {
    for (const body of [null, 'null', '[1,2]']) {
      const chorusFetch = createChorusFetch({
        baseUrl: 'https://api.test',
        apiKey: 'pk_1',
        fetch: async () => new Response(body, { status: 503 }),
      });
      const error = await chorusFetch('/v1/workspace').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: 'api', status: 503, title: 'HTTP 503', type: 'about:blank' });
      expect((error as ChorusError).detail).toBeUndefined();
    }
  });

  it('leaves retryAfterMs undefined on a rate-limit error without Retry-After', async () => {
    const error = await answer(429, { type: '/problems/rate-limited', title: 'Slow down', status: 429 })
      .get('/v1/workspace')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'rate_limited' });
    expect((error as ChorusRateLimitError).retryAfterMs).toBeUndefined();
  });

  it('unwrap returns the data of a raw call that succeeded', async () => {
    const { fetch } = recordingFetch(() => Response.json({ id: 'con_1' }));
    const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch });
    const result = await chorus.raw.GET('/v1/contacts/{id}', { params: { path: { id: 'con_1' } } });
    expect(unwrap(result)).toEqual({ id: 'con_1' });
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('5s', now)).toBeUndefined();
    expect(parseRetryAfter('x1', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
