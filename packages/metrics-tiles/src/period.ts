import type { MetricsParams } from '@chorus/sdk/query';

/** The periods a tile or grid can show; the union type, the grid's switcher and the tests derive from it. */
export const PERIODS = ['30d', '90d', '12m', 'ytd', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

/** What `previous` is measured over, as the API takes it (the contract's `compare` of `GET /v1/metrics`). */
export type MetricComparison = NonNullable<MetricsParams['compare']>;

/** The comparisons a tile or grid offers: every one the API knows (checked by `EveryComparison`). */
export const COMPARISONS = ['previous', 'year-ago'] as const satisfies readonly MetricComparison[];
type EveryComparison = Exclude<MetricComparison, (typeof COMPARISONS)[number]> extends never ? true : never;
const _everyComparison: EveryComparison = true;

/** Whether `value` is one of `COMPARISONS`. */
export const isComparison = (value: unknown): value is MetricComparison =>
  COMPARISONS.includes(value as MetricComparison);

/** The series bucket, as the API takes it (the contract's `interval` of `GET /v1/metrics`). */
export type MetricInterval = NonNullable<MetricsParams['interval']>;

/** What one `GET /v1/metrics` needs besides the names: `[from, to)` as RFC 3339 UTC, and the bucket. */
export interface PeriodRange {
  readonly from: string;
  readonly to: string;
  readonly interval: MetricInterval;
}

const DAY_MS = 86_400_000;

/** Whether `value` is one of `PERIODS`. */
export const isPeriod = (value: unknown): value is Period => PERIODS.includes(value as Period);

/**
 * The range a period covers, ending at `now` truncated to the minute (UTC), so every element that
 * asks within the same minute asks with the same key and shares one request. `custom` takes `from`
 * and `to` as given; `null` when they are missing, unreadable or out of order.
 */
export function periodRange(
  period: Period,
  now: Date,
  custom: { from?: string | null; to?: string | null } = {},
  { exactEnd = false }: { exactEnd?: boolean } = {},
): PeriodRange | null {
  if (period === 'custom') {
    const from = parseTime(custom.from);
    const to = parseTime(custom.to);
    if (!from || !to || from >= to) return null;
    return { from: from.toISOString(), to: to.toISOString(), interval: intervalFor(from, to) };
  }
  // On whole minutes, so equal ranges share a cache key; `exactEnd` for a range worked out per fetch.
  const to = exactEnd ? new Date(now) : new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const from = new Date(to);
  if (period === '30d') from.setTime(to.getTime() - 30 * DAY_MS);
  else if (period === '90d') from.setTime(to.getTime() - 90 * DAY_MS);
  else if (period === '12m') from.setUTCMonth(to.getUTCMonth() - 12);
  else from.setTime(Date.UTC(to.getUTCFullYear(), 0, 1));
  if (from >= to) from.setTime(to.getTime() - DAY_MS); // 1 January, just after midnight
  return { from: from.toISOString(), to: to.toISOString(), interval: intervalFor(from, to) };
}

/** Days up to six weeks, weeks up to half a year, months beyond: a sparkline of 6 to 45 points. */
export function intervalFor(from: Date, to: Date): MetricInterval {
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  if (days <= 45) return 'day';
  if (days <= 190) return 'week';
  return 'month';
}

function parseTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}
