import type { paths } from '@chorus/contract/paths';
import type { Client, MethodResponse } from 'openapi-fetch';

// What the client resolves with, as openapi-fetch reads the contract (its `Readable` view), so the
// types here always match the data the queries hold.
type Read<Path extends keyof paths> = MethodResponse<Client<paths>, 'get', Path & ReadablePaths>;
type ReadablePaths = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type Item<Page> = Page extends { data: Array<infer I> } ? I : never;
type ListQuery<Path extends keyof paths> = paths[Path] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

export type Contact = Read<'/v1/contacts/{id}'>;
export type ContactInsights = Read<'/v1/contacts/{id}/insights'>;
export type LifecycleHistory = Read<'/v1/contacts/{id}/lifecycle'>;
export type Company = Read<'/v1/companies/{id}'>;
export type Pipeline = Read<'/v1/pipelines/{id}'>;
export type PipelineList = Read<'/v1/pipelines'>;
export type PipelineBoard = Read<'/v1/pipelines/{id}/board'>;
export type BoardDeal = PipelineBoard['deals'][number];
export type BoardStagePage = Read<'/v1/pipelines/{id}/board/stages/{stageId}'>;
export type Deal = Read<'/v1/deals/{id}'>;
export type DealHistory = Read<'/v1/deals/{id}/history'>;
export type Activity = Item<ActivityPage>;
export type LostReasonList = Read<'/v1/lost-reasons'>;
export type Order = Item<OrderPage>;
export type Ticket = Item<TicketPage>;
export type Rating = Item<RatingPage>;
export type RatingSummary = Read<'/v1/public/ratings/summary'>;
export type PublicReview = Item<PublicReviewPage>;
export type MetricsResponse = Read<'/v1/metrics'>;
export type LifecycleFunnel = Read<'/v1/metrics/funnel'>;
export type FunnelEntryPage = Read<'/v1/metrics/funnel/entries'>;
export type FunnelEntry = Item<FunnelEntryPage>;
export type CampaignReport = Read<'/v1/metrics/campaigns'>;
export type Campaign = Read<'/v1/campaigns/{id}'>;
export type ContactTouches = Read<'/v1/contacts/{id}/touches'>;
export type Workspace = Read<'/v1/workspace'>;
export type UserList = Read<'/v1/users'>;

export type ContactPage = Read<'/v1/contacts'>;
export type CompanyPage = Read<'/v1/companies'>;
export type DealPage = Read<'/v1/deals'>;
export type ActivityPage = Read<'/v1/activities'>;
export type TaskPage = Read<'/v1/tasks'>;
export type OrderPage = Read<'/v1/orders'>;
export type TicketPage = Read<'/v1/tickets'>;
export type RatingPage = Read<'/v1/ratings'>;
export type CampaignPage = Read<'/v1/campaigns'>;
export type PublicReviewPage = Read<'/v1/public/ratings/reviews'>;

/** List filters as the API takes them; the batch `ids` read goes through the batcher instead. */
export type ContactFilters = Omit<ListQuery<'/v1/contacts'>, 'ids'>;
export type CompanyFilters = Omit<ListQuery<'/v1/companies'>, 'ids'>;
export type DealFilters = ListQuery<'/v1/deals'>;
export type ActivityFilters = ListQuery<'/v1/activities'>;
export type TaskFilters = ListQuery<'/v1/tasks'>;
export type OrderFilters = ListQuery<'/v1/orders'>;
export type TicketFilters = ListQuery<'/v1/tickets'>;
export type RatingFilters = ListQuery<'/v1/ratings'>;
export type RatingSummaryParams = ListQuery<'/v1/public/ratings/summary'>;
/** A subject's public reviews: `subject`, `scale` and the page size (the cursor is the page parameter). */
export type ReviewParams = WithoutCursor<ListQuery<'/v1/public/ratings/reviews'>>;
export type MetricsParams = ListQuery<'/v1/metrics'>;
export type FunnelParams = ListQuery<'/v1/metrics/funnel'>;
/** A funnel stage's entries: the stage, the funnel's period and filter, the page size. */
export type FunnelEntriesParams = WithoutCursor<ListQuery<'/v1/metrics/funnel/entries'>>;
export type CampaignReportParams = ListQuery<'/v1/metrics/campaigns'>;
export type CampaignFilters = ListQuery<'/v1/campaigns'>;
/** A board's filters and order: the same for its first read and for each column's next pages. */
export type BoardView = Omit<ListQuery<'/v1/pipelines/{id}/board'>, 'limit'>;
/** Metrics over a window that ends now: `window` names it (`30d`), the range is worked out per fetch. */
export interface RollingMetricsParams {
  names: string;
  window: string;
  /** What `previous` is measured over; the API's default (`previous`) when left out. */
  compare?: MetricsParams['compare'];
}

/** Filters of an infinite list: the cursor is the page parameter, not part of the key. */
export type WithoutCursor<Filters> = Omit<Filters, 'cursor'>;
