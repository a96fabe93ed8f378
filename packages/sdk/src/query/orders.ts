import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { OrderFilters, WithoutCursor } from './types.js';

export function orderQueries(chorus: ChorusClient) {
  return {
    list: (filters: OrderFilters = {}) =>
      queryOptions({
        queryKey: keys.orders.list(filters),
        queryFn: ({ signal }) => chorus.get('/v1/orders', { params: { query: filters }, signal }),
      }),

    infinite: (filters: WithoutCursor<OrderFilters> = {}) =>
      infiniteQueryOptions(keys.orders.infinite(filters), (cursor, signal) =>
        chorus.get('/v1/orders', { params: { query: { ...filters, cursor } }, signal }),
      ),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateOrder']) => chorus.post('/v1/orders', { body }),
        onSuccess: (order, _body, _result, { client }) =>
          invalidate(client, invalidationRules.orderCreated(order)),
      }),
  };
}
