import { createRoute, z } from '@hono/zod-openapi';
import {
  CursorParam,
  IdempotencyHeader,
  idSchema,
  LimitParam,
  page,
  Timestamp,
  plainString,
  INT32_MAX,
} from '../common.js';
import { RATING_SCALE_RANGE, RATING_SCALES, RATING_SOURCES, type RatingScale } from '../enums.js';
import { bearer, json, jsonBody, problems } from '../http.js';

export const RatingScaleSchema = z.enum(RATING_SCALES).openapi('RatingScale', {
  description: '`stars5`: 1-5 stars; `nps10`: 0-10 likelihood to recommend; `csat5`: 1-5 satisfaction.',
  example: 'stars5',
});

export const RatingSource = z
  .enum(RATING_SOURCES)
  .openapi('RatingSource', { description: 'Where the rating was given.', example: 'website' });

const Subject = plainString()
  .min(1)
  .max(200)
  .regex(
    /^[^\s<>"'`]+$/,
    'must be a key without spaces, quotes or angle brackets, such as product:monitor-x1',
  )
  .openapi({
    description: 'What is rated: a product, a service, an interaction. Stored as sent.',
    example: 'product:monitor-x1',
  });

const Comment = plainString().max(2000).openapi({
  description: 'What the customer wrote, up to 2,000 characters, stored as sent (not trimmed).',
  example: 'Clear sound, easy setup.',
});

const Score = z
  .number()
  .int()
  .min(0)
  .max(10)
  .openapi({ description: 'Within the scale: 1-5, or 0-10 for nps10.', example: 5 });

function scoreWithinScale(value: { scale: RatingScale; score: number }, ctx: z.RefinementCtx) {
  const { min, max } = RATING_SCALE_RANGE[value.scale];
  if (value.score < min || value.score > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['score'],
      message: `must be ${min} to ${max} on the ${value.scale} scale`,
    });
  }
}

export const Rating = z
  .object({
    id: idSchema('rating'),
    subject: Subject,
    scale: RatingScaleSchema,
    score: Score,
    comment: Comment.nullable(),
    source: RatingSource,
    contactId: idSchema('contact').nullable(),
    origin: z.string().nullable().openapi({
      description: 'The page origin a website rating came from.',
      example: 'https://shop.example.com',
    }),
    createdAt: Timestamp,
    hidden: z.boolean().openapi({
      description:
        "Hidden from the public reviews by the workspace's moderators (its score still counts in every summary and metric).",
      example: false,
    }),
    hiddenReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why a moderator hid it; null when shown.', example: null }),
  })
  .openapi('Rating', { description: "The customer's voice, kept on their record." });

const ModerationReason = plainString().min(1).max(500).openapi({
  description:
    'Why it is hidden, for the workspace: a reason about the content (off-topic, personal data, abuse), never its score or sentiment.',
  example: 'Contains a phone number.',
});

export const RatingModeration = z
  .object({ hidden: z.literal(true), reason: ModerationReason })
  .strict()
  .or(z.object({ hidden: z.literal(false) }).strict())
  .openapi('RatingModeration', {
    description:
      'Hide a rating from the public reviews, with the reason, or show it again. Never by sentiment: the FTC rule on consumer reviews (16 CFR 465.7) forbids suppressing reviews for being negative.',
  });

export const PublicReview = z
  .object({
    id: idSchema('rating'),
    scale: RatingScaleSchema,
    score: Score,
    comment: Comment,
    verified: z.boolean().openapi({
      description:
        "Given by a known customer: the page sent a contact reference signed by the shop's server, and the API verified it.",
    }),
    createdAt: Timestamp,
  })
  .openapi('PublicReview', {
    description: 'A rating with a comment, as the public may read it: no contact, origin or source.',
  });

export const CreateRating = z
  .object({
    subject: Subject,
    scale: RatingScaleSchema.default('stars5'),
    score: Score,
    comment: Comment.optional(),
    source: RatingSource.default('import'),
    contactId: idSchema('contact').optional(),
    createdAt: Timestamp.optional().openapi({ description: 'Defaults to now; set it when importing.' }),
  })
  .strict()
  .superRefine(scoreWithinScale)
  .openapi('CreateRating');

export const PublicRatingSubmission = z
  .object({
    subject: Subject,
    scale: RatingScaleSchema.default('stars5'),
    score: Score,
    comment: Comment.optional(),
    contact: z
      .string()
      .max(300)
      .regex(/^[a-z]+_[A-Za-z0-9]+\.\d{1,12}\.[A-Za-z0-9_-]{43}$/, 'must be a signed contact reference')
      .optional()
      .openapi({
        description:
          "A known customer, signed by the embedding site's server: `<contactId>.<expires, Unix seconds>.<signature>`, the signature being HMAC-SHA256 over `<contactId>.<expires>` keyed with the hex SHA-256 of one of the workspace's secret keys, base64url without padding. A valid reference stores the rating on the contact; an expired, tampered or unknown one stores it anonymously.",
        example: 'con_01hx7f3k9q2m5v8w.1767225600.Yk9m3Xq0vJ8c2b1aZr4tW6eLs5dN7uP0hGfQiKoMyAB',
      }),
    hp: plainString().max(200).optional().openapi({
      description:
        'Honeypot: a hidden field people leave empty. A submission that fills it is answered as if stored, and not stored.',
    }),
    elapsedMs: z.number().int().min(0).max(INT32_MAX).optional().openapi({
      description:
        'Milliseconds the visitor spent on the page before submitting; under 1.5 s is taken as automated: answered as if stored, and not stored.',
      example: 8200,
    }),
  })
  .strict()
  .superRefine(scoreWithinScale)
  .openapi('PublicRatingSubmission');

