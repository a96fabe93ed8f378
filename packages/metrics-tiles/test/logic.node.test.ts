import { Formatter } from '@chorus/core';
import { describe, expect, it } from 'vitest';
import { formatChange, formatValue } from '../src/metric-format.js';
import { compareToPrevious, type MetricData, targetProgress, thresholdLevel } from '../src/metric-model.js';
import { METRICS_TILES_MESSAGES } from '../src/messages.js';
import { formatMessage } from '@chorus/core';
import { intervalFor, PERIODS, periodRange } from '../src/period.js';
import { sparklinePaths } from '../src/sparkline.js';
import { metricSummary } from '../src/summary.js';

const msg = (key: string, params?: Record<string, string | number>) =>
  formatMessage('en-US', METRICS_TILES_MESSAGES, {}, key, params);
const en = new Formatter('en-US');

const churn: MetricData = {
  name: 'churn_rate',
  label: 'Churn rate',
  value: 0.021,
  previous: 0.025,
  unit: 'percent',
  direction: 'down_is_good',
  definition: 'Customers who churned…',
  series: [],
};

describe('periods', () => {
  const now = new Date('2026-03-15T10:42:37.123Z');

  it('ends every period at now, truncated to the minute, so one minute shares one key', () => {
    for (const period of PERIODS.filter((p) => p !== 'custom')) {
      expect(periodRange(period, now)?.to).toBe('2026-03-15T10:42:00.000Z');
    }
    expect(periodRange('30d', new Date('2026-03-15T10:42:59.999Z'))).toEqual(periodRange('30d', now));
  });

  it('goes back 30 and 90 days, 12 calendar months, or to 1 January (UTC)', () => {
    expect(periodRange('30d', now)).toEqual({
      from: '2026-02-13T10:42:00.000Z',
      to: '2026-03-15T10:42:00.000Z',
      interval: 'day',
    });
    expect(periodRange('90d', now)?.from).toBe('2025-12-15T10:42:00.000Z');
    expect(periodRange('90d', now)?.interval).toBe('week');
    expect(periodRange('12m', now)).toMatchObject({ from: '2025-03-15T10:42:00.000Z', interval: 'month' });
    expect(periodRange('ytd', now)).toMatchObject({ from: '2026-01-01T00:00:00.000Z', interval: 'week' });
  });

  it('takes a custom range as given and refuses one that is missing or backwards', () => {
    expect(periodRange('custom', now, { from: '2026-01-01', to: '2026-02-01' })).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      interval: 'day',
    });
    expect(periodRange('custom', now, { from: '2026-01-01' })).toBeNull();
    expect(periodRange('custom', now, { from: '2026-02-01', to: '2026-01-01' })).toBeNull();
    expect(periodRange('custom', now, { from: 'soon', to: '2026-01-01' })).toBeNull();
  });

  it('picks days, weeks or months so a sparkline has a readable number of points', () => {
    const day = 86_400_000;
    const at = (days: number) => [new Date(0), new Date(days * day)] as const;
    expect(intervalFor(...at(30))).toBe('day');
    expect(intervalFor(...at(90))).toBe('week');
    expect(intervalFor(...at(365))).toBe('month');
  });
});

describe('change against the previous period', () => {
  it('measures percent metrics in points and calls falling churn good', () => {
    const change = compareToPrevious(0.021, 0.025, 'percent', 'down_is_good')!;
    expect(change).toMatchObject({ kind: 'points', trend: 'down', tone: 'good' });
    expect(change.amount).toBeCloseTo(0.4, 10);
  });

  it('calls rising churn bad and rising win rate good', () => {
    expect(compareToPrevious(0.03, 0.02, 'percent', 'down_is_good')?.tone).toBe('bad');
    expect(compareToPrevious(0.4, 0.3, 'percent', 'up_is_good')?.tone).toBe('good');
  });

  it('measures money and counts relatively, and absolutely when the previous was zero', () => {
    expect(compareToPrevious(125_00, 100_00, 'money', 'up_is_good')).toEqual({
      kind: 'relative',
      trend: 'up',
      tone: 'good',
      amount: 0.25,
    });
    expect(compareToPrevious(500, 0, 'money', 'down_is_good')).toEqual({
      kind: 'absolute',
      trend: 'up',
      tone: 'bad',
      amount: 500,
    });
  });

  it('measures durations and scores in their own unit', () => {
    expect(compareToPrevious(72, 54.5, 'days', 'down_is_good')).toEqual({
      kind: 'absolute',
      trend: 'up',
      tone: 'bad',
      amount: 17.5,
    });
    expect(compareToPrevious(28.6, 35.7, 'score', 'up_is_good')?.trend).toBe('down');
  });

  it('calls a change that rounds to nothing unchanged, and has nothing to say without both values', () => {
    expect(compareToPrevious(0.021, 0.0211, 'percent', 'down_is_good')).toMatchObject({
      trend: 'flat',
      tone: 'neutral',
      amount: 0,
    });
    expect(compareToPrevious(null, 0.2, 'percent', 'up_is_good')).toBeNull();
    expect(compareToPrevious(0.2, null, 'percent', 'up_is_good')).toBeNull();
  });
});

