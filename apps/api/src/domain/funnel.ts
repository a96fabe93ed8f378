import {
  type CampaignChannel,
  FUNNEL_STAGES,
  type FunnelStage,
  type MetricComparison,
} from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { funnelPosition, stageEntries } from './marketing-sql.js';
import { comparisonPeriod, marketingParams } from './metrics.js';
import type { LifecycleFunnelDto } from './types.js';

const DAY = 86_400_000;

export interface MarketingPeriodRequest {
  from?: string | undefined;
  to?: string | undefined;
  compare?: MetricComparison | undefined;
}

/** The period asked for (90 days to now by default) and its comparison period. */
export function marketingPeriod(request: MarketingPeriodRequest, now = new Date()) {
  const to = request.to ? new Date(request.to) : now;
  const from = request.from ? new Date(request.from) : new Date(to.getTime() - 90 * DAY);
  const compare = request.compare ?? 'previous';
  return { from, to, compare, ...comparisonPeriod(from, to, compare) };
}

export interface FunnelRequest extends MarketingPeriodRequest {
  campaignId?: string | undefined;
  channel?: CampaignChannel | undefined;
}

/**
 * Every funnel stage over the period and the comparison period, in one statement: the stage
 * metrics' own fragments (so the funnel and `stage_entry_count`/`stage_conversion_rate` cannot
 * disagree), the median days to the next stage, and the customers who came back from churned.
 */
const FUNNEL_SQL = `with params as (select $4::text as stage, $5::text as campaign_id, $6::text as channel,
    $7::text as attribution, $8::text as source),
  r as materialized (select s, e, i from unnest($2::timestamptz[], $3::timestamptz[]) with ordinality as r(s, e, i))
  select r.i::int as i, st.stage, x.entered, x.conversion_rate, x.median_days, x.returning
  from r cross join unnest(array[${FUNNEL_STAGES.map((s) => `'${s}'`).join(', ')}]::text[]) as st(stage)
  cross join lateral (
    select count(*)::int as entered,
      case when ${funnelPosition('st.stage')} < ${FUNNEL_STAGES.length}
        then avg(case when en.next_at is not null then 1.0 else 0.0 end)::float8 end as conversion_rate,
      (percentile_cont(0.5) within group (order by extract(epoch from (en.next_at - en.changed_at)) / 86400))::float8 as median_days,
      (count(*) filter (where en.from_stage = 'churned'))::int as returning
    from ${stageEntries('st.stage', 'r.s', 'r.e')} en
  ) x
  order by r.i, ${funnelPosition('st.stage')}`;

interface FunnelRow {
  i: number;
  stage: FunnelStage;
  entered: number;
  conversion_rate: number | null;
  median_days: number | null;
  returning: number;
}

export async function computeFunnel(
  tx: Sql,
  workspaceId: string,
  request: FunnelRequest,
  now = new Date(),
): Promise<LifecycleFunnelDto> {
  const period = marketingPeriod(request, now);
  // As computeMetrics: no JIT, and custom plans, so the filter's `$5 is null or …` folds away.
  await tx.query(
    "select set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)",
  );
  const rows = await tx.query<FunnelRow>(FUNNEL_SQL, [
    workspaceId,
    [period.from.toISOString(), period.previousFrom.toISOString()],
    [period.to.toISOString(), period.previousTo.toISOString()],
    ...marketingParams({ campaignId: request.campaignId, channel: request.channel }),
  ]);
  const figures = (row: FunnelRow | undefined) => ({
    entered: Number(row?.entered ?? 0),
    conversionRate: row?.conversion_rate == null ? null : Number(row.conversion_rate),
    medianDaysToNext: row?.median_days == null ? null : Number(row.median_days),
    returning: Number(row?.returning ?? 0),
  });
  const of = (i: number, stage: FunnelStage) => rows.find((row) => row.i === i && row.stage === stage);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    previousFrom: period.previousFrom.toISOString(),
    previousTo: period.previousTo.toISOString(),
    compare: period.compare,
    stages: FUNNEL_STAGES.map((stage) => ({
      stage,
      current: figures(of(1, stage)),
      previous: figures(of(2, stage)),
    })),
  };
}
