export { createChorusClient, createChorusFetch } from './client.js';
export type {
  ChorusClient,
  ChorusClientOptions,
  ChorusFetch,
  DataInit,
  DataMethod,
} from './client.js';
export type { Credentials } from './middleware/auth.js';
export type { FetchLike, FetchMiddleware } from './middleware/types.js';
export {
  ChorusAbortedError,
  ChorusApiError,
  ChorusAuthError,
  ChorusConfigError,
  ChorusConflictError,
  ChorusError,
  ChorusNetworkError,
  ChorusNotFoundError,
  ChorusPreconditionError,
  ChorusRateLimitError,
  ChorusTimeoutError,
  ChorusValidationError,
  errorFromResponse,
} from './errors.js';
export type { AnyChorusError, ChorusErrorKind, Problem, ProblemFieldError } from './errors.js';
export { paginate, paginatePages } from './paginate.js';
export type { Page } from './paginate.js';
export { unwrap } from './unwrap.js';
export type { FetchResult } from './unwrap.js';
export type {
  Activity,
  BoardDeal,
  BoardStagePage,
  BoardView,
  Campaign,
  CampaignPage,
  CampaignReport,
  Company,
  Contact,
  ContactInsights,
  ContactTouches,
  Deal,
  FunnelEntry,
  FunnelEntryPage,
  LifecycleFunnel,
  LifecycleHistory,
  MetricsResponse,
  Order,
  Pipeline,
  PipelineBoard,
  PublicReview,
  PublicReviewPage,
  Rating,
  RatingSummary,
  Ticket,
  UserList,
  Workspace,
} from './query/types.js';
