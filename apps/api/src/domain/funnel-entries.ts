import { type CampaignChannel, type FunnelEntry, type FunnelStage, idPattern } from '@chorus/contract';
import type { z } from '@hono/zod-openapi';
import type { Sql } from '../db/database.js';
import { type ContactRow, toContact } from './contacts.js';
import { marketingPeriod } from './funnel.js';
import { stageEntries } from './marketing-sql.js';
import { decodeCursor, type Page, type PageRequest, toPage } from './pagination.js';
import { iso } from './rows.js';

export type FunnelEntryDto = z.infer<typeof FunnelEntry>;

export interface FunnelEntriesRequest extends PageRequest {
  stage: FunnelStage;
  from?: string | undefined;
  to?: string | undefined;
  campaignId?: string | undefined;
  channel?: CampaignChannel | undefined;
}

/**
 * The entries the funnel counts, through the very fragment it counts them with (`stageEntries`,
 * parameters as in marketing-sql.ts: `$1` workspace, `$4` stage, `$5` campaign, `$6` channel), so
 * the list and the stage's `entered` cannot disagree. Paged by contact id (one entry per contact);
 * each with the campaign and channel of the contact's first touch, which the filters go by.
 */
const ENTRIES_SQL = `select c.*, en.changed_at as entered_at, en.from_stage,
    ft.source as first_source, cmp.id as campaign_id, cmp.name as campaign_name, cmp.channel as campaign_channel
  from ${stageEntries('$4::text', '$2::timestamptz', '$3::timestamptz')} en
  join contacts c on c.id = en.contact_id and c.workspace_id = $1
  left join contact_first_touches ft on ft.workspace_id = $1 and ft.contact_id = c.id
  left join campaigns cmp on cmp.id = ft.campaign_id
  where ($7::text is null or en.contact_id > $7::text)
  order by en.contact_id
  limit $8`;

interface EntryRow extends ContactRow {
  entered_at: Date;
  from_stage: FunnelEntryDto['from'];
  first_source: CampaignChannel | null;
  campaign_id: string | null;
  campaign_name: string | null;
  campaign_channel: CampaignChannel | null;
}

const toEntry = (row: EntryRow): FunnelEntryDto => ({
  contact: toContact(row),
  enteredAt: iso(row.entered_at),
  from: row.from_stage,
  campaign:
    row.campaign_id === null
      ? null
      : { id: row.campaign_id, name: row.campaign_name!, channel: row.campaign_channel! },
  source: row.first_source,
});

export async function listFunnelEntries(
  tx: Sql,
  workspaceId: string,
  request: FunnelEntriesRequest,
  now = new Date(),
): Promise<Page<FunnelEntryDto>> {
  const period = marketingPeriod(request, now);
  const after = decodeCursor(request.cursor, idPattern('contact'));
  // As computeFunnel: custom plans, so the filter's `$5 is null or …` folds away.
  await tx.query(
    "select set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)",
  );
  const rows = await tx.query<EntryRow>(ENTRIES_SQL, [
    workspaceId,
    period.from.toISOString(),
    period.to.toISOString(),
    request.stage,
    request.campaignId ?? null,
    request.channel ?? null,
    after ?? null,
    request.limit + 1,
  ]);
  return toPage(rows, request.limit, toEntry);
}
