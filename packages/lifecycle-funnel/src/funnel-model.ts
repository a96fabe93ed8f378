import { FUNNEL_STAGES } from '@chorus/contract/enums';
import type { LifecycleFunnel } from '@chorus/sdk';

export type FunnelData = LifecycleFunnel;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
type Figures = FunnelData['stages'][number]['current'];

/** One stage as the funnel shows it: this period's figures, the previous period's, and its bar's length. */
export interface StageRow {
  stage: FunnelStage;
  /** The stage after it, which `conversionRate` and `medianDaysToNext` lead to; null for the last. */
  next: FunnelStage | null;
  current: Figures;
  previous: Figures;
  /** `entered` over the largest stage's, 0 to 1: the bar's length. */
  share: number;
}

/** The funnel's stages in the agreed order, whatever order the data came in. */
export function funnelRows(data: FunnelData): StageRow[] {
  const byStage = new Map(data.stages.map((s) => [s.stage, s]));
  const empty: Figures = { entered: 0, conversionRate: null, medianDaysToNext: null, returning: 0 };
  const largest = Math.max(1, ...data.stages.map((s) => s.current.entered));
  return FUNNEL_STAGES.map((stage, index) => {
    const figures = byStage.get(stage);
    const current = figures?.current ?? empty;
    return {
      stage,
      next: FUNNEL_STAGES[index + 1] ?? null,
      current,
      previous: figures?.previous ?? empty,
      share: current.entered / largest,
    };
  });
}

/** Nobody entered any stage in the period: the funnel says so instead of drawing empty bars. */
export const isEmptyFunnel = (rows: readonly StageRow[]) => rows.every((row) => row.current.entered === 0);
