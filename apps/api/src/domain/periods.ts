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

function step(date: Date, interval: MetricInterval): Date {
  if (interval === 'day') return new Date(date.getTime() + DAY);
  if (interval === 'week') return new Date(date.getTime() + 7 * DAY);
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
}

/** Buckets from `from`, one interval each, the last one cut at `to`. */
export function buckets(from: Date, to: Date, interval: MetricInterval): { start: Date; end: Date }[] {
  const result: { start: Date; end: Date }[] = [];
  for (let start = from; start < to; start = step(start, interval)) {
    if (result.length === MAX_BUCKETS) {
      throw validation(
        'query.interval',
        `gives more than ${MAX_BUCKETS} buckets for this period; choose a longer interval`,
      );
    }
    const end = step(start, interval);
    result.push({ start, end: end < to ? end : to });
  }
  return result;
}
