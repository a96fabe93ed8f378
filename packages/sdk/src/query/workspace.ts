import type { ChorusClient } from '../client.js';
import { chorusKeys as keys } from './keys.js';
import { queryOptions } from './options.js';
import type { MetricsParams, RollingMetricsParams } from './types.js';

export function workspaceQueries(chorus: ChorusClient) {
  return {
    workspace: () =>
      queryOptions({
        queryKey: keys.workspace(),
        queryFn: ({ signal }) => chorus.get('/v1/workspace', { signal }),
      }),

    users: () =>
      queryOptions({
        queryKey: keys.users(),
        queryFn: ({ signal }) => chorus.get('/v1/users', { signal }),
      }),

    /** `names` is comma-separated, as the API takes it, so equal requests share one key. */
    metrics: (params: MetricsParams) =>
      queryOptions({
        queryKey: keys.metrics.query(params),
        queryFn: ({ signal }) => chorus.get('/v1/metrics', { params: { query: params }, signal }),
      }),

    /**
     * Metrics over a window that ends when the request is made ("the last 30 days"): keyed by the
     * window's name, with `from`, `to` and `interval` worked out by `resolve` at each fetch. A refetch
     * after an invalidation (a deal moved) then counts what just happened, where a dated range would
     * ask again for a window that closed before it.
     */
    rollingMetrics: (params: RollingMetricsParams, resolve: () => Omit<MetricsParams, 'names'>) =>
      queryOptions({
        queryKey: keys.metrics.rolling(params),
        queryFn: ({ signal }) => {
          const { window: _name, ...query } = params;
          return chorus.get('/v1/metrics', { params: { query: { ...query, ...resolve() } }, signal });
        },
      }),
  };
}
