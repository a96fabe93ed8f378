import { startTestApi, type TestApi } from '@chorus/api/testing';
import { sharedApi } from './shared-api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChorusAuthError,
  ChorusConflictError,
  ChorusError,
  ChorusNetworkError,
  ChorusNotFoundError,
  ChorusPreconditionError,
  ChorusRateLimitError,
  ChorusValidationError,
  createChorusClient,
} from '../../src/index.js';

let api: TestApi;
// A second API whose public endpoints allow one request per key, to get a real 429.
let strictApi: TestApi;

beforeAll(async () => {
  [api, strictApi] = await Promise.all([
    sharedApi(),
    startTestApi({
      seed: true,
      rateLimits: {
        perKey: { capacity: 1, refillPerSecond: 0.01 },
        perClient: { capacity: 1, refillPerSecond: 0.01 },
      },
    }),
  ]);
});
afterAll(async () => {
  await strictApi?.close();
});

const server = () => createChorusClient({ baseUrl: api.url, apiKey: api.secretKey, maxRetries: 0 });
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

async function firstContact(query: { lifecycleStage?: 'customer' } = {}) {
  const page = await server().get('/v1/contacts', { params: { query: { limit: 1, ...query } } });
  return page.data[0]!;
}

describe('typed errors from real API answers', () => {
  it('400: ChorusValidationError with field errors', async () => {
    const error = await caught(
      server().post('/v1/contacts', { body: { firstName: 'A', lastName: 'B', leadScore: 500, tags: [] } }),
    );
    expect(error).toBeInstanceOf(ChorusValidationError);
    expect(error).toMatchObject({ status: 400, type: '/problems/validation', requestId: expect.any(String) });
    expect((error as ChorusValidationError).errors.map((field) => field.path)).toContain('body.leadScore');
  });

  it('422: ChorusValidationError when an Idempotency-Key is reused with another body', async () => {
    const chorus = server();
    const headers = { 'Idempotency-Key': `reuse-${Date.now()}` };
    await chorus.post('/v1/contacts', {
      body: { firstName: 'A', lastName: 'B', leadScore: 1, tags: [] },
      headers,
    });
    const error = await caught(
      chorus.post('/v1/contacts', {
        body: { firstName: 'C', lastName: 'D', leadScore: 1, tags: [] },
        headers,
      }),
    );
    expect(error).toBeInstanceOf(ChorusValidationError);
    expect(error).toMatchObject({ status: 422, type: '/problems/idempotency-key-reused' });
  });

  it('401: ChorusAuthError for an unknown key', async () => {
    const chorus = createChorusClient({ baseUrl: api.url, apiKey: 'sk_unknown000000000000', maxRetries: 0 });
    const error = await caught(chorus.get('/v1/workspace'));
    expect(error).toBeInstanceOf(ChorusAuthError);
    expect(error).toMatchObject({ status: 401, type: '/problems/unauthorized' });
  });

  it('403: ChorusAuthError for a publishable key outside the public endpoints', async () => {
    const chorus = createChorusClient({ baseUrl: api.url, apiKey: api.publishableKey, maxRetries: 0 });
    const error = await caught(chorus.get('/v1/contacts', { headers: { Origin: api.allowedOrigin } }));
    expect(error).toBeInstanceOf(ChorusAuthError);
    expect(error).toMatchObject({ status: 403, type: '/problems/forbidden' });
  });

  it('404: ChorusNotFoundError', async () => {
    const error = await caught(
      server().get('/v1/contacts/{id}', { params: { path: { id: 'con_missing000000' } } }),
    );
    expect(error).toBeInstanceOf(ChorusNotFoundError);
    expect(error).toMatchObject({ status: 404, type: '/problems/not-found' });
  });

  it('409: ChorusConflictError when a customer is sent back to a lead stage', async () => {
    const customer = await firstContact({ lifecycleStage: 'customer' });
    const error = await caught(
      server().patch('/v1/contacts/{id}', {
        params: { path: { id: customer.id }, header: { 'if-match': `"${customer.version}"` } },
        body: { lifecycleStage: 'lead' },
      }),
    );
    expect(error).toBeInstanceOf(ChorusConflictError);
    expect(error).toMatchObject({ status: 409, kind: 'conflict' });
  });

  it('412: ChorusPreconditionError for a stale If-Match', async () => {
    const contact = await firstContact();
    const chorus = server();
    const edit = (title: string) =>
      chorus.patch('/v1/contacts/{id}', {
        params: { path: { id: contact.id }, header: { 'if-match': `"${contact.version}"` } },
        body: { title },
      });
    await edit('First edit');
    const error = await caught(edit('Second edit from a stale copy'));
    expect(error).toBeInstanceOf(ChorusPreconditionError);
    expect(error).toMatchObject({ status: 412, type: '/problems/precondition-failed' });
  });

  it('428: ChorusPreconditionError when If-Match is missing', async () => {
    const contact = await firstContact();
    const error = await caught(
      server().patch('/v1/contacts/{id}', {
        // @ts-expect-error The contract requires If-Match, so the types ask for it; this request omits it on purpose.
        params: { path: { id: contact.id } },
        body: { title: 'No version' },
      }),
    );
    expect(error).toBeInstanceOf(ChorusPreconditionError);
    expect(error).toMatchObject({ status: 428, type: '/problems/precondition-required' });
  });

  it('429: ChorusRateLimitError with the Retry-After the API sent, once retrying would take too long', async () => {
    const widget = createChorusClient({
      baseUrl: strictApi.url,
      apiKey: strictApi.publishableKey,
      maxRetryTimeMs: 5000,
    });
    const summary = () =>
      widget.get('/v1/public/ratings/summary', {
        params: { query: { subject: 'product:chair' } },
        headers: { Origin: strictApi.allowedOrigin },
      });
    await summary();
    const error = await caught(summary());
    expect(error).toBeInstanceOf(ChorusRateLimitError);
    expect(error).toMatchObject({ status: 429, type: '/problems/rate-limited', retryAfterMs: 100_000 });
  });

  it('a server that is not there: ChorusNetworkError', async () => {
    const closed = await startClosedPort();
    const chorus = createChorusClient({ baseUrl: closed, apiKey: api.secretKey, maxRetries: 0 });
    const error = await caught(chorus.get('/v1/workspace'));
    expect(error).toBeInstanceOf(ChorusNetworkError);
    expect(error).toBeInstanceOf(ChorusError);
  });
});

/** A loopback address nothing listens on: bind a port, then let it go. */
async function startClosedPort(): Promise<string> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
