import type { dataTagErrorSymbol, dataTagSymbol, InfiniteData, QueryKey } from '@tanstack/query-core';
import type { ChorusError } from '../errors.js';
import type * as T from './types.js';

/**
 * What query-core's `DataTag` adds to a key, as a named interface. `DataTag<Key, Data>` is a
 * conditional type: TypeScript resolves it at each key factory and writes the resolved object, with
 * query-core's symbols that it never imports, into the published `.d.ts`. A named interface is
 * written by name, and its file imports the symbols.
 */
export interface ChorusKeyTag<Data> {
  [dataTagSymbol]: Data;
  [dataTagErrorSymbol]: ChorusError;
}

/** A key that carries its data type, so `getQueryData(key)` and `setQueryData(key, …)` are typed. */
export type Tagged<Key extends QueryKey, Data> = Key & ChorusKeyTag<Data>;
type Pages<Page> = InfiniteData<Page, string | undefined>;

function tag<Data>() {
  return <const Key extends QueryKey>(key: Key) => key as Tagged<Key, Data>;
}

const ROOT = 'chorus';

/**
 * Every query key of the SDK, built here and nowhere else. Keys nest so one prefix reaches a whole
 * family: `contacts.one(id)` covers that contact's detail, insights and lifecycle; `deals.lists()`
 * covers every deal list, whatever its filters.
 */
