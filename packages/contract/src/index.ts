export {
  ID_PREFIXES,
  type IdKind,
  idPattern,
  Money,
  Problem,
  ProblemFieldError,
  OriginSchema,
  INT32_MAX,
} from './common.js';
export * from './enums.js';
export {
  ATTRIBUTION,
  FUNNEL_DEFINITIONS,
  MARKETING_METRICS,
  METRICS,
  RATING_METRICS,
  METRIC_NAMES,
  STAGE_METRICS,
  type MetricDefinition,
  type MetricName,
} from './metrics.js';
export { routes, PUBLIC_PATHS } from './routes.js';
export { buildOpenApiDocument, API_VERSION } from './document.js';
export {
  Workspace,
  User,
  ApiKey,
  CreatedApiKey,
  CreateApiKey,
  CreateSession,
  Session,
  SessionRecord,
  UpdateWorkspace,
} from './resources/workspace.js';
export {
  Contact,
  CreateContact,
  UpdateContact,
  LifecycleStage as LifecycleStageSchema,
  LifecycleChange,
  ContactInsights,
} from './resources/contacts.js';
export { Company, CreateCompany, UpdateCompany } from './resources/companies.js';
export {
  Pipeline,
  Stage,
  CreatePipeline,
  PipelineBoard,
  BoardDeal,
  BoardStageFigures,
} from './resources/pipelines.js';
export { Deal, CreateDeal, UpdateDeal, DealStageEntry, Rank } from './resources/deals.js';
export { Activity, CreateActivity, NextActivity } from './resources/activities.js';
export { LostReasonOption } from './resources/lost-reasons.js';
export { Order, CreateOrder } from './resources/orders.js';
export { Ticket, CreateTicket, UpdateTicket } from './resources/tickets.js';
export {
  Rating,
  CreateRating,
  PublicRatingSubmission,
  PublicReview,
  RatingModeration,
  RatingSummary,
  RatingScaleSchema,
} from './resources/ratings.js';
export { ChangeEvent, EventsQuery } from './resources/events.js';
export {
  MetricResult,
  MetricsResponse,
  MetricsQuery,
  MetricNameSchema,
  LifecycleFunnel,
  FunnelQuery,
  FunnelEntriesQuery,
  FunnelEntry,
  CampaignPerformance,
  CampaignReport,
  CampaignReportQuery,
} from './resources/metrics.js';
export {
  Campaign,
  CampaignChannel as CampaignChannelSchema,
  CreateCampaign,
  Touch,
  CreateTouch,
  ContactTouches,
} from './resources/campaigns.js';
export { serializeDocument } from './serialize.js';