export const PublicRatingAmendment = z
  .object({
    amends: idSchema('rating').openapi({
      description: 'The rating this page stored a moment ago (the `id` of its 201 answer).',
    }),
    comment: Comment.min(1).openapi({
      description:
        'The answer to the widget\'s follow-up question ("What could we do better?"), kept as the rating\'s comment.',
      example: 'Ship to Norway, please.',
    }),
  })
  .strict()
  .openapi('PublicRatingAmendment', {
    description:
      'Adds the answer to a follow-up question to a website rating just stored: allowed for an hour after it was stored, from the page origin it came from, while it has no comment. Sending the same answer again is answered as the first time (a retry changes nothing); another answer to a rating that has one is refused (409).',
  });

export const RatingSummary = z
  .object({
    subject: Subject,
    scale: RatingScaleSchema,
    count: z.number().int().min(0).openapi({ example: 128 }),
    average: z
      .number()
      .nullable()
      .openapi({ description: 'Mean score; null with no ratings.', example: 4.4 }),
    distribution: z
      .array(z.object({ score: z.number().int(), count: z.number().int().min(0) }))
      .openapi({ description: 'Count per score, highest score first; every score of the scale is present.' }),
    nps: z
      .object({
        promoters: z.number().int(),
        passives: z.number().int(),
        detractors: z.number().int(),
        score: z.number().nullable().openapi({ description: '% promoters - % detractors.' }),
      })
      .nullable()
      .openapi({ description: 'For nps10 only.' }),
  })
  .openapi('RatingSummary');

const tags = ['Ratings'];
const RatingId = z.object({ id: idSchema('rating') });
const SummaryQuery = z.object({ subject: Subject, scale: RatingScaleSchema.default('stars5') });

export const listRatings = createRoute({
  method: 'get',
  path: '/v1/ratings',
  tags,
  summary: 'List ratings, newest first',
  security: bearer,
  request: {
    query: z.object({
      limit: LimitParam,
      cursor: CursorParam,
      subject: Subject.optional(),
      scale: RatingScaleSchema.optional(),
      contactId: idSchema('contact').optional(),
      source: RatingSource.optional(),
    }),
  },
  responses: { 200: json(page(Rating, 'RatingPage'), 'A page of ratings.'), ...problems(403) },
});

export const createRating = createRoute({
  method: 'post',
  path: '/v1/ratings',
  tags,
  summary: 'Record or import a rating',
  security: bearer,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateRating, 'The rating.') },
  responses: { 201: json(Rating, 'The stored rating.'), ...problems(403, 404, 422) },
});

export const submitPublicRating = createRoute({
  method: 'post',
  path: '/v1/public/ratings',
  tags: ['Public'],
  summary: 'Submit a rating from a website, or the answer to its follow-up question (publishable key)',
  description:
    'Callable with a publishable key from an allowed origin. Rate limited per key and per client (answers carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; a 429 carries `Retry-After`; a refused request spends no budget). Send an `Idempotency-Key` so a retried submission is stored once: its replay is answered without spending budget. The rating is stored with source `website` and the page origin. A submission that looks automated (honeypot filled, or sent too soon after the page opened) gets the same 201 answer but is not stored. A body with `amends` instead adds the answer to the follow-up question to the rating just stored (200): idempotent by itself, as a retry sends the same answer.',
  security: bearer,
  request: {
    headers: IdempotencyHeader,
    body: jsonBody(
      z.union([PublicRatingSubmission, PublicRatingAmendment]),
      'A rating, or the answer to its follow-up question (`amends`).',
    ),
  },
  responses: {
    200: json(Rating, 'The rating, amended with the answer to its follow-up question.'),
    201: json(Rating, 'The stored rating.'),
    ...problems(403, 404, 409, 422),
  },
});

export const getPublicRatingSummary = createRoute({
  method: 'get',
  path: '/v1/public/ratings/summary',
  tags: ['Public'],
  summary: 'Average, count and distribution of the ratings of a subject (publishable key)',
  security: bearer,
  request: {
    query: SummaryQuery.extend({
      source: RatingSource.optional().openapi({
        description:
          'Only ratings from this source (`website`, `marketplace`, `community`, `survey`, `import`): the site’s own stars beside the marketplace’s.',
      }),
    }),
  },
  responses: { 200: json(RatingSummary, 'The summary.'), ...problems(403) },
});

export const listPublicReviews = createRoute({
  method: 'get',
  path: '/v1/public/ratings/reviews',
  tags: ['Public'],
  summary: 'The latest reviews of a subject: ratings with a comment, newest first (publishable key)',
  description:
    "Every rating of the subject and scale that has a comment, except those the workspace's moderators hid (for their content, never their score). Callable with a publishable key from an allowed origin, like the summary.",
  security: bearer,
  request: { query: SummaryQuery.extend({ limit: LimitParam, cursor: CursorParam }) },
  responses: { 200: json(page(PublicReview, 'PublicReviewPage'), 'A page of reviews.'), ...problems(403) },
});

export const moderateRating = createRoute({
  method: 'patch',
  path: '/v1/ratings/{id}/moderation',
  tags,
  summary: 'Hide a rating from the public reviews, with a reason, or show it again',
  description:
    "For the workspace's moderators (a secret key, or a session with `write`). Hiding is for content (off-topic, personal data, abuse) and applies whatever the score: per the FTC rule on consumer reviews (16 CFR 465.7), reviews must not be suppressed for their sentiment. A hidden rating still counts in summaries and metrics.",
  security: bearer,
  request: { params: RatingId, body: jsonBody(RatingModeration, 'Hidden with a reason, or shown.') },
  responses: { 200: json(Rating, 'The rating, as moderated.'), ...problems(403, 404, 422) },
});
