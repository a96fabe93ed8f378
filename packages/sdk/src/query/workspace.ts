import type { ChorusClient } from '../client.js';
import { chorusKeys as keys } from './keys.js';
import { queryOptions } from './options.js';
import type { MetricsParams } from './types.js';

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
  };
}
