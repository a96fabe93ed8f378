import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import { ChorusPreconditionError, createChorusClient } from '../src/index.js';
import { chorusKeys as keys, createChorusQueries } from '../src/query/index.js';
import type { RecordedRequest } from './support/recording-fetch.js';
import { problem, recordingFetch } from './support/recording-fetch.js';

/** An API whose answer the test releases, so it can look at the cache while the request is in flight. */
function heldApi(answer: (request: RecordedRequest) => Response) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const { fetch, requests } = recordingFetch(async (request) => {
    await released;
    return answer(request);
  });
  const queries = createChorusQueries(
    createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch, maxRetries: 0 }),
  );
  return { queries, requests, release };
}

const deal = {
  id: 'deal_1',
  version: 3,
  pipelineId: 'pip_1',
  stageId: 'stg_lead',
  contactId: 'con_1',
  title: 'Chairs',
} as const;
const otherDeal = { ...deal, id: 'deal_2', title: 'Desks' };

function seededDeals(queryClient: QueryClient) {
  queryClient.setQueryData(keys.deals.detail(deal.id), deal as never);
  queryClient.setQueryData(keys.deals.list({ pipelineId: 'pip_1' }), {
    data: [deal, otherDeal],
    nextCursor: null,
  } as never);
  queryClient.setQueryData(keys.deals.list({ pipelineId: 'pip_1', stageId: 'stg_lead' }), {
    data: [deal, otherDeal],
    nextCursor: null,
  } as never);
  queryClient.setQueryData(keys.deals.list({ pipelineId: 'pip_1', stageId: 'stg_won' }), {
    data: [],
    nextCursor: null,
  } as never);
}

const stageIds = (queryClient: QueryClient, stageId?: string) =>
  queryClient
    .getQueryData(keys.deals.list(stageId ? { pipelineId: 'pip_1', stageId } : { pipelineId: 'pip_1' }))
    ?.data.map((item) => `${item.id}:${item.stageId}`);

