import type { TestApi } from '@chorus/api/testing';
import { QueryClient } from '@tanstack/query-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChorusClient, ChorusValidationError, createChorusClient } from '../../src/index.js';
import { chorusKeys, createChorusQueries } from '../../src/query/index.js';
import { sharedApi } from './shared-api.js';

let api: TestApi;
let chorus: ChorusClient;

beforeAll(async () => {
  api = await sharedApi();
  chorus = createChorusClient({ baseUrl: api.url, apiKey: api.secretKey });
});

describe('campaigns, touches and the marketing reads through the query layer', () => {
  it('creates a campaign, touches a contact with it, and refetches the funnel and the report it changed', async () => {
    const queryClient = new QueryClient();
    const queries = createChorusQueries(chorus);
    const today = new Date().toISOString().slice(0, 10);
    const report = await queryClient.fetchQuery(queries.campaigns.report());
    const before = report.data.length;

    const create = queryClient.getMutationCache().build(queryClient, queries.campaigns.create());
    const campaign = await create.execute({
      name: 'SDK launch mail',
      channel: 'email',
      startsOn: today,
      endsOn: today,
      cost: { amount: 12_000, currency: 'EUR' },
    });
    expect(campaign.id).toMatch(/^cmp_/);
    // Creating it made the report (under the metrics) stale: the next read sees the new campaign.
    expect(queryClient.getQueryState(chorusKeys.metrics.campaigns())?.isInvalidated).toBe(true);
    const after = await queryClient.fetchQuery(queries.campaigns.report());
    expect(after.data.length).toBe(before + 1);

    const contact = await chorus.post('/v1/contacts', { body: { firstName: 'Touched' } });
    const touch = queryClient
      .getMutationCache()
      .build(queryClient, queries.campaigns.recordTouch(contact.id));
    const touches = await touch.execute({ campaignId: campaign.id });
    expect(touches.latest).toMatchObject({ campaignId: campaign.id, source: 'email' });
    const read = await queryClient.fetchQuery(queries.campaigns.touches(contact.id));
    expect(read.first?.campaignId).toBe(campaign.id);

    // The contact came in as a lead and its first touch is the campaign: the campaign's funnel holds it alone.
    const funnel = await queryClient.fetchQuery(queries.campaigns.funnel({ campaignId: campaign.id }));
    expect(funnel.stages.find((s) => s.stage === 'lead')?.current.entered).toBe(1);
    expect(funnel.stages).toHaveLength(7);
  });

  it('turns a campaign filter on a metric that does not take one into a typed validation error', async () => {
    const error = await chorus
      .get('/v1/metrics', { params: { query: { names: 'win_rate', channel: 'email' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChorusValidationError);
    expect((error as ChorusValidationError).errors[0]?.path).toBe('query.names');
  });
});
