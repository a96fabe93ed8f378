import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { ActivityFilters, WithoutCursor } from './types.js';

export function activityQueries(chorus: ChorusClient) {
  return {
    list: (filters: ActivityFilters = {}) =>
      queryOptions({
        queryKey: keys.activities.list(filters),
        queryFn: ({ signal }) => chorus.get('/v1/activities', { params: { query: filters }, signal }),
      }),

    infinite: (filters: WithoutCursor<ActivityFilters> = {}) =>
      infiniteQueryOptions(keys.activities.infinite(filters), (cursor, signal) =>
        chorus.get('/v1/activities', { params: { query: { ...filters, cursor } }, signal }),
      ),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateActivity']) =>
          chorus.post('/v1/activities', { body }),
        onSuccess: (activity, _body, _result, { client }) =>
          invalidate(client, invalidationRules.activityCreated(activity)),
      }),
  };
}
