import type { TestApi } from '@chorus/api/testing';
import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createChorusClient, type PipelineBoard } from '../../src/index.js';
import { chorusKeys, compareRank, createChorusQueries } from '../../src/query/index.js';
import { sharedApi } from './shared-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await sharedApi();
});

/** A client of its own (a browser tab, a reload): its own cache over the same API. */
function newClient(secretKey: string) {
  const queries = createChorusQueries(createChorusClient({ baseUrl: api.url, apiKey: secretKey }));
  return { queries, queryClient: new QueryClient() };
}

const titles = (board: Pick<PipelineBoard, 'deals'>, stageId: string) =>
  board.deals
    .filter((deal) => deal.stageId === stageId)
    .sort(compareRank)
    .map((deal) => deal.title);

/** A fresh workspace, a client on its secret key, and a pipeline of Lead in (at `leadProbability`), Won and Lost. */
async function salesPipeline(leadProbability: number) {
  const ws = await api.createWorkspace();
  const chorus = createChorusClient({ baseUrl: api.url, apiKey: ws.secretKey });
  const pipeline = await chorus.post('/v1/pipelines', {
    body: {
      name: 'Sales',
      stages: [
        { name: 'Lead in', probability: leadProbability, definition: '' },
        { name: 'Won', kind: 'won', probability: 1, definition: '' },
        { name: 'Lost', kind: 'lost', probability: 0, definition: '' },
      ],
    },
  });
  return { ws, chorus, pipeline };
}

describe('the board through the query layer', () => {
  it('moves a deal within its column; a reload and a second client find it in the same place', async () => {
    const { ws, chorus, pipeline } = await salesPipeline(0.1);
    const lead = pipeline.stages[0]!.id;
    for (const title of ['Monitors', 'Desks', 'Chairs']) {
      await chorus.post('/v1/deals', {
        body: { title, value: { amount: 1000, currency: 'EUR' }, pipelineId: pipeline.id, stageId: lead },
      });
    }
    const first = newClient(ws.secretKey);
    const board = await first.queryClient.fetchQuery(first.queries.pipelines.board(pipeline.id));
    expect(titles(board, lead)).toEqual(['Monitors', 'Desks', 'Chairs']);
    const chairs = board.deals.find((deal) => deal.title === 'Chairs')!;
    const monitors = board.deals.find((deal) => deal.title === 'Monitors')!;

    const move = new MutationObserver(first.queryClient, first.queries.deals.move());
    const saving = move.mutate({
      deal: { ...chairs, pipelineId: pipeline.id },
      stageId: lead,
      after: monitors.id,
    });
    // Optimistically (and then from the server's copy): the cached board shows the new order.
    await vi.waitFor(() =>
      expect(titles(first.queryClient.getQueryData(chorusKeys.pipelines.board(pipeline.id))!, lead)).toEqual([
        'Monitors',
        'Chairs',
        'Desks',
      ]),
    );
    const saved = await saving;
    expect(saved.version).toBe(chairs.version + 1);
    const cached = first.queryClient.getQueryData(chorusKeys.pipelines.board(pipeline.id))!;
    expect(cached.deals.find((deal) => deal.id === chairs.id)?.rank).toBe(saved.rank);

    // A reload (a new cache) and another user's client read the same order from the server.
    for (const other of [newClient(ws.secretKey), newClient(ws.secretKey)]) {
      const again = await other.queryClient.fetchQuery(other.queries.pipelines.board(pipeline.id));
      expect(titles(again, lead)).toEqual(['Monitors', 'Chairs', 'Desks']);
    }
  });

  it("loads a column's next page into the cached board; the figures stay the server's", async () => {
    const { ws, chorus, pipeline } = await salesPipeline(0.5);
    const lead = pipeline.stages[0]!.id;
    for (let i = 0; i < 5; i++) {
      await chorus.post('/v1/deals', {
        body: {
          title: `Deal ${i}`,
          value: { amount: 100, currency: 'EUR' },
          pipelineId: pipeline.id,
          stageId: lead,
        },
      });
    }
    const { queries, queryClient } = newClient(ws.secretKey);
    const view = { sort: 'board' as const };
    const board = await queryClient.fetchQuery(queries.pipelines.board(pipeline.id, view, 2));
    expect(titles(board, lead)).toEqual(['Deal 0', 'Deal 1']);
    expect(board.stages[0]).toMatchObject({ count: 5, total: 500, weighted: 250 });

    const more = new MutationObserver(queryClient, queries.pipelines.nextColumnPage());
    const key = chorusKeys.pipelines.board(pipeline.id, view);
    while (queryClient.getQueryData(key)!.stages[0]!.nextCursor) {
      const cursor = queryClient.getQueryData(key)!.stages[0]!.nextCursor!;
      await more.mutate({ pipelineId: pipeline.id, stageId: lead, view, cursor, limit: 2 });
    }
    const full = queryClient.getQueryData(key)!;
    expect(titles(full, lead)).toEqual(['Deal 0', 'Deal 1', 'Deal 2', 'Deal 3', 'Deal 4']);
    expect(full.stages[0]).toMatchObject({ count: 5, total: 500, weighted: 250, nextCursor: null });
  });
});
