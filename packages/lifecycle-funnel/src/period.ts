/** The periods the elements offer, each ending now: `30d`, `90d`, `12m`. */
export const PERIODS = ['30d', '90d', '12m'] as const;
export type Period = (typeof PERIODS)[number];

const DAY = 86_400_000;
const LENGTHS: Record<Period, number> = { '30d': 30 * DAY, '90d': 90 * DAY, '12m': 365 * DAY };

export const isPeriod = (value: unknown): value is Period => PERIODS.includes(value as Period);

export interface PeriodRange {
  from: string;
  to: string;
}

/**
 * The range to ask for: `from` and `to` when both are given (a custom range), else the period up to
 * `now`, truncated to the minute so the same period asked twice in a minute shares one cache entry.
 */
export function periodRange(period: Period, now: Date, custom: Partial<PeriodRange> = {}): PeriodRange {
  if (custom.from && custom.to) return { from: custom.from, to: custom.to };
  const to = Math.floor(now.getTime() / 60_000) * 60_000;
  return { from: new Date(to - LENGTHS[period]).toISOString(), to: new Date(to).toISOString() };
}
