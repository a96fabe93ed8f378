import type { MetricName } from './metric-model.js';

/** A tile was activated (click, Enter or Space): drill down into the metric in your app. */
export class ChorusMetricSelectEvent extends Event {
  static readonly eventName = 'chorus-metric-select';
  constructor(
    readonly metric: MetricName,
    readonly value: number | null,
    /** The period shown, when the tile or grid fetched it: RFC 3339 UTC, `to` exclusive. */
    readonly from?: string,
    readonly to?: string,
  ) {
    super(ChorusMetricSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chorus-metric-select': ChorusMetricSelectEvent;
  }
}
