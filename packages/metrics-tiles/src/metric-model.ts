import type { MetricsResponse } from '@chorus/sdk';

/** One metric as `GET /v1/metrics` returns it: what a tile shows. */
export type MetricData = MetricsResponse['data'][number];
export type MetricName = MetricData['name'];
export type MetricUnit = MetricData['unit'];
export type MetricDirection = MetricData['direction'];

/**
 * How a change against the previous period is measured, by unit:
 * - `percent`: percentage points (2.5 % → 2.1 % is "down 0.4 points"), never a percent of a percent;
 * - `money`, `count`: relative change (+12.5 %); absolute when the previous value was 0;
 * - `days`, `hours`, `score`: absolute change in the metric's own unit (+1.5 days, +0.2, −7).
 */
export type ChangeKind = 'points' | 'relative' | 'absolute';
export type Trend = 'up' | 'down' | 'flat';
export type Tone = 'good' | 'bad' | 'neutral';

export interface MetricChange {
  readonly kind: ChangeKind;
  readonly trend: Trend;
  readonly tone: Tone;
  /**
   * The size of the change, never negative: points for `points`, a fraction (0.125 = 12.5 %) for
   * `relative`, the metric's own unit (minor units for money) for `absolute`.
   */
  readonly amount: number;
}

/** The change from `previous` to `value`, or `null` when either is missing. */
export function compareToPrevious(
  value: number | null,
  previous: number | null,
  unit: MetricUnit,
  direction: MetricDirection,
): MetricChange | null {
  if (value === null || previous === null) return null;
  let kind: ChangeKind;
  let change: number;
  if (unit === 'percent') {
    kind = 'points';
    change = (value - previous) * 100;
  } else if ((unit === 'money' || unit === 'count') && previous !== 0) {
    kind = 'relative';
    change = (value - previous) / Math.abs(previous);
  } else {
    kind = 'absolute';
    change = value - previous;
  }
  // A change that rounds to nothing where it is shown is no change: 0.04 points, 0.04 %, 0.04 days.
  const shown = kind === 'relative' ? Math.round(change * 1000) : Math.round(change * 10);
  const trend: Trend = shown === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  const tone: Tone =
    trend === 'flat' ? 'neutral' : (trend === 'up') === (direction === 'up_is_good') ? 'good' : 'bad';
  return { kind, trend, tone, amount: trend === 'flat' ? 0 : Math.abs(change) };
}

export const LEVELS = ['warn', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Where the value stands against the thresholds, read in the metric's direction: for churn
 * (down is good) `critical` at or above the critical threshold; for win rate at or below it.
 */
export function thresholdLevel(
  value: number | null,
  direction: MetricDirection,
  thresholds: { warn?: number | null; critical?: number | null },
): Level | null {
  if (value === null) return null;
  const crossed = (threshold: number | null | undefined) =>
    typeof threshold === 'number' &&
    !Number.isNaN(threshold) &&
    (direction === 'up_is_good' ? value <= threshold : value >= threshold);
  if (crossed(thresholds.critical)) return 'critical';
  if (crossed(thresholds.warn)) return 'warn';
  return null;
}

export interface TargetProgress {
  /** 0 to 1: how far along to the target; 1 once it is met. */
  readonly ratio: number;
  readonly met: boolean;
}

/** Progress towards a target, in the metric's direction (a churn target is met from below). */
export function targetProgress(
  value: number | null,
  target: number,
  direction: MetricDirection,
): TargetProgress {
  if (value === null) return { ratio: 0, met: false };
  const met = direction === 'up_is_good' ? value >= target : value <= target;
  if (met) return { ratio: 1, met };
  const ratio =
    direction === 'up_is_good' ? (target > 0 ? value / target : 0) : value > 0 ? target / value : 0;
  return { ratio: Math.min(1, Math.max(0, ratio)), met };
}
