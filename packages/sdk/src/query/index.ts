export { createChorusQueries } from './chorus-queries.js';
export type { ChorusQueries } from './chorus-queries.js';
export { chorusKeys } from './keys.js';
export { invalidate, invalidationRules } from './invalidation.js';
export { applyChange, followChanges } from './follow-changes.js';
export type { FollowChangesOptions } from './follow-changes.js';
export { createBatcher } from './batcher.js';
export type { BatcherOptions } from './batcher.js';
export { infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
export type { ChorusInfiniteQueryOptions, ChorusMutationOptions, ChorusQueryOptions } from './options.js';
export type { ContactEdit } from './contacts.js';
export type { CompanyEdit } from './companies.js';
export type { DealEdit, DealMove } from './deals.js';
export { applyDealMove, compareRank } from './board-move.js';
export type { BoardMove, BoardState } from './board-move.js';
export type { ColumnPageRequest } from './pipelines.js';
export type { TicketEdit } from './tickets.js';
export type { RatingModeration } from './ratings.js';
export type {
  ActivityFilters,
  BoardView,
  CampaignFilters,
  CampaignReportParams,
  CompanyFilters,
  ContactFilters,
  DealFilters,
  FunnelEntriesParams,
  FunnelParams,
  MetricsParams,
  OrderFilters,
  RatingFilters,
  RatingSummaryParams,
  TaskFilters,
  ReviewParams,
  TicketFilters,
} from './types.js';
