/**
 * Finite choices of the domain. Each is an `as const` array so that the zod enum,
 * the TypeScript union, story controls and tests all derive from one list.
 */

/** Every lifecycle stage a contact can be in, in the order a contact normally moves through them. */
export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'evangelist',
  'churned',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Stages before a contact has bought anything: a customer is never set back to one of these. */
export const LEAD_STAGES = [
  'subscriber',
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
] as const satisfies readonly LifecycleStage[];

/** Stages of a contact who is buying, or has bought, from us. */
export const CUSTOMER_STAGES = ['customer', 'evangelist'] as const satisfies readonly LifecycleStage[];

/**
 * The agreed funnel: the lifecycle stages in the order marketing and sales move a person through
 * them, without `churned` (a way out, not a step). A stage's next stage is the one after it here.
 */
export const FUNNEL_STAGES = [
  'subscriber',
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'evangelist',
] as const satisfies readonly LifecycleStage[];
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** How a campaign reaches people; also the source of a touch that came through no campaign. */
export const CAMPAIGN_CHANNELS = [
  'email',
  'event',
  'paid',
  'social',
  'community',
  'partner',
  'referral',
  'organic',
] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/** Which touch gets the credit for a contact's revenue (see `ATTRIBUTION` in `metrics.ts`). */
export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** How a board orders each column: `board` as people arranged it (by `rank`), or by a field. */
export const BOARD_SORTS = ['board', 'value', 'age', 'close'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** A deal's `rank`: a fractional-indexing key in base 62 (digits, then capitals, then small letters). */
export const RANK_PATTERN = /^[0-9A-Za-z]{2,200}$/;

export const ACTIVITY_TYPES = ['email', 'call', 'meeting', 'note', 'purchase', 'support'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const TICKET_STATUSES = ['open', 'pending', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const RATING_SCALES = ['stars5', 'nps10', 'csat5'] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

/** The lowest and highest score of each rating scale. */
export const RATING_SCALE_RANGE = {
  stars5: { min: 1, max: 5 },
  nps10: { min: 0, max: 10 },
  csat5: { min: 1, max: 5 },
} as const satisfies Record<RatingScale, { min: number; max: number }>;

/**
 * Below this many milliseconds on the page, a public submission is taken to be a script's: the API
 * answers it as if stored and stores nothing, and the widget holds a quicker visitor's send until then.
 */
export const MINIMUM_TIME_ON_PAGE_MS = 1500;

export const RATING_SOURCES = ['website', 'marketplace', 'community', 'survey', 'import'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

export const KEY_KINDS = ['secret', 'publishable'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export const SESSION_SCOPES = ['read', 'write'] as const;
export type SessionScope = (typeof SESSION_SCOPES)[number];

export const METRIC_INTERVALS = ['day', 'week', 'month'] as const;
export type MetricInterval = (typeof METRIC_INTERVALS)[number];

/** The changes the feed (`GET /v1/events`) carries; each names the record it touched. */
export const CHANGE_TYPES = [
  'deal.created',
  'deal.moved',
  'deal.updated',
  'deal.deleted',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'activity.created',
  'activity.updated',
  'rating.created',
  'order.created',
  'ticket.created',
  'ticket.updated',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** What `previous` is measured over: the preceding period of equal length, or the same dates a year earlier. */
export const METRIC_COMPARISONS = ['previous', 'year-ago'] as const;
export type MetricComparison = (typeof METRIC_COMPARISONS)[number];

export const METRIC_UNITS = ['money', 'percent', 'days', 'hours', 'score', 'count'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export const METRIC_DIRECTIONS = ['up_is_good', 'down_is_good'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new_customer',
  'needs_attention',
  'at_risk',
  'hibernating',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The stable problem types the API answers with (RFC 9457 `type`). Here, with no zod, so a client
 * can match on them without loading the schemas.
 */
export const PROBLEM_TYPES = {
  validation: '/problems/validation',
  unauthorized: '/problems/unauthorized',
  forbidden: '/problems/forbidden',
  notFound: '/problems/not-found',
  conflict: '/problems/conflict',
  lifecycle: '/problems/lifecycle-rule',
  idempotencyMismatch: '/problems/idempotency-key-reused',
  preconditionFailed: '/problems/precondition-failed',
  preconditionRequired: '/problems/precondition-required',
  secretShownOnce: '/problems/secret-shown-once',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  rateLimited: '/problems/rate-limited',
  eventsExpired: '/problems/events-expired',
  internal: '/problems/internal',
} as const;
