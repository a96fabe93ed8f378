import type { components } from '@chorus/contract/paths';
import { describe, expectTypeOf, it } from 'vitest';
import { type AnyChorusError, ChorusError, createChorusClient, paginate } from '../src/index.js';

const chorus = createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk_x' });
type Contact = components['schemas']['Contact'];

describe('client types', () => {
  it('types the data of every call from the contract', async () => {
    expectTypeOf(
      await chorus.get('/v1/contacts/{id}', { params: { path: { id: 'con_1' } } }),
    ).toEqualTypeOf<Contact>();
    expectTypeOf(await chorus.get('/v1/contacts'))
      .toHaveProperty('nextCursor')
      .toEqualTypeOf<string | null>();
    const deal = await chorus.post('/v1/deals', {
      body: { title: 'T', pipelineId: 'pip_1', value: { amount: 1, currency: 'EUR' } },
    });
    expectTypeOf(deal.status).toEqualTypeOf<'open' | 'won' | 'lost'>();
  });

  it('keeps the raw openapi-fetch result for callers who prefer it', async () => {
    const result = await chorus.raw.GET('/v1/workspace');
    expectTypeOf(result.response).toEqualTypeOf<Response>();
    if (result.error) expectTypeOf(result.error).toHaveProperty('type').toEqualTypeOf<string>();
  });

  it('refuses paths that do not exist or lack the method', () => {
    // @ts-expect-error: no such path
    chorus.get('/v1/contact');
    // @ts-expect-error: contacts cannot be deleted
    chorus.delete('/v1/contacts/{id}', { params: { path: { id: 'con_1' } } });
    // @ts-expect-error: the public summary is read-only
    chorus.post('/v1/public/ratings/summary', { body: {} });
  });

  it('refuses missing or wrong parameters', () => {
    // @ts-expect-error: the path parameter is required
    chorus.get('/v1/contacts/{id}');
    // @ts-expect-error: `contactId` is not a path parameter of this route
    chorus.get('/v1/contacts/{id}', { params: { path: { contactId: 'con_1' } } });
    // @ts-expect-error: no such lifecycle stage
    chorus.get('/v1/contacts', { params: { query: { lifecycleStage: 'prospect' } } });
    // @ts-expect-error: `names` is required for metrics
    chorus.get('/v1/metrics', { params: { query: {} } });
  });

  it('refuses options in the wrong place instead of ignoring them', () => {
    // @ts-expect-error: query parameters go under `params.query`; at the top level they were silently dropped
    chorus.get('/v1/contacts', { query: { limit: 1 } });
    // @ts-expect-error: path parameters go under `params.path`
    chorus.get('/v1/contacts/{id}', { path: { id: 'con_1' } });
    // @ts-expect-error: `parseAs` would change what the call resolves with; these methods always parse JSON
    chorus.get('/v1/contacts', { parseAs: 'text' });
    chorus.get('/v1/contacts', { params: { query: { limit: 1 } }, signal: AbortSignal.timeout(1000) });
    chorus.get('/v1/contacts', { headers: { 'x-trace': '1' } });
  });

  it('refuses wrong bodies', () => {
    // @ts-expect-error: `firstName` is required (fields with server defaults, like `leadScore`, are not)
    chorus.post('/v1/contacts', { body: { lastName: 'B' } });
    // @ts-expect-error: `leadScore` is a number
    chorus.post('/v1/contacts', { body: { firstName: 'A', lastName: 'B', leadScore: 'high', tags: [] } });
    // @ts-expect-error: money is an object in minor units, not a number
    chorus.post('/v1/orders', { body: { contactId: 'con_1', amount: 49.99 } });
    // @ts-expect-error: no such rating scale
    chorus.post('/v1/ratings', { body: { subject: 's', score: 3, scale: 'stars10' } });
  });

  it('types the items of paginate', async () => {
    for await (const contact of paginate((cursor) =>
      chorus.get('/v1/contacts', { params: { query: { cursor } } }),
    )) {
      expectTypeOf(contact).toEqualTypeOf<Contact>();
    }
  });

  it('narrows a caught error by kind with no cast', async () => {
    try {
      await chorus.get('/v1/workspace');
    } catch (error) {
      if (!(error instanceof ChorusError)) throw error;
      switch (error.kind) {
        case 'rate_limited':
          expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
          break;
        case 'timeout':
          expectTypeOf(error.timeoutMs).toEqualTypeOf<number>();
          break;
        case 'config':
          expectTypeOf(error.option).toEqualTypeOf<string>();
          break;
        case 'aborted':
        case 'network':
        case 'api':
        case 'validation':
        case 'auth':
        case 'not_found':
        case 'conflict':
        case 'precondition':
          expectTypeOf(error.idempotencyKey).toEqualTypeOf<string | undefined>();
          break;
        default:
          expectTypeOf(error).toBeNever();
      }
    }
    expectTypeOf<AnyChorusError>().toEqualTypeOf<ChorusError>();
  });

  it('takes either a key or getToken, not both', () => {
    createChorusClient({ baseUrl: 'https://api.test', getToken: async () => 'st_1' });
    // @ts-expect-error: one credential at a time
    createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk', getToken: () => 'st' });
    // @ts-expect-error: a credential is required
    createChorusClient({ baseUrl: 'https://api.test' });
  });
});
