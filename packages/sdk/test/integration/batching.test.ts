import type { TestApi } from '@chorus/api/testing';
import { sharedApi } from './shared-api.js';
import { QueryClient } from '@tanstack/query-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChorusNotFoundError, createChorusClient } from '../../src/index.js';
import { createChorusQueries } from '../../src/query/index.js';

let api: TestApi;
let contactIds: string[];

beforeAll(async () => {
  api = await sharedApi();
  const chorus = createChorusClient({ baseUrl: api.url, apiKey: api.secretKey });
  contactIds = (await chorus.get('/v1/contacts', { params: { query: { limit: 100 } } })).data.map(
    (c) => c.id,
  );
});
beforeEach(() => api.resetRequestLog());

function setup() {
  const queries = createChorusQueries(createChorusClient({ baseUrl: api.url, apiKey: api.secretKey }));
  return { queries, queryClient: new QueryClient() };
}
const contactReadsAtServer = () => api.requests.filter((request) => request.path.startsWith('/v1/contacts'));

describe('batching detail reads', () => {
  it('100 contact reads in one tick make exactly one request at the server', async () => {
    const { queries, queryClient } = setup();
    expect(contactIds).toHaveLength(100);

    const contacts = await Promise.all(
      contactIds.map((id) => queryClient.fetchQuery(queries.contacts.detail(id))),
    );

    expect(contacts.map((contact) => contact.id)).toEqual(contactIds);
    expect(contactReadsAtServer()).toHaveLength(1);
    expect(contactReadsAtServer()[0]?.search).toContain('ids=');
  });

  it('100 reads of one contact make one request, through a QueryClient or straight to the batcher', async () => {
    const { queries, queryClient } = setup();
    const id = contactIds[0]!;
    await Promise.all(Array.from({ length: 100 }, () => queryClient.fetchQuery(queries.contacts.detail(id))));
    expect(contactReadsAtServer()).toHaveLength(1);

    api.resetRequestLog();
    const direct = await Promise.all(
      Array.from({ length: 100 }, () => queries.contacts.detail(id).queryFn({} as never)),
    );
    expect(direct.every((contact) => contact.id === id)).toBe(true);
    expect(contactReadsAtServer()).toHaveLength(1);
  });

  it('a missing id fails only its own reads, with ChorusNotFoundError', async () => {
    const { queries, queryClient } = setup();
    const ids = [contactIds[0]!, 'con_doesnotexist0000', contactIds[1]!];
    const results = await Promise.allSettled(
      ids.map((id) => queryClient.fetchQuery({ ...queries.contacts.detail(id), retry: false })),
    );
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ChorusNotFoundError);
    expect(contactReadsAtServer()).toHaveLength(1);
  });

  it('company reads are batched the same way', async () => {
    const { queries, queryClient } = setup();
    const chorus = createChorusClient({ baseUrl: api.url, apiKey: api.secretKey });
    const companyIds = (await chorus.get('/v1/companies', { params: { query: { limit: 30 } } })).data.map(
      (c) => c.id,
    );
    api.resetRequestLog();

    await Promise.all(companyIds.map((id) => queryClient.fetchQuery(queries.companies.detail(id))));

    expect(api.requests.filter((request) => request.path.startsWith('/v1/companies'))).toHaveLength(1);
  });
});