export const chorusKeys = {
  all: () => [ROOT] as const,

  workspace: () => tag<T.Workspace>()([ROOT, 'workspace']),
  users: () => tag<T.UserList>()([ROOT, 'users']),

  contacts: {
    all: () => [ROOT, 'contacts'] as const,
    lists: () => [ROOT, 'contacts', 'list'] as const,
    list: (filters: T.ContactFilters = {}) => tag<T.ContactPage>()([ROOT, 'contacts', 'list', filters]),
    infinite: (filters: T.WithoutCursor<T.ContactFilters> = {}) =>
      tag<Pages<T.ContactPage>>()([ROOT, 'contacts', 'list', filters, 'infinite']),
    one: (id: string) => [ROOT, 'contacts', 'id', id] as const,
    detail: (id: string) => tag<T.Contact>()([ROOT, 'contacts', 'id', id, 'detail']),
    insights: (id: string) => tag<T.ContactInsights>()([ROOT, 'contacts', 'id', id, 'insights']),
    lifecycle: (id: string) => tag<T.LifecycleHistory>()([ROOT, 'contacts', 'id', id, 'lifecycle']),
    touches: (id: string) => tag<T.ContactTouches>()([ROOT, 'contacts', 'id', id, 'touches']),
  },

  campaigns: {
    all: () => [ROOT, 'campaigns'] as const,
    lists: () => [ROOT, 'campaigns', 'list'] as const,
    list: (filters: T.CampaignFilters = {}) => tag<T.CampaignPage>()([ROOT, 'campaigns', 'list', filters]),
    detail: (id: string) => tag<T.Campaign>()([ROOT, 'campaigns', 'id', id]),
  },

  companies: {
    all: () => [ROOT, 'companies'] as const,
    lists: () => [ROOT, 'companies', 'list'] as const,
    list: (filters: T.CompanyFilters = {}) => tag<T.CompanyPage>()([ROOT, 'companies', 'list', filters]),
    infinite: (filters: T.WithoutCursor<T.CompanyFilters> = {}) =>
      tag<Pages<T.CompanyPage>>()([ROOT, 'companies', 'list', filters, 'infinite']),
    one: (id: string) => [ROOT, 'companies', 'id', id] as const,
    detail: (id: string) => tag<T.Company>()([ROOT, 'companies', 'id', id, 'detail']),
  },

  pipelines: {
    all: () => [ROOT, 'pipelines'] as const,
    list: () => tag<T.PipelineList>()([ROOT, 'pipelines', 'list']),
    detail: (id: string) => tag<T.Pipeline>()([ROOT, 'pipelines', 'id', id]),
    /**
     * Under the detail's key: a change to the pipeline makes its board stale too. One entry per view
     * (filters and order); `board(id)` alone is a prefix that matches every view of the pipeline.
     */
    board: (id: string, view: T.BoardView = {}) =>
      tag<T.PipelineBoard>()([ROOT, 'pipelines', 'id', id, 'board', view]),
  },

  deals: {
    all: () => [ROOT, 'deals'] as const,
    lists: () => [ROOT, 'deals', 'list'] as const,
    list: (filters: T.DealFilters = {}) => tag<T.DealPage>()([ROOT, 'deals', 'list', filters]),
    infinite: (filters: T.WithoutCursor<T.DealFilters> = {}) =>
      tag<Pages<T.DealPage>>()([ROOT, 'deals', 'list', filters, 'infinite']),
    one: (id: string) => [ROOT, 'deals', 'id', id] as const,
    detail: (id: string) => tag<T.Deal>()([ROOT, 'deals', 'id', id, 'detail']),
    history: (id: string) => tag<T.DealHistory>()([ROOT, 'deals', 'id', id, 'history']),
  },

  activities: {
    all: () => [ROOT, 'activities'] as const,
    lists: () => [ROOT, 'activities', 'list'] as const,
    list: (filters: T.ActivityFilters = {}) => tag<T.ActivityPage>()([ROOT, 'activities', 'list', filters]),
    infinite: (filters: T.WithoutCursor<T.ActivityFilters> = {}) =>
      tag<Pages<T.ActivityPage>>()([ROOT, 'activities', 'list', filters, 'infinite']),
    /** Open tasks, soonest due first. Under `activities`: a task is an activity. */
    tasks: (filters: T.TaskFilters = {}) => tag<T.TaskPage>()([ROOT, 'activities', 'tasks', filters]),
    allTasks: () => [ROOT, 'activities', 'tasks'] as const,
  },

  lostReasons: () => tag<T.LostReasonList>()([ROOT, 'lost-reasons']),

  orders: {
    all: () => [ROOT, 'orders'] as const,
    lists: () => [ROOT, 'orders', 'list'] as const,
    list: (filters: T.OrderFilters = {}) => tag<T.OrderPage>()([ROOT, 'orders', 'list', filters]),
    infinite: (filters: T.WithoutCursor<T.OrderFilters> = {}) =>
      tag<Pages<T.OrderPage>>()([ROOT, 'orders', 'list', filters, 'infinite']),
  },

  tickets: {
    all: () => [ROOT, 'tickets'] as const,
    lists: () => [ROOT, 'tickets', 'list'] as const,
    list: (filters: T.TicketFilters = {}) => tag<T.TicketPage>()([ROOT, 'tickets', 'list', filters]),
    infinite: (filters: T.WithoutCursor<T.TicketFilters> = {}) =>
      tag<Pages<T.TicketPage>>()([ROOT, 'tickets', 'list', filters, 'infinite']),
  },

  ratings: {
    all: () => [ROOT, 'ratings'] as const,
    lists: () => [ROOT, 'ratings', 'list'] as const,
    list: (filters: T.RatingFilters = {}) => tag<T.RatingPage>()([ROOT, 'ratings', 'list', filters]),
    infinite: (filters: T.WithoutCursor<T.RatingFilters> = {}) =>
      tag<Pages<T.RatingPage>>()([ROOT, 'ratings', 'list', filters, 'infinite']),
    /** With a partial `params` (just `{ subject }`) it is a prefix that matches every scale's summary. */
    summary: (params: Partial<T.RatingSummaryParams>) =>
      tag<T.RatingSummary>()([ROOT, 'ratings', 'summary', params]),
    /** A subject's public reviews, page after page; `{ subject }` alone matches every scale's. */
    reviews: (params: Partial<T.ReviewParams>) =>
      tag<Pages<T.PublicReviewPage>>()([ROOT, 'ratings', 'reviews', params]),
  },

  metrics: {
    all: () => [ROOT, 'metrics'] as const,
    query: (params: T.MetricsParams) => tag<T.MetricsResponse>()([ROOT, 'metrics', params]),
    /** A window that ends at each fetch, named rather than dated (see `rollingMetrics`). */
    rolling: (params: T.RollingMetricsParams) =>
      tag<T.MetricsResponse>()([ROOT, 'metrics', 'rolling', params]),
    /** Under `metrics`: whatever makes the metrics stale makes the funnel and the report stale too. */
    funnel: (params: T.FunnelParams = {}) => tag<T.LifecycleFunnel>()([ROOT, 'metrics', 'funnel', params]),
    /** The contacts a funnel stage counts, page after page: stale whenever the funnel is. */
    funnelEntries: (params: T.FunnelEntriesParams) =>
      tag<Pages<T.FunnelEntryPage>>()([ROOT, 'metrics', 'funnel-entries', params]),
    campaigns: (params: T.CampaignReportParams = {}) =>
      tag<T.CampaignReport>()([ROOT, 'metrics', 'campaigns', params]),
  },
};

/** The filters inside a list key built above, or undefined for any other key. */
export function listFiltersOf(queryKey: QueryKey): Record<string, unknown> | undefined {
  const filters = queryKey[2] === 'list' ? queryKey[3] : undefined;
  return typeof filters === 'object' && filters !== null ? (filters as Record<string, unknown>) : undefined;
}
