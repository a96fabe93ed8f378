import type { TestApi } from '@chorus/api/testing';
import { sharedApi } from './shared-api.js';
import { QueryClient } from '@tanstack/query-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChorusClient, createChorusClient, paginate, paginatePages } from '../../src/index.js';
import { createChorusQueries } from '../../src/query/index.js';

let api: TestApi;
let chorus: ChorusClient;

beforeAll(async () => {
  api = await sharedApi();
  chorus = createChorusClient({ baseUrl: api.url, apiKey: api.secretKey });
});

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('every resource through the typed client', () => {
  it('workspace and users', async () => {
    const workspace = await chorus.get('/v1/workspace');
    const users = await chorus.get('/v1/users');
    expect(workspace.id).toBe(api.workspaceId);
    expect(users.data.length).toBeGreaterThan(0);
  });

  it('contacts: list, batch read, detail, insights, lifecycle, create, update', async () => {
    const page = await chorus.get('/v1/contacts', { params: { query: { limit: 3 } } });
    expect(page.data).toHaveLength(3);
    const ids = page.data.map((contact) => contact.id);
    const batch = await chorus.get('/v1/contacts', { params: { query: { ids: ids.join(',') } } });
    expect(batch.data.map((contact) => contact.id).sort()).toEqual([...ids].sort());

    const first = await chorus.get('/v1/contacts/{id}', { params: { path: { id: ids[0]! } } });
    expect(first.id).toBe(ids[0]);
    const insights = await chorus.get('/v1/contacts/{id}/insights', { params: { path: { id: first.id } } });
    expect(insights.contactId).toBe(first.id);
    const lifecycle = await chorus.get('/v1/contacts/{id}/lifecycle', { params: { path: { id: first.id } } });
    expect(Array.isArray(lifecycle.data)).toBe(true);

    const created = await chorus.post('/v1/contacts', {
      body: { firstName: 'Grace', lastName: 'Hopper', leadScore: 70, tags: ['navy'] },
    });
    const updated = await chorus.patch('/v1/contacts/{id}', {
      params: { path: { id: created.id }, header: ifMatch(created.version) },
      body: { title: 'Rear Admiral' },
    });
    expect(updated).toMatchObject({ id: created.id, title: 'Rear Admiral', version: created.version + 1 });
  });

  it('companies: list, batch read, detail, create, update', async () => {
    const page = await chorus.get('/v1/companies', { params: { query: { limit: 2 } } });
    const ids = page.data.map((company) => company.id);
    const batch = await chorus.get('/v1/companies', { params: { query: { ids: ids.join(',') } } });
    expect(batch.data).toHaveLength(ids.length);
    const detail = await chorus.get('/v1/companies/{id}', { params: { path: { id: ids[0]! } } });
    expect(detail.id).toBe(ids[0]);

    const created = await chorus.post('/v1/companies', {
      body: { name: 'Analytical Engines Ltd', domain: 'engines.example' },
    });
    const updated = await chorus.patch('/v1/companies/{id}', {
      params: { path: { id: created.id }, header: ifMatch(created.version) },
      body: { industry: 'Computing' },
    });
    expect(updated.industry).toBe('Computing');
  });

  it('pipelines and deals: list, detail, create, move to won, history', async () => {
    const pipelines = await chorus.get('/v1/pipelines');
    const pipeline = await chorus.get('/v1/pipelines/{id}', {
      params: { path: { id: pipelines.data[0]!.id } },
    });
    expect(pipeline.stages.length).toBeGreaterThan(2);

    const created = await chorus.post('/v1/pipelines', {
      body: {
        name: 'Renewals',
        stages: [
          { name: 'Due', kind: 'open', probability: 0.5, definition: 'Renewal date within 90 days.' },
          { name: 'Renewed', kind: 'won', probability: 1, definition: 'Signed.' },
          { name: 'Lost', kind: 'lost', probability: 0, definition: 'Declined.' },
        ],
      },
    });
    const won = created.stages.find((stage) => stage.kind === 'won')!;
    const contact = (await chorus.get('/v1/contacts', { params: { query: { limit: 1 } } })).data[0]!;
    const deal = await chorus.post('/v1/deals', {
      body: {
        title: 'Renewal 2026',
        pipelineId: created.id,
        contactId: contact.id,
        value: { amount: 120000, currency: 'EUR' },
      },
    });
    const moved = await chorus.patch('/v1/deals/{id}', {
      params: { path: { id: deal.id }, header: ifMatch(deal.version) },
      body: { stageId: won.id },
    });
    expect(moved).toMatchObject({ stageId: won.id, status: 'won' });

    const history = await chorus.get('/v1/deals/{id}/history', { params: { path: { id: deal.id } } });
    expect(history.data.map((entry) => entry.stageId)).toContain(won.id);
    const inPipeline = await chorus.get('/v1/deals', { params: { query: { pipelineId: created.id } } });
    expect(inPipeline.data.map((item) => item.id)).toEqual([deal.id]);
    expect((await chorus.get('/v1/deals/{id}', { params: { path: { id: deal.id } } })).version).toBe(
      moved.version,
    );
  });

  it('activities, orders and tickets: list and create; tickets update', async () => {
    const contact = (await chorus.get('/v1/contacts', { params: { query: { limit: 1 } } })).data[0]!;
    const activity = await chorus.post('/v1/activities', {
      body: { contactId: contact.id, type: 'call', body: 'Intro call' },
    });
    const activities = await chorus.get('/v1/activities', {
      params: { query: { contactId: contact.id, limit: 200 } },
    });
    expect(activities.data.map((item) => item.id)).toContain(activity.id);

    const order = await chorus.post('/v1/orders', {
      body: { contactId: contact.id, amount: { amount: 4999, currency: 'EUR' } },
    });
    const orders = await chorus.get('/v1/orders', {
      params: { query: { contactId: contact.id, limit: 200 } },
    });
    expect(orders.data.map((item) => item.id)).toContain(order.id);

    const ticket = await chorus.post('/v1/tickets', {
      body: { contactId: contact.id, subject: 'Invoice missing' },
    });
    const resolved = await chorus.patch('/v1/tickets/{id}', {
      params: { path: { id: ticket.id }, header: ifMatch(ticket.version) },
      body: { status: 'resolved' },
    });
    expect(resolved.status).toBe('resolved');
    const tickets = await chorus.get('/v1/tickets', {
      params: { query: { contactId: contact.id, limit: 200 } },
    });
    expect(tickets.data.map((item) => item.id)).toContain(ticket.id);
  });

  it('ratings: create, list, public submission and public summary', async () => {
    const rating = await chorus.post('/v1/ratings', {
      body: { subject: 'product:sdk-test', scale: 'stars5', score: 4 },
    });
    const ratings = await chorus.get('/v1/ratings', { params: { query: { subject: 'product:sdk-test' } } });
    expect(ratings.data.map((item) => item.id)).toEqual([rating.id]);

    const widget = createChorusClient({ baseUrl: api.url, apiKey: api.publishableKey });
    const origin = { Origin: api.allowedOrigin };
    await widget.post('/v1/public/ratings', {
      body: { subject: 'product:sdk-test', scale: 'stars5', score: 2, elapsedMs: 5000 },
      headers: origin,
    });
    const summary = await widget.get('/v1/public/ratings/summary', {
      params: { query: { subject: 'product:sdk-test', scale: 'stars5' } },
      headers: origin,
    });
    expect(summary).toMatchObject({ subject: 'product:sdk-test', count: 2, average: 3 });
  });

  it('reviews: a page at a time through the query layer; a moderator hides one and the reviews refetch without it', async () => {
    const subject = 'product:sdk-reviews';
    const queryClient = new QueryClient();
    const queries = createChorusQueries(chorus);
    // The shop's page: its publishable key, from its origin (which a browser would send by itself).
    const fromShop: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      request.headers.set('Origin', api.allowedOrigin);
      return fetch(request);
    };
    const shop = createChorusQueries(
      createChorusClient({ baseUrl: api.url, apiKey: api.publishableKey, fetch: fromShop }),
    );
    const written = [];
    for (const [score, comment] of [
      [5, 'Superb.'],
      [1, 'Rude support.'],
      [3, 'Fine.'],
    ] as const)
      written.push(
        await chorus.post('/v1/ratings', { body: { subject, score, comment, source: 'website' } }),
      );
    await chorus.post('/v1/ratings', { body: { subject, score: 4 } });

    const reviews = shop.ratings.reviews({ subject, scale: 'stars5', limit: 2 });
    const observer = await queryClient.fetchInfiniteQuery({ ...reviews, pages: 2 });
    expect(observer.pages.flatMap((page) => page.data.map((review) => review.comment))).toEqual([
      'Fine.',
      'Rude support.',
      'Superb.',
    ]);

    const moderate = queries.ratings.moderate();
    const hidden = { id: written[0]!.id, hidden: true as const, reason: 'Names a member of staff.' };
    const moderated = await moderate.mutationFn!(hidden, undefined as never);
    expect(moderated).toMatchObject({ hidden: true, hiddenReason: 'Names a member of staff.' });
    await moderate.onSuccess!(moderated, hidden, undefined, { client: queryClient } as never);
    expect(queryClient.getQueryState(reviews.queryKey)?.isInvalidated).toBe(true);
    const again = await queryClient.fetchInfiniteQuery({ ...reviews, pages: 2 });
    expect(again.pages.flatMap((page) => page.data.map((review) => review.comment))).toEqual([
      'Fine.',
      'Rude support.',
    ]);
  });

  it('metrics', async () => {
    const metrics = await chorus.get('/v1/metrics', { params: { query: { names: 'win_rate,nps' } } });
    expect(metrics.data.map((metric) => metric.name)).toEqual(['win_rate', 'nps']);
  });
});

