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

    // The lead stage's entries list that contact, in the funnel's window, page by page.
    const window = { from: funnel.from, to: funnel.to, campaignId: campaign.id };
    const entries = await queryClient.fetchInfiniteQuery(
      queries.campaigns.funnelEntries({ stage: 'lead', ...window, limit: 1 }),
    );
    expect(entries.pages[0]?.data.map((entry) => entry.contact.id)).toEqual([contact.id]);
    expect(entries.pages[0]?.data[0]?.campaign).toEqual({
      id: campaign.id,
      name: 'SDK launch mail',
      channel: 'email',
    });
    expect(entries.pages[0]?.nextCursor).toBeNull();
    // Renaming the contact makes the entries stale (they are under the metrics); the refetch shows the new name.
    await queryClient
      .getMutationCache()
      .build(queryClient, queries.contacts.update())
      .execute({ id: contact.id, version: contact.version, changes: { firstName: 'Retouched' } });
    const key = chorusKeys.metrics.funnelEntries({ stage: 'lead', ...window, limit: 1 });
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
    const refetched = await queryClient.fetchInfiniteQuery(
      queries.campaigns.funnelEntries({ stage: 'lead', ...window, limit: 1 }),
    );
    expect(refetched.pages[0]?.data[0]?.contact.firstName).toBe('Retouched');
  });

  it('turns an unknown funnel stage into a typed validation error', async () => {
    const error = await chorus
      .get('/v1/metrics/funnel/entries', { params: { query: { stage: 'prospect' as 'lead' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChorusValidationError);
    expect((error as ChorusValidationError).errors[0]?.path).toBe('query.stage');
  });

  it('turns a campaign filter on a metric that does not take one into a typed validation error', async () => {
    const error = await chorus
      .get('/v1/metrics', { params: { query: { names: 'win_rate', channel: 'email' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChorusValidationError);
    expect((error as ChorusValidationError).errors[0]?.path).toBe('query.names');
  });
});