describe('thresholds and targets', () => {
  it('reads thresholds in the direction of the metric', () => {
    expect(thresholdLevel(0.04, 'down_is_good', { warn: 0.03, critical: 0.05 })).toBe('warn');
    expect(thresholdLevel(0.06, 'down_is_good', { warn: 0.03, critical: 0.05 })).toBe('critical');
    expect(thresholdLevel(0.02, 'down_is_good', { warn: 0.03, critical: 0.05 })).toBeNull();
    expect(thresholdLevel(0.2, 'up_is_good', { warn: 0.3, critical: 0.1 })).toBe('warn');
    expect(thresholdLevel(0.05, 'up_is_good', { warn: 0.3, critical: 0.1 })).toBe('critical');
    expect(thresholdLevel(null, 'up_is_good', { warn: 0.3 })).toBeNull();
    expect(thresholdLevel(0.5, 'up_is_good', {})).toBeNull();
  });

  it('measures progress to a target from below or from above', () => {
    expect(targetProgress(30, 40, 'up_is_good')).toEqual({ ratio: 0.75, met: false });
    expect(targetProgress(45, 40, 'up_is_good')).toEqual({ ratio: 1, met: true });
    expect(targetProgress(0.04, 0.02, 'down_is_good')).toEqual({ ratio: 0.5, met: false });
    expect(targetProgress(0.01, 0.02, 'down_is_good')).toEqual({ ratio: 1, met: true });
  });
});

describe('formatting', () => {
  it('formats each unit with Intl in the locale', () => {
    expect(formatValue(en, 'percent', 0.021)).toBe('2.1%');
    expect(formatValue(en, 'money', 1_048_957.89, 'EUR')).toBe('€10,489.58');
    expect(formatValue(en, 'money', 369_620_000, 'EUR')).toBe('€3.7M');
    expect(formatValue(new Formatter('de-DE'), 'money', 369_620_000, 'EUR')).toBe('3,7\u00a0Mio.\u00a0€');
    expect(formatValue(en, 'money', 1_500, 'JPY')).toBe('¥1,500');
    expect(formatValue(en, 'days', 72)).toBe('72 days');
    expect(formatValue(new Formatter('de-DE'), 'hours', 5.5)).toBe('5,5 Stunden');
    expect(formatValue(en, 'score', 4.3684)).toBe('4.4');
    expect(formatValue(en, 'count', 12_345)).toBe('12.3K');
  });

  it('writes points short on the badge and in words for the summary', () => {
    const change = compareToPrevious(0.021, 0.025, 'percent', 'down_is_good')!;
    expect(formatChange(en, change, 'percent', msg, 'short')).toBe('0.4 pts');
    expect(formatChange(en, change, 'percent', msg, 'long')).toBe('0.4 points');
    const one = compareToPrevious(0.03, 0.02, 'percent', 'down_is_good')!;
    expect(formatChange(en, one, 'percent', msg, 'long')).toBe('1 point');
  });
});

describe('the screen-reader summary', () => {
  it('says value, change, period and verdict in one sentence', () => {
    expect(metricSummary(en, msg, { metric: churn, period: '30d' })).toBe(
      'Churn rate 2.1%, down 0.4 points from the previous 30 days, good',
    );
  });

  it('adds the threshold level and the target', () => {
    expect(metricSummary(en, msg, { metric: churn, period: '90d', level: 'warn', target: 0.015 })).toBe(
      'Churn rate 2.1%, down 0.4 points from the previous 90 days, good, warning, 71% of the way to target 1.5%',
    );
    expect(metricSummary(en, msg, { metric: churn, period: '30d', target: 0.03 })).toBe(
      'Churn rate 2.1%, down 0.4 points from the previous 30 days, good, target 3% met',
    );
  });

  it('says when there is no data, nothing to compare with, or no change', () => {
    expect(metricSummary(en, msg, { metric: { ...churn, value: null }, period: '30d' })).toBe(
      'Churn rate: no data for this period yet',
    );
    expect(metricSummary(en, msg, { metric: { ...churn, previous: null }, period: '12m' })).toBe(
      'Churn rate 2.1%, no data for the previous 12 months to compare with',
    );
    expect(metricSummary(en, msg, { metric: { ...churn, previous: 0.021 }, period: '30d' })).toBe(
      'Churn rate 2.1%, unchanged from the previous 30 days',
    );
  });
});

describe('sparkline', () => {
  it('scales the series into the box, highest value at the top', () => {
    const paths = sparklinePaths([0, 5, 10], 100, 20, 0);
    expect(paths.line).toBe('M0 20L50 10L100 0');
    expect(paths.area).toBe('M0 20L0 20L50 10L100 0L100 20Z');
    expect(paths.last).toEqual({ x: 100, y: 0 });
  });

  it('steps over missing values, keeping each point at its time, and draws a flat series at mid-height', () => {
    expect(sparklinePaths([1, 2, null, 3, 4], 40, 10, 0).line).toBe('M0 10L10 6.67L30 3.33L40 0');
    expect(sparklinePaths([7, 7, 7], 10, 10).line).toBe('M0 5L5 5L10 5');
    expect(sparklinePaths([null, 3, null], 10, 10).line).toBe('M5 5h0.01');
  });

  it('draws nothing when there is no data', () => {
    expect(sparklinePaths([], 10, 10)).toEqual({ line: '', area: '', gaps: '' });
    expect(sparklinePaths([null, null], 10, 10)).toEqual({ line: '', area: '', gaps: '' });
  });

  it('runs dashes from the edges to a series that starts late or ends early, and none for a full one', () => {
    expect(sparklinePaths([null, 1, 3, null, null], 40, 10, 0).gaps).toBe('M0 10H10M20 0H40');
    expect(sparklinePaths([2, 4, null], 20, 10, 0).gaps).toBe('M10 0H20');
    expect(sparklinePaths([0, 5, 10], 100, 20, 0).gaps).toBe('');
  });
});
