import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { ifMatch, infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { TicketFilters, WithoutCursor } from './types.js';

export interface TicketEdit {
  id: string;
  version: number;
  changes: components['schemas']['UpdateTicket'];
}

export function ticketQueries(chorus: ChorusClient) {
  return {
    list: (filters: TicketFilters = {}) =>
      queryOptions({
        queryKey: keys.tickets.list(filters),
        queryFn: ({ signal }) => chorus.get('/v1/tickets', { params: { query: filters }, signal }),
      }),

    infinite: (filters: WithoutCursor<TicketFilters> = {}) =>
      infiniteQueryOptions(keys.tickets.infinite(filters), (cursor, signal) =>
        chorus.get('/v1/tickets', { params: { query: { ...filters, cursor } }, signal }),
      ),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateTicket']) => chorus.post('/v1/tickets', { body }),
        onSuccess: (ticket, _body, _result, { client }) =>
          invalidate(client, invalidationRules.ticketChanged(ticket)),
      }),

    update: () =>
      mutationOptions({
        mutationFn: ({ id, version, changes }: TicketEdit) =>
          chorus.patch('/v1/tickets/{id}', {
            params: { path: { id }, header: ifMatch(version) },
            body: changes,
          }),
        onSuccess: (ticket, _edit, _result, { client }) =>
          invalidate(client, invalidationRules.ticketChanged(ticket)),
      }),
  };
}
