import { type Formatter, minorDigits, type Msg } from '@chorus/core';
import type { MetricChange, MetricUnit } from './metric-model.js';

/** Looks a message up in the element's catalogue (with the provider's overrides) and fills it in. */
export type { Msg };

/** From this many whole currency units up, money is shown compact ("€3.7M"); below, in full ("€10,489.58"). */
export const COMPACT_MONEY_FROM = 100_000;

/**
 * A metric's value as a person reads it, in the formatter's locale: money (minor units) in the
 * response's currency, percent from a fraction, days and hours as durations, scores with one
 * decimal, counts compact.
 */
export function formatValue(format: Formatter, unit: MetricUnit, value: number, currency?: string): string {
  switch (unit) {
    case 'money':
      if (!currency) return format.number(value, 0);
      return format.money(value, currency, {
        compact: Math.abs(value) / 10 ** minorDigits(currency) >= COMPACT_MONEY_FROM,
      });
    case 'percent':
      return format.percent(value, 1);
    case 'days':
      return format.duration(value, 'day');
    case 'hours':
      return format.duration(value, 'hour');
    case 'score':
      return format.number(value, 1);
    default:
      return format.compact(value);
  }
}

/**
 * The size of a change, without its sign (the trend carries the direction): `short` for the badge
 * ("0.4 pts", "12.5%"), `long` for the screen-reader sentence ("0.4 points").
 */
export function formatChange(
  format: Formatter,
  change: MetricChange,
  unit: MetricUnit,
  msg: Msg,
  style: 'short' | 'long',
  currency?: string,
): string {
  if (change.kind === 'points') {
    const amount = format.number(change.amount, 1);
    return msg(style === 'short' ? 'metricTile.pointsShort' : 'metricTile.points', {
      amount,
      count: Number(change.amount.toFixed(1)),
    });
  }
  if (change.kind === 'relative') return format.percent(change.amount, 1);
  return formatValue(format, unit, change.amount, currency);
}
