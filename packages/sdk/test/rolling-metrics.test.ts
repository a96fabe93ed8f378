import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createChorusClient } from '../src/index.js';
import {
  chorusKeys as keys,
  createChorusQueries,
  invalidate,
  invalidationRules,
} from '../src/query/index.js';
import { recordingFetch } from './support/recording-fetch.js';

const metricsResponse = () => Response.json({ currency: 'EUR', data: [] });

describe('rolling metrics', () => {
  it('are keyed by the window and dated at each fetch, so a refetch after a move asks up to the new now', async () => {
    const { fetch, requests } = recordingFetch(metricsResponse);
    const queries = createChorusQueries(
      createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch }),
    );
    const queryClient = new QueryClient();
    let now = '2026-11-25T10:00:00.000Z';
    const options = queries.rollingMetrics({ names: 'win_rate', window: '30d' }, () => ({
      from: '2026-10-26T10:00:00.000Z',
      to: now,
    }));
    expect(options.queryKey).toEqual(keys.metrics.rolling({ names: 'win_rate', window: '30d' }));

    const observer = new QueryObserver(queryClient, options);
    const unsubscribe = observer.subscribe(() => {});
    await expect.poll(() => requests.length).toBe(1);

    now = '2026-11-25T10:00:42.000Z';
    await invalidate(
      queryClient,
      invalidationRules.dealMoved({ id: 'deal_1', pipelineId: 'pip_1', contactId: null }),
    );
    await expect.poll(() => requests.length).toBe(2);
    expect(requests.map((request) => new URL(request.url).searchParams.get('to'))).toEqual([
      '2026-11-25T10:00:00.000Z',
      '2026-11-25T10:00:42.000Z',
    ]);
    expect(new URL(requests[1]!.url).searchParams.get('names')).toBe('win_rate');
    // The window's name stays in the key; the API is never sent it.
    expect(new URL(requests[1]!.url).searchParams.has('window')).toBe(false);
    unsubscribe();
  });

  it('send the comparison and key it, so a year-ago tile does not share a previous-period tile’s answer', async () => {
    const { fetch, requests } = recordingFetch(metricsResponse);
    const queries = createChorusQueries(
      createChorusClient({ baseUrl: 'https://api.test', apiKey: 'k', fetch }),
    );
    const range = () => ({ from: '2026-10-26T10:00:00.000Z', to: '2026-11-25T10:00:00.000Z' });
    const yearAgo = queries.rollingMetrics({ names: 'win_rate', window: '30d', compare: 'year-ago' }, range);
    const previous = queries.rollingMetrics({ names: 'win_rate', window: '30d' }, range);
    expect(yearAgo.queryKey).not.toEqual(previous.queryKey);
    await new QueryClient().fetchQuery(yearAgo);
    expect(new URL(requests[0]!.url).searchParams.get('compare')).toBe('year-ago');
  });
});
