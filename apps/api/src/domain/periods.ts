import type { MetricInterval } from '@chorus/contract';
import { validation } from '../errors.js';

const DAY = 86_400_000;
const MAX_BUCKETS = 400;

/** Chooses a series interval that gives a readable sparkline for the period's length. */
export function defaultInterval(from: Date, to: Date): MetricInterval {
  const days = (to.getTime() - from.getTime()) / DAY;
  if (days <= 31) return 'day';
  if (days <= 190) return 'week';
  return 'month';
}

/** The start of bucket `index`; months keep the day of `from`, clamped to short months (31 Jan, 28 Feb, 31 Mar). */
function bucketStart(from: Date, interval: MetricInterval, index: number): Date {
  if (interval === 'day') return new Date(from.getTime() + index * DAY);
  if (interval === 'week') return new Date(from.getTime() + index * 7 * DAY);
  const month = from.getUTCMonth() + index;
  const lastDay = new Date(Date.UTC(from.getUTCFullYear(), month + 1, 0)).getUTCDate();
  const start = new Date(from);
  start.setUTCDate(1);
  start.setUTCMonth(month);
  start.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return start;
}

/** Buckets from `from`, one interval each, the last one cut at `to`. */
export function buckets(from: Date, to: Date, interval: MetricInterval): { start: Date; end: Date }[] {
  const result: { start: Date; end: Date }[] = [];
  for (let index = 0; bucketStart(from, interval, index) < to; index++) {
    if (index === MAX_BUCKETS) {
      throw validation(
        'query.interval',
        `gives more than ${MAX_BUCKETS} buckets for this period; choose a longer interval`,
      );
    }
    const end = bucketStart(from, interval, index + 1);
    result.push({ start: bucketStart(from, interval, index), end: end < to ? end : to });
  }
  return result;
}
