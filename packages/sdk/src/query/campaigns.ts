import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { CampaignFilters, CampaignReportParams, FunnelEntriesParams, FunnelParams } from './types.js';

/** Campaigns, contacts' touches, and the marketing reads: the lifecycle funnel and the campaign report. */
export function campaignQueries(chorus: ChorusClient) {
  return {
    list: (filters: CampaignFilters = {}) =>
      queryOptions({
        queryKey: keys.campaigns.list(filters),
        queryFn: ({ signal }) => chorus.get('/v1/campaigns', { params: { query: filters }, signal }),
      }),

    detail: (id: string) =>
      queryOptions({
        queryKey: keys.campaigns.detail(id),
        queryFn: ({ signal }) => chorus.get('/v1/campaigns/{id}', { params: { path: { id } }, signal }),
      }),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateCampaign']) => chorus.post('/v1/campaigns', { body }),
        onSuccess: (campaign, _body, _result, { client }) =>
          invalidate(client, invalidationRules.campaignCreated(campaign)),
      }),

    touches: (contactId: string) =>
      queryOptions({
        queryKey: keys.contacts.touches(contactId),
        queryFn: ({ signal }) =>
          chorus.get('/v1/contacts/{id}/touches', { params: { path: { id: contactId } }, signal }),
      }),

    recordTouch: (contactId: string) =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateTouch']) =>
          chorus.post('/v1/contacts/{id}/touches', { params: { path: { id: contactId } }, body }),
        onSuccess: (_touches, _body, _result, { client }) =>
          invalidate(client, invalidationRules.touchRecorded(contactId)),
      }),

    funnel: (params: FunnelParams = {}) =>
      queryOptions({
        queryKey: keys.metrics.funnel(params),
        queryFn: ({ signal }) => chorus.get('/v1/metrics/funnel', { params: { query: params }, signal }),
      }),

    /**
     * The contacts a stage of the funnel counts (who entered it in the period, by the same filter),
     * page after page. Pass the funnel's `from` and `to`, so the list and its count share one window.
     */
    funnelEntries: (params: FunnelEntriesParams) =>
      infiniteQueryOptions(keys.metrics.funnelEntries(params), (cursor, signal) =>
        chorus.get('/v1/metrics/funnel/entries', { params: { query: { ...params, cursor } }, signal }),
      ),

    report: (params: CampaignReportParams = {}) =>
      queryOptions({
        queryKey: keys.metrics.campaigns(params),
        queryFn: ({ signal }) => chorus.get('/v1/metrics/campaigns', { params: { query: params }, signal }),
      }),
  };
}
