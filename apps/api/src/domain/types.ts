import type {
  Activity,
  Campaign,
  CampaignReport,
  ContactTouches,
  LifecycleFunnel,
  Touch,
  ApiKey,
  Company,
  Contact,
  ContactInsights,
  Deal,
  DealStageEntry,
  LifecycleChange,
  MetricsResponse,
  Order,
  Pipeline,
  Rating,
  RatingSummary,
  PublicReview,
  Session,
  SessionRecord,
  Stage,
  Ticket,
  User,
  Workspace,
} from '@chorus/contract';
import type { z } from '@hono/zod-openapi';

/** The wire shapes, inferred from the contract: nothing here is typed by hand twice. */
export type WorkspaceDto = z.infer<typeof Workspace>;
export type UserDto = z.infer<typeof User>;
export type ApiKeyDto = z.infer<typeof ApiKey>;
export type SessionDto = z.infer<typeof Session>;
export type SessionRecordDto = z.infer<typeof SessionRecord>;
export type ContactDto = z.infer<typeof Contact>;
export type LifecycleChangeDto = z.infer<typeof LifecycleChange>;
export type ContactInsightsDto = z.infer<typeof ContactInsights>;
export type CompanyDto = z.infer<typeof Company>;
export type PipelineDto = z.infer<typeof Pipeline>;
export type StageDto = z.infer<typeof Stage>;
export type DealDto = z.infer<typeof Deal>;
export type DealStageEntryDto = z.infer<typeof DealStageEntry>;
export type ActivityDto = z.infer<typeof Activity>;
export type OrderDto = z.infer<typeof Order>;
export type TicketDto = z.infer<typeof Ticket>;
export type RatingDto = z.infer<typeof Rating>;
export type RatingSummaryDto = z.infer<typeof RatingSummary>;
export type PublicReviewDto = z.infer<typeof PublicReview>;
export type MetricsResponseDto = z.infer<typeof MetricsResponse>;
export type CampaignDto = z.infer<typeof Campaign>;
export type TouchDto = z.infer<typeof Touch>;
export type ContactTouchesDto = z.infer<typeof ContactTouches>;
export type LifecycleFunnelDto = z.infer<typeof LifecycleFunnel>;
export type CampaignReportDto = z.infer<typeof CampaignReport>;
