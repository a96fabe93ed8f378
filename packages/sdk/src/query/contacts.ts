import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { editHeaders, infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import { restoreSnapshot, rewriteList, takeSnapshot } from './optimistic.js';
import type { Contact, ContactFilters, WithoutCursor } from './types.js';

/** A contact edit: the fields to change and the `version` they were made against. */
export interface ContactEdit {
  id: string;
  version: number;
  changes: components['schemas']['UpdateContact'];
  /**
   * To send the edit again after it failed without a clear answer (a network error, a timeout, a
   * 5xx): its error's `idempotencyKey`. The API then replays the edit if the first one was applied,
   * where a new request would meet the record's new version and be refused with 412.
   */
  idempotencyKey?: string;
}

export function contactQueries(chorus: ChorusClient, loadContact: (id: string) => Promise<Contact>) {
  return {
    /** Batched: every detail read in one tick shares one `?ids=` request. */
    detail: (id: string) =>
      queryOptions({ queryKey: keys.contacts.detail(id), queryFn: () => loadContact(id) }),

    list: (filters: ContactFilters = {}) =>
      queryOptions({
        queryKey: keys.contacts.list(filters),
        queryFn: ({ signal }) => chorus.get('/v1/contacts', { params: { query: filters }, signal }),
      }),

    infinite: (filters: WithoutCursor<ContactFilters> = {}) =>
      infiniteQueryOptions(keys.contacts.infinite(filters), (cursor, signal) =>
        chorus.get('/v1/contacts', { params: { query: { ...filters, cursor } }, signal }),
      ),

    insights: (id: string) =>
      queryOptions({
        queryKey: keys.contacts.insights(id),
        queryFn: ({ signal }) =>
          chorus.get('/v1/contacts/{id}/insights', { params: { path: { id } }, signal }),
      }),

    lifecycle: (id: string) =>
      queryOptions({
        queryKey: keys.contacts.lifecycle(id),
        queryFn: ({ signal }) =>
          chorus.get('/v1/contacts/{id}/lifecycle', { params: { path: { id } }, signal }),
      }),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateContact']) => chorus.post('/v1/contacts', { body }),
        onSuccess: (contact, _body, _result, { client }) =>
          invalidate(client, invalidationRules.contactCreated(contact)),
      }),

    /** Shows the edit at once in the contact's detail and every list holding it; rolls back on failure. */
    update: () =>
      mutationOptions({
        mutationFn: ({ id, version, changes, idempotencyKey }: ContactEdit) =>
          chorus.patch('/v1/contacts/{id}', {
            params: { path: { id }, header: editHeaders(version, idempotencyKey) },
            body: changes,
          }),
        onMutate: async ({ id, changes }, { client }) => {
          const snapshot = await takeSnapshot(client, [keys.contacts.detail(id), keys.contacts.lists()]);
          client.setQueryData(keys.contacts.detail(id), (contact) => contact && { ...contact, ...changes });
          client.setQueriesData({ queryKey: keys.contacts.lists() }, (data) =>
            rewriteList(data, (items) =>
              items.map((item) => (item.id === id ? { ...item, ...changes } : item)),
            ),
          );
          return snapshot;
        },
        onError: (_error, _edit, snapshot, { client }) => restoreSnapshot(client, snapshot),
        onSettled: (_contact, _error, { id }, _snapshot, { client }) =>
          invalidate(client, invalidationRules.contactUpdated({ id })),
      }),
  };
}
