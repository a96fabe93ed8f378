import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { editHeaders, infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { Company, CompanyFilters, WithoutCursor } from './types.js';

export interface CompanyEdit {
  id: string;
  version: number;
  changes: components['schemas']['UpdateCompany'];
  /**
   * To send the edit again after it failed without a clear answer (a network error, a timeout, a
   * 5xx): its error's `idempotencyKey`. The API then replays the edit if the first one was applied,
   * where a new request would meet the record's new version and be refused with 412.
   */
  idempotencyKey?: string;
}

export function companyQueries(chorus: ChorusClient, loadCompany: (id: string) => Promise<Company>) {
  return {
    /** Batched: every detail read in one tick shares one `?ids=` request. */
    detail: (id: string) =>
      queryOptions({ queryKey: keys.companies.detail(id), queryFn: () => loadCompany(id) }),

    list: (filters: CompanyFilters = {}) =>
      queryOptions({
        queryKey: keys.companies.list(filters),
        queryFn: ({ signal }) => chorus.get('/v1/companies', { params: { query: filters }, signal }),
      }),

    infinite: (filters: WithoutCursor<CompanyFilters> = {}) =>
      infiniteQueryOptions(keys.companies.infinite(filters), (cursor, signal) =>
        chorus.get('/v1/companies', { params: { query: { ...filters, cursor } }, signal }),
      ),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateCompany']) => chorus.post('/v1/companies', { body }),
        onSuccess: (company, _body, _result, { client }) =>
          invalidate(client, invalidationRules.companyCreated(company)),
      }),

    update: () =>
      mutationOptions({
        mutationFn: ({ id, version, changes, idempotencyKey }: CompanyEdit) =>
          chorus.patch('/v1/companies/{id}', {
            params: { path: { id }, header: editHeaders(version, idempotencyKey) },
            body: changes,
          }),
        onSettled: (_company, _error, { id }, _result, { client }) =>
          invalidate(client, invalidationRules.companyUpdated({ id })),
      }),
  };
}
