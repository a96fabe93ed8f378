import type { TestApi } from '@chorus/api/testing';
import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChangeEvent, createChangeFeed } from '../../src/change-feed.js';
import { ChorusAuthError, createChorusClient, type FetchLike } from '../../src/index.js';
import { chorusKeys, createChorusQueries, followChanges } from '../../src/query/index.js';
import { sharedApi } from './shared-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await sharedApi();
});

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function until(predicate: () => boolean, message: string, timeoutMs = 5_000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A workspace with a pipeline of Lead in and Demo, and one deal in Lead in. */
async function workspaceWithDeal() {
  const ws = await api.createWorkspace();
  const chorus = createChorusClient({ baseUrl: api.url, apiKey: ws.secretKey });
  const pipeline = await chorus.post('/v1/pipelines', {
    body: {
      name: 'Sales',
      stages: [
        { name: 'Lead in', probability: 0.1, definition: '' },
        { name: 'Demo', probability: 0.5, definition: '' },
        { name: 'Won', kind: 'won', probability: 1, definition: '' },
        { name: 'Lost', kind: 'lost', probability: 0, definition: '' },
      ],
    },
  });
  const lead = pipeline.stages[0]!;
  const demo = pipeline.stages[1]!;
  const deal = await chorus.post('/v1/deals', {
    body: {
      title: 'Desks',
      value: { amount: 80_000, currency: 'EUR' },
      pipelineId: pipeline.id,
      stageId: lead.id,
    },
  });
  return { ws, chorus, pipeline, lead, demo, deal };
}

/** A second person: their own client and cache, following the workspace's changes. */
function follower(secretKey: string, fetch?: FetchLike) {
  const options = { baseUrl: api.url, apiKey: secretKey, ...(fetch ? { fetch } : {}) };
  const chorus = createChorusClient(options);
  const queryClient = new QueryClient();
  const seen: ChangeEvent[] = [];
  const connections: boolean[] = [];
  stops.push(
    followChanges(queryClient, createChangeFeed({ ...options, minDelayMs: 20 }), {
      onChange: (event) => seen.push(event),
      onConnection: (open) => connections.push(open),
    }),
  );
  return { chorus, queryClient, queries: createChorusQueries(chorus), seen, connections };
}

describe('following the workspace’s changes', () => {
  it('moves a deal on another person’s cached board within a second, and makes their metrics stale', async () => {
    const { ws, chorus, pipeline, demo, deal } = await workspaceWithDeal();
    const other = follower(ws.secretKey);
    const boardKey = chorusKeys.pipelines.board(pipeline.id);
    await other.queryClient.fetchQuery(other.queries.pipelines.board(pipeline.id));
    const metricsKey = chorusKeys.metrics.query({ names: 'win_rate' });
    await other.queryClient.fetchQuery(other.queries.metrics({ names: 'win_rate' }));
    await until(() => other.connections.includes(true), 'the stream to open');

    await chorus.patch('/v1/deals/{id}', {
      params: { path: { id: deal.id }, header: { 'if-match': `"${deal.version}"` } },
      body: { stageId: demo.id },
    });
    const moved = () => other.queryClient.getQueryData(boardKey)?.deals.find((d) => d.id === deal.id);
    await until(() => moved()?.stageId === demo.id, 'the move on the other board', 2_000);
    expect(moved()).toMatchObject({ stageId: demo.id, version: deal.version + 1 });
    // The stage figures follow the card.
    const figures = other.queryClient.getQueryData(boardKey)!.stages!;
    expect(figures.find((s) => s.stageId === demo.id)).toMatchObject({ count: 1, total: 80_000 });
    await until(() => other.queryClient.getQueryState(metricsKey)?.isInvalidated === true, 'stale metrics');
    expect(other.seen.map((e) => e.type)).toContain('deal.moved');
  });

  it('leaves a board alone when the change is its own move, already written back', async () => {
    const { ws, pipeline, demo, deal } = await workspaceWithDeal();
    const self = follower(ws.secretKey);
    const boardKey = chorusKeys.pipelines.board(pipeline.id);
    const board = await self.queryClient.fetchQuery(self.queries.pipelines.board(pipeline.id));
    await until(() => self.connections.includes(true), 'the stream to open');
    const move = new MutationObserver(self.queryClient, self.queries.deals.move());
    await move.mutate({ deal: { ...board.deals[0]!, pipelineId: pipeline.id }, stageId: demo.id });
    await until(() => self.seen.some((e) => e.type === 'deal.moved'), 'the echo of the move');
    const after = self.queryClient.getQueryData(boardKey)!;
    expect(after.deals[0]).toMatchObject({ stageId: demo.id, version: deal.version + 1 });
    expect(after.stages!.find((s) => s.stageId === demo.id)?.count).toBe(1);
  });

  it('opens one stream per feed however many follow it, and closes it with the last', async () => {
    const { ws } = await workspaceWithDeal();
    const feed = createChangeFeed({ baseUrl: api.url, apiKey: ws.secretKey });
    api.resetRequestLog();
    const open: boolean[] = [];
    const stopFirst = followChanges(new QueryClient(), feed);
    const stopSecond = followChanges(new QueryClient(), feed, { onConnection: (o) => open.push(o) });
    const stopThird = feed.subscribe({ change: () => {} });
    await until(() => open.includes(true), 'the stream to open');
    expect(api.requests.filter((r) => r.path === '/v1/events')).toHaveLength(1);
    stopFirst();
    stopSecond();
    stopThird();
    // A listener after the last left opens a new stream: the first one was closed.
    stops.push(feed.subscribe({ change: () => {}, connection: (o) => open.push(o) }));
    await until(() => open.filter((o) => o).length === 2, 'a second stream');
    expect(api.requests.filter((r) => r.path === '/v1/events')).toHaveLength(2);
  });

  it('resumes after a dropped connection with what it missed, each change once', async () => {
    const { ws, chorus, pipeline, lead, deal } = await workspaceWithDeal();
    // The network under the follower: the real stream, which the test can cut mid-way.
    const cuts: (() => void)[] = [];
    const cuttable: FetchLike = async (request) => {
      const response = await fetch(request);
      if (!new URL(request.url).pathname.endsWith('/v1/events') || !response.body) return response;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          cuts.push(() => {
            controller.error(new TypeError('network connection lost'));
            void reader.cancel();
          });
        },
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const other = follower(ws.secretKey, cuttable);
    await until(() => other.connections.includes(true), 'the stream to open');
    const create = (title: string) =>
      chorus.post('/v1/deals', {
        body: { title, value: { amount: 100, currency: 'EUR' }, pipelineId: pipeline.id, stageId: lead.id },
      });
    const before = await create('Before the drop');
    await until(() => other.seen.some((e) => e.entityId === before.id), 'the first change');
    cuts.at(-1)!();
    const missed = [await create('While away 1'), await create('While away 2')];
    await until(() => other.connections.filter((open) => open).length === 2, 'the reconnect');
    await until(() => missed.every((d) => other.seen.some((e) => e.entityId === d.id)), 'the missed changes');
    const ids = other.seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // A resumed stream also re-reads the last seconds (a transaction that committed late), so the
    // workspace's first deal, made just before this follower connected, may come too: once, if at all.
    const created = other.seen.filter((e) => e.entityId !== deal.id).map((e) => e.entityId);
    expect(created).toEqual([before.id, ...missed.map((d) => d.id)]);
    expect(other.connections).toEqual([true, false, true]);
  });

  it('stops with a typed error when the key is refused, and opens nothing for a publishable key', async () => {
    const { ws } = await workspaceWithDeal();
    const errors: unknown[] = [];
    const publishable = createChangeFeed({ baseUrl: api.url, apiKey: ws.publishableKey });
    stops.push(publishable.subscribe({ change: () => {}, error: (error) => errors.push(error) }));
    await until(() => errors.length === 1, 'the refusal');
    expect(errors[0]).toBeInstanceOf(ChorusAuthError);
    expect((errors[0] as ChorusAuthError).status).toBe(403);
  });
});
