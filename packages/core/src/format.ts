import { intl } from './intl-cache.js';

/**
 * How many minor units a currency has to its major unit (EUR 2, JPY 0, BHD 3), as `Intl` knows it:
 * the one place amounts in minor units (as the API sends them) are scaled for people.
 */
export function minorDigits(currency: string): number {
  return (
    intl(Intl.NumberFormat, 'en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
    2
  );
}

/**
 * Formatting with `Intl` in one locale: money in minor units, percent from fractions, compact
 * numbers, durations and relative times. Formatters come from one page-wide cache, since building
 * one is the slow part.
 */
export class Formatter {
  constructor(readonly locale: string) {}

  private numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
    return intl(Intl.NumberFormat, this.locale, options);
  }

  /** `amount` is in minor units (cents); the currency says how many there are to the unit (JPY none). */
  money(amount: number, currency: string, options: { compact?: boolean } = {}): string {
    const value = amount / 10 ** minorDigits(currency);
    if (!options.compact) return this.numberFormat({ style: 'currency', currency }).format(value);
    return this.numberFormat({
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(value);
  }

  /** `fraction` 0.021 is 2.1 %. */
  percent(fraction: number, maximumFractionDigits = 1): string {
    return this.numberFormat({ style: 'percent', maximumFractionDigits }).format(fraction);
  }

  number(value: number, maximumFractionDigits = 1): string {
    return this.numberFormat({ maximumFractionDigits }).format(value);
  }

  compact(value: number): string {
    return this.numberFormat({ notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }

  /** A length of time in days or hours, as the locale writes units ("3 days", "3 Tage", "3日"). */
  duration(value: number, unit: 'day' | 'hour'): string {
    return this.numberFormat({ style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(
      value,
    );
  }

  /** "3 days ago", "in 2 hours", "yesterday": the largest unit that fits. */
  relativeTime(time: string | Date, now: Date = new Date()): string {
    const seconds = (new Date(time).getTime() - now.getTime()) / 1000;
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 31_536_000],
      ['month', 2_592_000],
      ['week', 604_800],
      ['day', 86_400],
      ['hour', 3600],
      ['minute', 60],
    ];
    const format = intl(Intl.RelativeTimeFormat, this.locale, { numeric: 'auto' });
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return format.format(Math.round(seconds), 'second');
  }

  date(time: string | Date, style: 'medium' | 'long' = 'medium'): string {
    return intl(Intl.DateTimeFormat, this.locale, { dateStyle: style }).format(new Date(time));
  }
}
