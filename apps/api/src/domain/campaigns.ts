import { type CampaignChannel, idPattern } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { decodeCursor, type Page, type PageRequest, toPage, Where } from './pagination.js';
import { assertReferences } from './references.js';
import { iso } from './rows.js';
import type { CampaignDto, ContactTouchesDto, TouchDto } from './types.js';

interface CampaignRow {
  id: string;
  name: string;
  channel: CampaignChannel;
  starts_on: string;
  ends_on: string;
  cost_amount: number | string;
  cost_currency: string;
  created_at: Date;
}

/** Dates as text: a `date` would come back as a local midnight from one engine's driver. */
const CAMPAIGN_COLUMNS = `id, name, channel, starts_on::text as starts_on, ends_on::text as ends_on,
  cost_amount, cost_currency, created_at`;

export const toCampaign = (r: CampaignRow): CampaignDto => ({
  id: r.id,
  name: r.name,
  channel: r.channel,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  cost: { amount: Number(r.cost_amount), currency: r.cost_currency },
  createdAt: iso(r.created_at),
});

export interface CampaignQuery extends PageRequest {
  channel?: CampaignChannel | undefined;
}

export async function listCampaigns(
  tx: Sql,
  workspaceId: string,
  query: CampaignQuery,
): Promise<Page<CampaignDto>> {
  const where = new Where(workspaceId).add('channel = ?', query.channel);
  const after = decodeCursor(query.cursor, idPattern('campaign'));
  const rows = await tx.query<CampaignRow>(
    `select ${CAMPAIGN_COLUMNS} from campaigns ${where.page(after, 'desc', query.limit)}`,
    where.params,
  );
  return toPage(rows, query.limit, toCampaign);
}

export async function getCampaign(tx: Sql, workspaceId: string, id: string): Promise<CampaignDto> {
  const rows = await tx.query<CampaignRow>(
    `select ${CAMPAIGN_COLUMNS} from campaigns where workspace_id = $1 and id = $2`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('campaign', id);
  return toCampaign(rows[0]);
}

export interface CampaignInput {
  name: string;
  channel: CampaignChannel;
  startsOn: string;
  endsOn: string;
  cost: { amount: number; currency: string };
}

export async function createCampaign(
  tx: Sql,
  workspaceId: string,
  input: CampaignInput,
  now = new Date(),
): Promise<CampaignDto> {
  const rows = await tx.query<CampaignRow>(
    `insert into campaigns (id, workspace_id, name, channel, starts_on, ends_on, cost_amount, cost_currency, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${CAMPAIGN_COLUMNS}`,
    [
      newId('campaign', now.getTime()),
      workspaceId,
      input.name,
      input.channel,
      input.startsOn,
      input.endsOn,
      input.cost.amount,
      input.cost.currency,
      now,
    ],
  );
  return toCampaign(rows[0]!);
}

export interface TouchInput {
  campaignId?: string | undefined;
  source?: CampaignChannel | undefined;
  touchedAt?: string | undefined;
}

/**
 * Records a touch: the contact was reached by a campaign or through a channel. Its source is the
 * campaign's channel unless the caller names another. The contact must exist (checked by the caller).
 */
export async function recordTouch(
  tx: Sql,
  workspaceId: string,
  contactId: string,
  input: TouchInput,
  now = new Date(),
): Promise<void> {
  await assertReferences(tx, workspaceId, { campaignId: input.campaignId });
  const source =
    input.source ??
    (input.campaignId ? (await getCampaign(tx, workspaceId, input.campaignId)).channel : null);
  await tx.query(
    `insert into contact_touches (workspace_id, contact_id, campaign_id, source, touched_at)
     values ($1, $2, $3, $4, $5)`,
    [
      workspaceId,
      contactId,
      input.campaignId ?? null,
      source,
      input.touchedAt ? new Date(input.touchedAt) : now,
    ],
  );
}

/** A contact's touches, oldest first (ties in the order recorded), with the first and the latest. */
export async function listTouches(
  tx: Sql,
  workspaceId: string,
  contactId: string,
): Promise<ContactTouchesDto> {
  const exists = await tx.query('select 1 from contacts where workspace_id = $1 and id = $2', [
    workspaceId,
    contactId,
  ]);
  if (exists.length === 0) throw notFound('contact', contactId);
  const rows = await tx.query<{ campaign_id: string | null; source: CampaignChannel; touched_at: Date }>(
    `select campaign_id, source, touched_at from contact_touches
     where workspace_id = $1 and contact_id = $2 order by touched_at, id`,
    [workspaceId, contactId],
  );
  const data: TouchDto[] = rows.map((r) => ({
    campaignId: r.campaign_id,
    source: r.source,
    touchedAt: iso(r.touched_at),
  }));
  return { first: data[0] ?? null, latest: data.at(-1) ?? null, data };
}
