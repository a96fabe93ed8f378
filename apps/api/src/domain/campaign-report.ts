import type { CampaignChannel } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { toCampaign } from './campaigns.js';
import { type MarketingPeriodRequest, marketingPeriod } from './funnel.js';
import { costIn } from './marketing-sql.js';
import type { CampaignReportDto } from './types.js';

/**
 * Each campaign's figures over [$2, $3): its cost in the period, the leads and customers it brought
 * (first touch), and the revenue credited to it under both models; by the contract's ATTRIBUTION.
 * First touches and credits are read from the tables the triggers keep (migration 013).
 */
const REPORT_SQL = `with first_customer as materialized (
    select contact_id, min(changed_at) as at from lifecycle_changes
    where workspace_id = $1 and to_stage = 'customer' group by contact_id
  ),
  brought as materialized (
    select ft.campaign_id,
      count(*) filter (where ft.contact_created_at >= $2 and ft.contact_created_at < $3 and ft.lead) as leads,
      count(*) filter (where fc.at >= $2 and fc.at < $3) as customers
    from contact_first_touches ft left join first_customer fc on fc.contact_id = ft.contact_id
    where ft.workspace_id = $1 and ft.campaign_id is not null group by ft.campaign_id
  ),
  credited as materialized (
    select oc.amount, oc.first_campaign_id as first_campaign, oc.last_campaign_id as last_campaign
    from order_credits oc where oc.workspace_id = $1 and oc.ordered_at >= $2 and oc.ordered_at < $3
  ),
  first_revenue as (select first_campaign as campaign_id, sum(amount) as revenue from credited group by 1),
  last_revenue as (select last_campaign as campaign_id, sum(amount) as revenue from credited group by 1)
  select * from (
    select c.id, c.name, c.channel, c.starts_on::text as starts_on, c.ends_on::text as ends_on,
      c.cost_amount, c.cost_currency, c.created_at,
      ${costIn('c', '$2', '$3')} as cost,
      coalesce(b.leads, 0)::int as leads, coalesce(b.customers, 0)::int as customers,
      coalesce(fr.revenue, 0)::float8 as revenue_first, coalesce(lr.revenue, 0)::float8 as revenue_last
    from campaigns c
      left join brought b on b.campaign_id = c.id
      left join first_revenue fr on fr.campaign_id = c.id
      left join last_revenue lr on lr.campaign_id = c.id
    where c.workspace_id = $1 and ($4::text is null or c.channel = $4::text)
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