describe('optimistic updates', () => {
  it('shows a moved deal in its new stage at once and rolls back when the API refuses', async () => {
    const { queries, requests, release } = heldApi(() => problem(412, '/problems/precondition-failed'));
    const queryClient = new QueryClient();
    seededDeals(queryClient);

    const mutation = new MutationObserver(queryClient, queries.deals.move());
    const settled = mutation.mutate({ deal, stageId: 'stg_won' }).catch((error: unknown) => error);
    await vi.waitFor(() => expect(requests).toHaveLength(1));

    expect(queryClient.getQueryData(keys.deals.detail(deal.id))?.stageId).toBe('stg_won');
    expect(stageIds(queryClient)).toEqual(['deal_1:stg_won', 'deal_2:stg_lead']);
    expect(stageIds(queryClient, 'stg_lead')).toEqual(['deal_2:stg_lead']);
    expect(stageIds(queryClient, 'stg_won')).toEqual(['deal_1:stg_won']);
    expect(requests[0]).toMatchObject({ method: 'PATCH', body: '{"stageId":"stg_won"}' });
    expect(requests[0]?.headers.get('if-match')).toBe('"3"');

    release();
    expect(await settled).toBeInstanceOf(ChorusPreconditionError);
    expect(queryClient.getQueryData(keys.deals.detail(deal.id))?.stageId).toBe('stg_lead');
    expect(stageIds(queryClient)).toEqual(['deal_1:stg_lead', 'deal_2:stg_lead']);
    expect(stageIds(queryClient, 'stg_lead')).toEqual(['deal_1:stg_lead', 'deal_2:stg_lead']);
    expect(stageIds(queryClient, 'stg_won')).toEqual([]);
  });

  it('keeps a moved deal where it went when the API accepts', async () => {
    const { queries, release } = heldApi(() => Response.json({ ...deal, stageId: 'stg_won', version: 4 }));
    const queryClient = new QueryClient();
    seededDeals(queryClient);
    const mutation = new MutationObserver(queryClient, queries.deals.move());
    const settled = mutation.mutate({ deal, stageId: 'stg_won' });
    release();
    await settled;
    expect(queryClient.getQueryData(keys.deals.detail(deal.id))?.stageId).toBe('stg_won');
  });

  it("moves the deal on its pipeline's board at once, takes the server's copy, and rolls back on refusal", async () => {
    const board = (queryClient: QueryClient) =>
      queryClient
        .getQueryData(keys.pipelines.board('pip_1'))
        ?.deals.map((item) => `${item.id}:${item.stageId}:${item.version}`);
    const stages = ['stg_lead', 'stg_won', 'stg_lost'].map((id) => ({
      id,
      kind: id.slice(4) === 'lead' ? 'open' : id.slice(4),
      probability: 0.5,
    }));
    const seed = (queryClient: QueryClient) =>
      queryClient.setQueryData(keys.pipelines.board('pip_1'), {
        pipeline: { id: 'pip_1', stages },
        deals: [
          { ...deal, stageEnteredAt: '2026-01-01T00:00:00.000Z', rank: 'a0', status: 'open' },
          { ...otherDeal, stageEnteredAt: '2026-01-01T00:00:00.000Z', rank: 'a1', status: 'open' },
        ],
      } as never);

    const refused = heldApi(() => problem(412, '/problems/precondition-failed'));
    const queryClient = new QueryClient();
    seed(queryClient);
    const mutation = new MutationObserver(queryClient, refused.queries.deals.move());
    const settled = mutation
      .mutate({ deal, stageId: 'stg_lost', lostReason: 'Budget cut' })
      .catch((error: unknown) => error);
    await vi.waitFor(() => expect(refused.requests).toHaveLength(1));
    expect(board(queryClient)).toEqual(['deal_1:stg_lost:3', 'deal_2:stg_lead:3']);
    // The status follows the stage at once, as the server will set it.
    expect(queryClient.getQueryData(keys.pipelines.board('pip_1'))?.deals[0]?.status).toBe('lost');
    expect(refused.requests[0]?.body).toBe('{"stageId":"stg_lost","lostReason":"Budget cut"}');
    refused.release();
    expect(await settled).toBeInstanceOf(ChorusPreconditionError);
    expect(board(queryClient)).toEqual(['deal_1:stg_lead:3', 'deal_2:stg_lead:3']);

    const accepted = heldApi(() =>
      Response.json({
        ...deal,
        stageId: 'stg_won',
        status: 'won',
        version: 4,
        rank: 'a5',
        stageEnteredAt: '2026-02-02T00:00:00.000Z',
      }),
    );
    const second = new MutationObserver(queryClient, accepted.queries.deals.move());
    const done = second.mutate({ deal, stageId: 'stg_won' });
    accepted.release();
    await done;
    expect(board(queryClient)).toEqual(['deal_1:stg_won:4', 'deal_2:stg_lead:3']);
    expect(queryClient.getQueryData(keys.pipelines.board('pip_1'))?.deals[0]).toMatchObject({
      stageEnteredAt: '2026-02-02T00:00:00.000Z',
      rank: 'a5',
      status: 'won',
    });
  });

  it('shows a contact edit in its detail and in lists at once, and rolls back when the API refuses', async () => {
    const { queries, requests, release } = heldApi(() => problem(409, '/problems/lifecycle-rule'));
    const queryClient = new QueryClient();
    const contact = { id: 'con_1', version: 2, firstName: 'Ada', lastName: 'Lovelace' };
    queryClient.setQueryData(keys.contacts.detail('con_1'), contact as never);
    queryClient.setQueryData(keys.contacts.infinite({}), {
      pages: [{ data: [contact, { ...contact, id: 'con_2', firstName: 'Grace' }], nextCursor: null }],
      pageParams: [undefined],
    } as never);

    const mutation = new MutationObserver(queryClient, queries.contacts.update());
    const settled = mutation
      .mutate({ id: 'con_1', version: 2, changes: { firstName: 'Augusta' } })
      .catch(() => {});
    await vi.waitFor(() => expect(requests).toHaveLength(1));

    const names = () =>
      queryClient.getQueryData(keys.contacts.infinite({}))?.pages[0]?.data.map((item) => item.firstName);
    expect(queryClient.getQueryData(keys.contacts.detail('con_1'))?.firstName).toBe('Augusta');
    expect(names()).toEqual(['Augusta', 'Grace']);

    release();
    await settled;
    expect(queryClient.getQueryData(keys.contacts.detail('con_1'))?.firstName).toBe('Ada');
    expect(names()).toEqual(['Ada', 'Grace']);
  });

  it("shows a logged call on its contact's timeline at once, a task among the open tasks, and takes both back when refused", async () => {
    const { queries, requests, release } = heldApi(() => problem(422, '/problems/validation'));
    const queryClient = new QueryClient();
    const old = {
      id: 'act_old',
      type: 'note',
      contactId: 'con_1',
      dealId: null,
      body: 'Earlier',
      dueAt: null,
    };
    const later = { ...old, id: 'act_later', dueAt: '2099-01-01T00:00:00.000Z', completedAt: null };
    queryClient.setQueryData(keys.activities.list({ contactId: 'con_1' }), {
      data: [old],
      nextCursor: null,
    } as never);
    queryClient.setQueryData(keys.activities.list({ contactId: 'con_2' }), {
      data: [],
      nextCursor: null,
    } as never);
    queryClient.setQueryData(keys.activities.tasks({ contactId: 'con_1' }), {
      data: [later],
      nextCursor: null,
    } as never);
    const ids = (key: readonly unknown[]) =>
      (queryClient.getQueryData(key as never) as { data: { body: string }[] }).data.map((item) => item.body);

    const mutation = new MutationObserver(queryClient, queries.activities.create());
    const call = mutation.mutate({ type: 'call', contactId: 'con_1', body: 'Rang them' }).catch(() => {});
    const task = mutation
      .mutate({ type: 'email', contactId: 'con_1', body: 'Send quote', dueAt: '2098-01-01T00:00:00.000Z' })
      .catch(() => {});
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    expect(ids(keys.activities.list({ contactId: 'con_1' }))).toEqual(['Send quote', 'Rang them', 'Earlier']);
    expect(ids(keys.activities.list({ contactId: 'con_2' }))).toEqual([]);
    expect(ids(keys.activities.tasks({ contactId: 'con_1' }))).toEqual(['Send quote', 'Earlier']);

    release();
    await Promise.all([call, task]);
    expect(ids(keys.activities.list({ contactId: 'con_1' }))).toEqual(['Earlier']);
    expect(ids(keys.activities.tasks({ contactId: 'con_1' }))).toEqual(['Earlier']);
  });
});