describe('paginate', () => {
  it('walks every page of a list and sees each record once', async () => {
    const pageSizes: number[] = [];
    for await (const page of paginatePages((cursor) =>
      chorus.get('/v1/contacts', { params: { query: { limit: 40, cursor } } }),
    )) {
      pageSizes.push(page.data.length);
    }
    const ids: string[] = [];
    for await (const contact of paginate((cursor) =>
      chorus.get('/v1/contacts', { params: { query: { limit: 40, cursor } } }),
    )) {
      ids.push(contact.id);
    }
    expect(pageSizes.length).toBeGreaterThan(3);
    expect(pageSizes.slice(0, -1).every((size) => size === 40)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(pageSizes.reduce((sum, size) => sum + size, 0));
  });
});

describe('query options against the real API', () => {
  it('every list and detail option fetches through a QueryClient', async () => {
    const queryClient = new QueryClient();
    const queries = createChorusQueries(chorus);
    const contacts = await queryClient.fetchQuery(queries.contacts.list({ limit: 2 }));
    const contactId = contacts.data[0]!.id;
    const pipelines = await queryClient.fetchQuery(queries.pipelines.list());
    const deals = await queryClient.fetchQuery(
      queries.deals.list({ pipelineId: pipelines.data[0]!.id, limit: 1 }),
    );
    const companies = await queryClient.fetchQuery(queries.companies.list({ limit: 1 }));

    const results = await Promise.all([
      queryClient.fetchQuery(queries.contacts.detail(contactId)),
      queryClient.fetchQuery(queries.contacts.insights(contactId)),
      queryClient.fetchQuery(queries.contacts.lifecycle(contactId)),
      queryClient.fetchQuery(queries.companies.detail(companies.data[0]!.id)),
      queryClient.fetchQuery(queries.pipelines.detail(pipelines.data[0]!.id)),
      queryClient.fetchQuery(queries.deals.detail(deals.data[0]!.id)),
      queryClient.fetchQuery(queries.deals.history(deals.data[0]!.id)),
      queryClient.fetchQuery(queries.activities.list({ limit: 1 })),
      queryClient.fetchQuery(queries.orders.list({ limit: 1 })),
      queryClient.fetchQuery(queries.tickets.list({ limit: 1 })),
      queryClient.fetchQuery(queries.ratings.list({ limit: 1 })),
      queryClient.fetchQuery(queries.metrics({ names: 'nps' })),
      queryClient.fetchQuery(queries.workspace()),
      queryClient.fetchQuery(queries.users()),
      queryClient.fetchInfiniteQuery(queries.deals.infinite({ limit: 5 })),
    ]);
    expect(results.every((result) => result !== undefined)).toBe(true);
    expect(results[0]).toMatchObject({ id: contactId });

    const infinite = await queryClient.fetchInfiniteQuery({
      ...queries.contacts.infinite({ limit: 10 }),
      pages: 3,
    });
    expect(infinite.pages).toHaveLength(3);
    expect(new Set(infinite.pages.flatMap((page) => page.data.map((item) => item.id))).size).toBe(30);
  });
});
