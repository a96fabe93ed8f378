import { QueryClient, type QueryKey } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { chorusKeys as keys, invalidate, invalidationRules } from '../src/query/index.js';

/** A cache holding one entry under each key, none of them stale yet. */
function cacheWith(entries: Record<string, QueryKey>) {
  const queryClient = new QueryClient();
  for (const key of Object.values(entries)) queryClient.setQueryData(key, { data: [], nextCursor: null });
  const invalidated = () =>
    Object.entries(entries)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  return { queryClient, invalidated };
}

const entries = {
  boardOfP1: keys.deals.list({ pipelineId: 'pip_1' }),
  stageOfP1: keys.deals.list({ pipelineId: 'pip_1', stageId: 'stg_1' }),
  infiniteOfP1: keys.deals.infinite({ pipelineId: 'pip_1' }),
  boardOfP2: keys.deals.list({ pipelineId: 'pip_2' }),
  allDeals: keys.deals.list(),
  movedDeal: keys.deals.detail('deal_1'),
  movedDealHistory: keys.deals.history('deal_1'),
  otherDeal: keys.deals.detail('deal_2'),
  metrics: keys.metrics.query({ names: 'win_rate' }),
  contact: keys.contacts.detail('con_1'),
  contactInsights: keys.contacts.insights('con_1'),
  contactLifecycle: keys.contacts.lifecycle('con_1'),
  contactList: keys.contacts.list({ q: 'ada' }),
  otherContact: keys.contacts.detail('con_2'),
  summaryStars: keys.ratings.summary({ subject: 'product:chair', scale: 'stars5' }),
  summaryNps: keys.ratings.summary({ subject: 'product:chair', scale: 'nps10' }),
  otherSummary: keys.ratings.summary({ subject: 'product:desk', scale: 'stars5' }),
  reviewsStars: keys.ratings.reviews({ subject: 'product:chair', scale: 'stars5', limit: 5 }),
  otherReviews: keys.ratings.reviews({ subject: 'product:desk', scale: 'stars5', limit: 5 }),
  ratings: keys.ratings.list(),
  pipelines: keys.pipelines.list(),
  pipelineBoardP1: keys.pipelines.board('pip_1'),
  pipelineBoardP2: keys.pipelines.board('pip_2'),
  activities: keys.activities.list({ contactId: 'con_1' }),
  tasksOfDeal: keys.activities.tasks({ dealId: 'deal_1' }),
};

describe('invalidation rules', () => {
  it("moving a deal invalidates that pipeline's board and deal lists, the deal, its contact and the metrics", async () => {
    const { queryClient, invalidated } = cacheWith(entries);
    await invalidate(
      queryClient,
      invalidationRules.dealMoved({ id: 'deal_1', pipelineId: 'pip_1', contactId: 'con_1' }),
    );
    expect(invalidated()).toEqual(
      [
        'allDeals',
        'boardOfP1',
        'contact',
        'contactInsights',
        'contactLifecycle',
        'contactList',
        'infiniteOfP1',
        'metrics',
        'movedDeal',
        'movedDealHistory',
        'stageOfP1',
      ].sort(),
    );
  });

  it("editing or creating a deal makes its pipeline's board stale (a move writes the board itself)", async () => {
    const { queryClient, invalidated } = cacheWith(entries);
    await invalidate(queryClient, invalidationRules.dealUpdated({ id: 'deal_1', pipelineId: 'pip_1' }));
    expect(invalidated()).toContain('pipelineBoardP1');
    expect(invalidated()).not.toContain('pipelineBoardP2');
  });

  it("a rating invalidates its subject's summaries, the contact and the metrics", async () => {
    const { queryClient, invalidated } = cacheWith(entries);
    await invalidate(
      queryClient,
      invalidationRules.ratingCreated({ subject: 'product:chair', contactId: 'con_1' }),
    );
    expect(invalidated()).toEqual(
      [
        'contact',
        'contactInsights',
        'contactLifecycle',
        'contactList',
        'metrics',
        'ratings',
        'reviewsStars',
        'summaryNps',
        'summaryStars',
      ].sort(),
    );
  });

  it("hiding or showing a rating invalidates its subject's reviews and the rating lists, not the summaries or metrics", async () => {
    const { queryClient, invalidated } = cacheWith(entries);
    await invalidate(queryClient, invalidationRules.ratingModerated({ subject: 'product:chair' }));
    expect(invalidated()).toEqual(['ratings', 'reviewsStars']);
  });

  it('a contact update invalidates that contact everywhere, insights included, and nothing of another contact', async () => {
    const { queryClient, invalidated } = cacheWith(entries);
    await invalidate(queryClient, invalidationRules.contactUpdated({ id: 'con_1' }));
    expect(invalidated()).toEqual(
      ['contact', 'contactInsights', 'contactLifecycle', 'contactList', 'metrics'].sort(),
    );
  });

  it("a task on a deal makes the open tasks and every board stale (the card's next activity), a logged touch does not", async () => {
    const task = { contactId: 'con_1', dealId: 'deal_1', dueAt: '2026-12-01T09:00:00.000Z' };
    for (const rule of [invalidationRules.activityCreated, invalidationRules.taskCompleted]) {
      const { queryClient, invalidated } = cacheWith(entries);
      await invalidate(queryClient, rule(task));
      expect(invalidated()).toEqual(
        ['activities', 'contactInsights', 'pipelineBoardP1', 'pipelineBoardP2', 'tasksOfDeal'].sort(),
      );
    }
    const { queryClient, invalidated } = cacheWith(entries);
    await invalidate(queryClient, invalidationRules.activityCreated({ ...task, dueAt: null }));
    expect(invalidated()).toEqual(['activities', 'contactInsights']);
  });
});

describe('invalidation rules of campaigns and touches', () => {
  const marketing = {
    funnel: keys.metrics.funnel({ channel: 'email' }),
    funnelEntries: keys.metrics.funnelEntries({ stage: 'sales_qualified', channel: 'email' }),
    report: keys.metrics.campaigns(),
    campaigns: keys.campaigns.list(),
    campaign: keys.campaigns.detail('cmp_1'),
    touches: keys.contacts.touches('con_1'),
    otherTouches: keys.contacts.touches('con_2'),
    contact: keys.contacts.detail('con_1'),
  };

  it('a new campaign makes the campaign lists, the funnel, its entries and the report stale, not a contact', async () => {
    const { queryClient, invalidated } = cacheWith(marketing);
    await invalidate(queryClient, invalidationRules.campaignCreated({ id: 'cmp_2' }));
    expect(invalidated()).toEqual(['campaigns', 'funnel', 'funnelEntries', 'report']);
  });

  it("a touch makes that contact's touches, the funnel, its entries and the report stale, nobody else's", async () => {
    const { queryClient, invalidated } = cacheWith(marketing);
    await invalidate(queryClient, invalidationRules.touchRecorded('con_1'));
    expect(invalidated()).toEqual(['funnel', 'funnelEntries', 'report', 'touches']);
  });

  it('an edited contact (renamed, or moved to another stage) makes the funnel and the entries that list it stale', async () => {
    const { queryClient, invalidated } = cacheWith(marketing);
    await invalidate(queryClient, invalidationRules.contactUpdated({ id: 'con_1' }));
    expect(invalidated()).toEqual(['contact', 'funnel', 'funnelEntries', 'report', 'touches']);
  });
});
