import type { Sql } from '../db/database.js';
import { notFound } from '../errors.js';
import { rfmSegment } from './rfm.js';
import { isoOrNull } from './rows.js';
import type { ContactInsightsDto } from './types.js';

/** Everything the CRM computes about one contact, in one round trip. */
export async function getInsights(
  tx: Sql,
  workspaceId: string,
  contactId: string,
  currency: string,
): Promise<ContactInsightsDto> {
  const rows = await tx.query<{
    found: boolean;
    ltv: number;
    order_count: number;
    last_order_at: Date | null;
    last_activity_at: Date | null;
    r: number | null;
    f: number | null;
    m: number | null;
    avg_rating: number | null;
    rating_count: number;
    nps_score: number | null;
    nps_at: Date | null;
  }>(
    `with buyers as (
       select contact_id, max(ordered_at) as last_at, count(*) as n, sum(amount) as total
       from orders where workspace_id = $1 group by contact_id
     ), scored as (
       select contact_id, ntile(5) over (order by last_at) as r, ntile(5) over (order by n) as f,
              ntile(5) over (order by total) as m
       from buyers
     )
     select exists (select 1 from contacts where workspace_id = $1 and id = $2) as found,
       coalesce((select total from buyers where contact_id = $2), 0) as ltv,
       coalesce((select n from buyers where contact_id = $2), 0) as order_count,
       (select last_at from buyers where contact_id = $2) as last_order_at,
       (select max(occurred_at) from activities where workspace_id = $1 and contact_id = $2) as last_activity_at,
       s.r, s.f, s.m,
       (select avg(score) from ratings where workspace_id = $1 and contact_id = $2 and scale = 'stars5') as avg_rating,
       (select count(*) from ratings where workspace_id = $1 and contact_id = $2) as rating_count,
       n.score as nps_score, n.created_at as nps_at
     from (select 1) as one
     left join scored s on s.contact_id = $2
     left join lateral (
       select score, created_at from ratings
       where workspace_id = $1 and contact_id = $2 and scale = 'nps10' order by created_at desc, id desc limit 1
     ) n on true`,
    [workspaceId, contactId],
  );
  const row = rows[0];
  if (!row?.found) throw notFound('contact', contactId);
  return {
    contactId,
    lifetimeValue: { amount: row.ltv, currency },
    orderCount: row.order_count,
    lastOrderAt: isoOrNull(row.last_order_at),
    lastActivityAt: isoOrNull(row.last_activity_at),
    rfm:
      row.r === null || row.f === null || row.m === null
        ? null
        : { recency: row.r, frequency: row.f, monetary: row.m, segment: rfmSegment(row.r, row.f) },
    averageRatingGiven: row.avg_rating === null ? null : Math.round(row.avg_rating * 100) / 100,
    ratingCount: row.rating_count,
    latestNps:
      row.nps_score === null || row.nps_at === null
        ? null
        : { score: row.nps_score, at: isoOrNull(row.nps_at)! },
  };
}
