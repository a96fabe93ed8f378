import type { TestApi } from '@chorus/api/testing';
import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChorusClient, createChorusClient } from '../../src/index.js';
import { chorusKeys, createChorusQueries } from '../../src/query/index.js';
import { sharedApi } from './shared-api.js';

let api: TestApi;
let chorus: ChorusClient;

beforeAll(async () => {
  api = await sharedApi();
  chorus = createChorusClient({ baseUrl: api.url, apiKey: api.secretKey });
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('tasks and lost reasons through the query layer', () => {
  it("schedules a task that becomes the deal's next activity on a board being watched, and completes it", async () => {
    const queryClient = new QueryClient();
    const queries = createChorusQueries(chorus);
    const pipeline = (await chorus.get('/v1/pipelines')).data[0]!;
    const contact = await chorus.post('/v1/contacts', { body: { firstName: 'Tess', lastName: 'Task' } });
    const deal = await chorus.post('/v1/deals', {
      body: {
        title: 'SDK task deal',
        value: { amount: 5000, currency: 'EUR' },
        pipelineId: pipeline.id,
        contactId: contact.id,
      },
    });
    // A board and a task list on screen: both refetch when the task is made and when it is done.
    const board = new QueryObserver(
      queryClient,
      queries.pipelines.board(pipeline.id, { q: 'SDK task deal' }),
    );
    const tasks = new QueryObserver(queryClient, queries.activities.tasks({ dealId: deal.id }));
    const stopBoard = board.subscribe(() => {});
    const stopTasks = tasks.subscribe(() => {});
    try {
      await board.refetch();
      await tasks.refetch();
      const card = () => board.getCurrentResult().data?.deals.find((d) => d.id === deal.id);
      expect(card()?.nextActivity).toBeNull();
      expect(tasks.getCurrentResult().data?.data).toEqual([]);

      const schedule = queries.activities.create();
      const task = await schedule.mutationFn!(
        { type: 'call', contactId: contact.id, dealId: deal.id, dueAt: inDays(1), body: 'Call back' },
        { client: queryClient, meta: undefined },
      );
      await schedule.onSuccess!(task, { type: 'call', contactId: contact.id }, [], {
        client: queryClient,
        meta: undefined,
      });
      expect(card()?.nextActivity).toMatchObject({ id: task.id, body: 'Call back' });
      expect(tasks.getCurrentResult().data?.data.map((t) => t.id)).toEqual([task.id]);

      const complete = queries.activities.complete();
      const done = await complete.mutationFn!(task, { client: queryClient, meta: undefined });
      expect(done.completedAt).not.toBeNull();
      await complete.onSuccess!(done, task, undefined, { client: queryClient, meta: undefined });
      expect(card()?.nextActivity).toBeNull();
      expect(tasks.getCurrentResult().data?.data).toEqual([]);
    } finally {
      stopBoard();
      stopTasks();
    }
  });

  it("reads the workspace's lost reasons under one key", async () => {
    const queryClient = new QueryClient();
    const queries = createChorusQueries(chorus);
    const reasons = await queryClient.fetchQuery(queries.deals.lostReasons());
    expect(reasons.data.map((r) => r.label)).toContain('Chose a competitor');
    expect(queryClient.getQueryData(chorusKeys.lostReasons())).toBe(reasons);
  });
});
