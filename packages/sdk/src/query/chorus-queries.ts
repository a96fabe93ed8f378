import { PROBLEM_TYPES } from '@chorus/contract/enums';
import type { ChorusClient } from '../client.js';
import { ChorusNotFoundError } from '../errors.js';
import { activityQueries } from './activities.js';
import { campaignQueries } from './campaigns.js';
import { createBatcher } from './batcher.js';
import { companyQueries } from './companies.js';
import { contactQueries } from './contacts.js';
import { dealQueries } from './deals.js';
import { orderQueries } from './orders.js';
import { pipelineQueries } from './pipelines.js';
import { ratingQueries } from './ratings.js';
import { ticketQueries } from './tickets.js';
import type { Company, Contact } from './types.js';
import { workspaceQueries } from './workspace.js';

const BATCH_LIMIT = 100;

function notFound(kind: string, path: string) {
  return (id: string) =>
    new ChorusNotFoundError({
      type: PROBLEM_TYPES.notFound,
      title: 'Not found',
      status: 404,
      detail: `No ${kind} ${id} in this workspace.`,
      instance: `${path}/${id}`,
    });
}

/**
 * Query and mutation options for every resource, over one client. Make one per client (the
 * provider does): its batchers fold the detail reads of everything that shares it.
 *
 * ```ts
 * const queries = createChorusQueries(chorus);
 * const contact = await queryClient.fetchQuery(queries.contacts.detail(id));
 * ```
 */
export function createChorusQueries(chorus: ChorusClient) {
  const contacts = createBatcher<Contact>({
    maxBatchSize: BATCH_LIMIT,
    idOf: (contact) => contact.id,
    notFound: notFound('contact', '/v1/contacts'),
    fetchMany: async (ids) =>
      (await chorus.get('/v1/contacts', { params: { query: { ids: ids.join(','), limit: ids.length } } }))
        .data,
  });
  const companies = createBatcher<Company>({
    maxBatchSize: BATCH_LIMIT,
    idOf: (company) => company.id,
    notFound: notFound('company', '/v1/companies'),
    fetchMany: async (ids) =>
      (await chorus.get('/v1/companies', { params: { query: { ids: ids.join(','), limit: ids.length } } }))
        .data,
  });

  return {
    contacts: contactQueries(chorus, contacts.load),
    companies: companyQueries(chorus, companies.load),
    pipelines: pipelineQueries(chorus),
    deals: dealQueries(chorus),
    activities: activityQueries(chorus),
    orders: orderQueries(chorus),
    tickets: ticketQueries(chorus),
    ratings: ratingQueries(chorus),
    campaigns: campaignQueries(chorus),
    ...workspaceQueries(chorus),
  };
}

export type ChorusQueries = ReturnType<typeof createChorusQueries>;
