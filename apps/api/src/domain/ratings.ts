import {
  idPattern,
  PROBLEM_TYPES,
  RATING_SCALE_RANGE,
  type RatingScale,
  type RatingSource,
} from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { DomainError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { decodeCursor, type Page, type PageRequest, toPage, Where } from './pagination.js';
import { assertReferences } from './references.js';
import { iso } from './rows.js';
import type { PublicReviewDto, RatingDto, RatingSummaryDto } from './types.js';

interface RatingRow {
  id: string;
  subject: string;
  scale: RatingScale;
  score: number;
  comment: string | null;
  source: RatingSource;
  contact_id: string | null;
  origin: string | null;
  created_at: Date;
  hidden: boolean;
  hidden_reason: string | null;
}

const toRating = (r: RatingRow): RatingDto => ({
  id: r.id,
  subject: r.subject,
  scale: r.scale,
  score: r.score,
  comment: r.comment,
  source: r.source,
  contactId: r.contact_id,
  origin: r.origin,
  createdAt: iso(r.created_at),
  hidden: r.hidden,
  hiddenReason: r.hidden_reason,
});

export interface RatingQuery extends PageRequest {
  subject?: string | undefined;
  scale?: RatingScale | undefined;
  contactId?: string | undefined;
  source?: RatingSource | undefined;
}

export async function listRatings(
  tx: Sql,
  workspaceId: string,
  query: RatingQuery,
): Promise<Page<RatingDto>> {
  const where = new Where(workspaceId)
    .add('subject = ?', query.subject)
    .add('scale = ?', query.scale)
    .add('contact_id = ?', query.contactId)
    .add('source = ?', query.source);
  const after = decodeCursor(query.cursor, idPattern('rating'));
  const rows = await tx.query<RatingRow>(
    `select * from ratings ${where.page(after, 'desc', query.limit)}`,
    where.params,
  );
  return toPage(rows, query.limit, toRating);
}

export interface RatingInput {
  subject: string;
  scale: RatingScale;
  score: number;
  comment?: string | undefined;
  source: RatingSource;
  contactId?: string | undefined;
  origin?: string | undefined;
  createdAt?: string | undefined;
}

export async function createRating(
  tx: Sql,
  workspaceId: string,
  input: RatingInput,
  now = new Date(),
): Promise<RatingDto> {
  await assertReferences(tx, workspaceId, { contactId: input.contactId });
  const rows = await tx.query<RatingRow>(
    `insert into ratings (id, workspace_id, subject, scale, score, comment, source, contact_id, origin, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
    [
      newId('rating', now.getTime()),
      workspaceId,
      input.subject,
      input.scale,
      input.score,
      input.comment || null,
      input.source,
      input.contactId ?? null,
      input.origin ?? null,
      input.createdAt ? new Date(input.createdAt) : now,
    ],
  );
  return toRating(rows[0]!);
}

const conflict = (detail: string) => new DomainError(409, PROBLEM_TYPES.conflict, 'Conflict', detail);

/** How long after a website rating its page may still add the answer to the follow-up question. */
export const AMEND_WITHIN_MS = 60 * 60 * 1000;

/**
 * Adds the answer to the widget's follow-up question to a website rating it stored a moment ago, as
 * the rating's comment. Idempotent by itself: the same answer again (a retry whose first answer was
 * lost) returns the rating as it is; another answer to a rating that has a comment is refused. Only
 * from the page origin the rating came from and within an hour: a publishable key is public, and a
 * rating id, once shown to a page, must not let anyone else rewrite it. A rating that is not there,
 * not a website's or from another origin is "not found" alike, so none of them is told apart.
 */
export async function amendRating(
  tx: Sql,
  workspaceId: string,
  input: { amends: string; comment: string; origin: string | null },
  now = new Date(),
): Promise<RatingDto> {
  const rows = await tx.query<RatingRow>(
    `select * from ratings where id = $1 and workspace_id = $2 and source = 'website' and origin is not distinct from $3`,
    [input.amends, workspaceId, input.origin],
  );
  const rating = rows[0];
  if (!rating) throw notFound('website rating', input.amends);
  if (rating.comment === input.comment) return toRating(rating);
  if (rating.comment !== null) throw conflict('This rating has a comment already; it is not changed.');
  if (now.getTime() - rating.created_at.getTime() > AMEND_WITHIN_MS)
    throw conflict('A rating can be amended within an hour of being stored; this one is older.');
  // `comment is null` again in the update: of two different answers racing, one wins, the other is refused.
  const updated = await tx.query<RatingRow>(
    'update ratings set comment = $1 where id = $2 and workspace_id = $3 and comment is null returning *',
    [input.comment, input.amends, workspaceId],
  );
  if (!updated[0]) return amendRating(tx, workspaceId, input, now);
  return toRating(updated[0]);
}

export async function summarizeRatings(
  tx: Sql,
  workspaceId: string,
  subject: string,
  scale: RatingScale,
  source?: RatingSource,
): Promise<RatingSummaryDto> {
  // From the tallies the triggers of migration 012 keep, not from every rating of the subject.
  const rows = await tx.query<{ score: number; count: number }>(
    `select score, sum(count) as count from rating_tallies
     where workspace_id = $1 and subject = $2 and scale = $3 and ($4::text is null or source = $4::text)
     group by score`,
    [workspaceId, subject, scale, source ?? null],
  );
  const { min, max } = RATING_SCALE_RANGE[scale];
  const distribution: { score: number; count: number }[] = [];
  for (let score = max; score >= min; score--)
    distribution.push({ score, count: rows.find((r) => r.score === score)?.count ?? 0 });
  const count = distribution.reduce((sum, d) => sum + d.count, 0);
  const total = distribution.reduce((sum, d) => sum + d.score * d.count, 0);
  const tally = (from: number, to: number) =>
    distribution.filter((d) => d.score >= from && d.score <= to).reduce((s, d) => s + d.count, 0);
  const nps =
    scale === 'nps10'
      ? {
          promoters: tally(9, 10),
          passives: tally(7, 8),
          detractors: tally(0, 6),
          score: count === 0 ? null : Math.round(((tally(9, 10) - tally(0, 6)) / count) * 1000) / 10,
        }
      : null;
  return {
    subject,
    scale,
    count,
    average: count === 0 ? null : Math.round((total / count) * 100) / 100,
    distribution,
    nps,
  };
}

/**
 * The public reviews of a subject: its ratings with a comment, newest first, but those a moderator
 * hid. `verified`: the rating came with a contact reference the API verified (it is on a contact).
 */
export async function listPublicReviews(
  tx: Sql,
  workspaceId: string,
  query: PageRequest & { subject: string; scale: RatingScale },
): Promise<Page<PublicReviewDto>> {
  const where = new Where(workspaceId)
    .add('subject = ?', query.subject)
    .add('scale = ?', query.scale)
    .add('hidden = ?', false)
    // Null (no comment) is not <> '': a rating without words is not a review.
    .add('comment <> ?', '');
  const after = decodeCursor(query.cursor, idPattern('rating'));
  const rows = await tx.query<RatingRow>(
    `select * from ratings ${where.page(after, 'desc', query.limit)}`,
    where.params,
  );
  return toPage(rows, query.limit, (r) => ({
    id: r.id,
    scale: r.scale,
    score: r.score,
    comment: r.comment!,
    verified: r.contact_id !== null,
    createdAt: iso(r.created_at),
  }));
}

/**
 * Hides a rating from the public reviews with the moderator's reason, or shows it again. Whatever
 * its score: suppressing reviews for their sentiment is what 16 CFR 465.7 forbids.
 */
export async function moderateRating(
  tx: Sql,
  workspaceId: string,
  id: string,
  moderation: { hidden: true; reason: string } | { hidden: false },
): Promise<RatingDto> {
  const rows = await tx.query<RatingRow>(
    'update ratings set hidden = $1, hidden_reason = $2 where id = $3 and workspace_id = $4 returning *',
    [moderation.hidden, moderation.hidden ? moderation.reason : null, id, workspaceId],
  );
  if (!rows[0]) throw notFound('rating', id);
  return toRating(rows[0]);
}
