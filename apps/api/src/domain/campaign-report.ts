import type { CampaignChannel } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { toCampaign } from './campaigns.js';
import { type MarketingPeriodRequest, marketingPeriod } from './funnel.js';
import { costIn, creditedCampaign, LEAD_STAGE_LIST, MARKETING_CTES } from './marketing-sql.js';
import type { CampaignReportDto } from './types.js';

/**
 * Each campaign's figures over [$2, $3): its cost in the period, the leads and customers it brought
 * (first touch), and the revenue credited to it under both models; by the contract's ATTRIBUTION.
 */
const REPORT_SQL = `with first_touch as materialized (${MARKETING_CTES.first_touch}),
  credited as materialized (
    select o.amount, ${creditedCampaign('o', "'first_touch'")} as first_campaign,
      ${creditedCampaign('o', "'last_touch'")} as last_campaign
    from orders o where o.workspace_id = $1 and o.ordered_at >= $2 and o.ordered_at < $3
  )
  select * from (
    select c.id, c.name, c.channel, c.starts_on::text as starts_on, c.ends_on::text as ends_on,
      c.cost_amount, c.cost_currency, c.created_at,
      ${costIn('c', '$2', '$3')} as cost,
      (select count(*) from contacts k join first_touch ft on ft.contact_id = k.id
        where k.workspace_id = $1 and ft.campaign_id = c.id and k.created_at >= $2 and k.created_at < $3
          and k.initial_stage = any(${LEAD_STAGE_LIST}))::int as leads,
      (select count(*) from first_touch ft where ft.campaign_id = c.id and (
        select min(lc.changed_at) from lifecycle_changes lc where lc.contact_id = ft.contact_id and lc.to_stage = 'customer'
      ) >= $2 and (
        select min(lc.changed_at) from lifecycle_changes lc where lc.contact_id = ft.contact_id and lc.to_stage = 'customer'
      ) < $3)::int as customers,
      (select coalesce(sum(x.amount), 0) from credited x where x.first_campaign = c.id)::float8 as revenue_first,
      (select coalesce(sum(x.amount), 0) from credited x where x.last_campaign = c.id)::float8 as revenue_last
    from campaigns c where c.workspace_id = $1 and ($4::text is null or c.channel = $4::text)
  ) y
  where y.cost > 0 or y.leads > 0 or y.customers > 0 or y.revenue_first > 0 or y.revenue_last > 0
  order by y.name, y.id`;

export interface CampaignReportRequest extends MarketingPeriodRequest {
  channel?: CampaignChannel | undefined;
}

const roi = (revenue: number, cost: number) => (cost > 0 ? (revenue - cost) / cost : null);

export async function campaignReport(
  tx: Sql,
  workspaceId: string,
  currency: string,
  request: CampaignReportRequest,
  now = new Date(),
): Promise<CampaignReportDto> {
  const period = marketingPeriod(request, now);
  const rows = await tx.query<Parameters<typeof toCampaign>[0] & Record<string, number>>(REPORT_SQL, [
    workspaceId,
    period.from.toISOString(),
    period.to.toISOString(),
    request.channel ?? null,
  ]);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    currency,
    data: rows.map((row) => {
      const cost = Math.round(Number(row.cost));
      const first = Number(row.revenue_first);
      const last = Number(row.revenue_last);
      return {
        campaign: toCampaign(row),
        cost: { amount: cost, currency },
        leads: Number(row.leads),
        customers: Number(row.customers),
        revenue: { firstTouch: { amount: first, currency }, lastTouch: { amount: last, currency } },
        roi: { firstTouch: roi(first, Number(row.cost)), lastTouch: roi(last, Number(row.cost)) },
      };
    }),
  };
}
