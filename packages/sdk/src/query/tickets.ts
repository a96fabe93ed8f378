import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { editHeaders, infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { TicketFilters, WithoutCursor } from './types.js';

export interface TicketEdit {
  id: string;
  version: number;
  changes: components['schemas']['UpdateTicket'];
  /**
   * To send the edit again after it failed without a clear answer (a network error, a timeout, a
   * 5xx): its error's `idempotencyKey`. The API then replays the edit if the first one was applied,
   * where a new request would meet the record's new version and be refused with 412.
   */
  idempotencyKey?: string;
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
        mutationFn: ({ id, version, changes, idempotencyKey }: TicketEdit) =>
          chorus.patch('/v1/tickets/{id}', {
            params: { path: { id }, header: editHeaders(version, idempotencyKey) },
            body: changes,
          }),
        onSuccess: (ticket, _edit, _result, { client }) =>
          invalidate(client, invalidationRules.ticketChanged(ticket)),
      }),
  };
}
