import type { Formatter } from '@chorus/core';
import { formatChange, formatValue, type Msg } from './metric-format.js';
import { compareToPrevious, type Level, type MetricData, targetProgress } from './metric-model.js';
import type { MetricComparison, Period } from './period.js';

export interface SummaryInput {
  readonly metric: MetricData;
  readonly period: Period;
  /** What `previous` was measured over; the preceding period when left out. */
  readonly compare?: MetricComparison;
  readonly currency?: string;
  readonly level?: Level | null;
  readonly target?: number | null;
}

/**
 * The sentence a screen reader hears for a tile, the whole of its meaning in one line:
 * "Churn rate 2.1%, down 0.4 points from the previous 30 days, good", then the threshold level and
 * the target when there are any.
 */
export function metricSummary(format: Formatter, msg: Msg, input: SummaryInput): string {
  const { metric, period, currency } = input;
  const label = metric.label;
  if (metric.value === null) return msg('metricTile.summaryNoData', { label });
  const value = formatValue(format, metric.unit, metric.value, currency);
  const previous = msg(
    input.compare === 'year-ago' ? 'metricTile.previous.yearAgo' : `metricTile.previous.${period}`,
  );
  const change = compareToPrevious(metric.value, metric.previous, metric.unit, metric.direction);
  const parts: string[] = [];
  if (!change) parts.push(msg('metricTile.summaryNoPrevious', { label, value, previous }));
  else if (change.trend === 'flat') parts.push(msg('metricTile.summaryFlat', { label, value, previous }));
  else {
    parts.push(
      msg('metricTile.summary', {
        label,
        value,
        change: msg(`metricTile.${change.trend}`, {
          amount: formatChange(format, change, metric.unit, msg, 'long', currency),
        }),
        previous,
        verdict: msg(`metricTile.${change.tone}`),
      }),
    );
  }
  if (input.level) parts.push(msg(`metricTile.level.${input.level}`));
  if (typeof input.target === 'number') {
    const target = formatValue(format, metric.unit, input.target, currency);
    const progress = targetProgress(metric.value, input.target, metric.direction);
    parts.push(
      progress.met
        ? msg('metricTile.targetMet', { target })
        : msg('metricTile.targetNotMet', { target, progress: format.percent(progress.ratio, 0) }),
    );
  }
  return parts.join(msg('metricTile.separator'));
}
