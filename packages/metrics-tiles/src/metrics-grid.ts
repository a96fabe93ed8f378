import { ChorusElement, errorDetail, QueryController, renderProblem, setStates } from '@chorus/core';
import type { MetricsResponse } from '@chorus/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ChorusMetricSelectEvent } from './events.js';
import { METRICS_TILES_MESSAGES } from './messages.js';
import type { MetricData, MetricName } from './metric-model.js';
import { metricsGridStyles } from './metrics-grid.styles.js';
import { metricsQuery } from './metrics-query.js';
import {
  COMPARISONS,
  isComparison,
  isPeriod,
  type MetricComparison,
  PERIODS,
  type Period,
  type PeriodRange,
  periodRange,
} from './period.js';
import { dateInputValue, rangeFromDates } from './range-inputs.js';

/** A threshold pair for one metric of the grid. */
export interface MetricThresholds {
  warn?: number;
  critical?: number;
}

/**
 * A dashboard of metric tiles for one period: one request for all of them, a responsive grid
 * (container queries: one to four columns by the grid's own width), a period switcher with a custom
 * date range, and a comparison switcher (previous period or the same dates last year); each change
 * refetches once. Needs `<chorus-metric-tile>` defined (`@chorus/metrics-tiles/define` does both).
 *
 * @tagname chorus-metrics-grid
 * @summary Metric tiles for one period, loaded in one request, with a period switcher.
 * @fires change - The user picked another period, range or comparison; read `period`, `from`, `to`, `compare`.
 * @fires chorus-metric-select - From a tile: `metric`, `value`, and the window shown, `from` and `to`.
 * @attr theme - `light`, `dark` or `auto` (default: the provider's, then the OS setting).
 * @attr locale - BCP 47 locale for numbers and messages (default: the provider's, then the page's).
 * @slot heading - A title shown beside the period switcher.
 * @csspart base - The grid's frame.
 * @csspart toolbar - The row with the heading and the period switcher.
 * @csspart period - The period `<select>`.
 * @csspart compare - The comparison `<select>`.
 * @csspart range - The custom range's two date fields.
 * @csspart tiles - The list of tiles.
 * @cssproperty --chorus-metrics-grid-gap - Space between tiles (default 12px).
 * @cssstate loading - Waiting for the metrics.
 * @cssstate error - The metrics could not be loaded.
 */
export class ChorusMetricsGrid extends ChorusElement {
  static override styles = [...ChorusElement.styles, metricsGridStyles];
  static override defaultMessages = METRICS_TILES_MESSAGES;

  private readonly query = new QueryController<MetricsResponse>(this, (q) => {
    const names = this.names.join(',');
    return names && this.range ? metricsQuery(q, names, this.period, this.range, this.compare) : null;
  });

  /** Comma-separated metric names, in the order to show them: `churn_rate,win_rate,csat`. */
  @property() metrics = '';

  /** `30d`, `90d`, `12m`, `ytd` (up to now) or `custom` (`from` to `to`); the switcher changes it. */
  @property({ reflect: true }) period: Period = '30d';

  /** `previous` (the preceding period of equal length) or `year-ago` (the same dates last year); the switcher changes it. */
  @property({ reflect: true }) compare: MetricComparison = 'previous';

  /** Start of a `custom` period, inclusive. */
  @property() from?: string;

  /** End of a `custom` period, exclusive. */
  @property() to?: string;

  /** Targets by metric name, in each metric's unit (fractions for percent, minor units for money). */
  @property({ attribute: false }) targets: Partial<Record<MetricName, number>> = {};

  /** Warn and critical thresholds by metric name. */
  @property({ attribute: false }) thresholds: Partial<Record<MetricName, MetricThresholds>> = {};

  /** Kept, not recomputed per update, so "now" does not move under a query that is in flight. */
  private range?: PeriodRange | null;

  private get names(): MetricName[] {
    const names = this.metrics
      .split(',')
      .map((name) => name.trim())
      .filter((name) => /^[a-z_]+$/.test(name));
    return [...new Set(names)] as MetricName[];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.range === undefined || changed.has('period') || changed.has('from') || changed.has('to')) {
      this.range = periodRange(this.period, new Date(), { from: this.from, to: this.to });
    }
    const { status } = this.query;
    setStates(this.internals, { loading: status === 'pending', error: status === 'error' });
    this.internals.ariaBusy = String(status === 'pending');
  }

  private onPeriod(event: Event) {
    const value = (event.target as HTMLSelectElement).value;
    if (!isPeriod(value) || value === this.period) return;
    if (value === 'custom' && !(this.from && this.to) && this.range) {
      // Custom starts from the range on screen, so the fields open filled and the tiles stay put.
      this.from = this.range.from;
      this.to = this.range.to;
    }
    this.period = value;
    this.changed();
  }

  private onCompare(event: Event) {
    const value = (event.target as HTMLSelectElement).value;
    if (!isComparison(value) || value === this.compare) return;
    this.compare = value;
    this.changed();
  }

  private onRange(event: Event) {
    const form = (event.target as HTMLInputElement).form ?? this.renderRoot.querySelector('form');
    const field = (name: string) => form?.querySelector<HTMLInputElement>(`input[name=${name}]`)?.value;
    const range = rangeFromDates(field('from'), field('to'));
    this.rangeInvalid = range === null;
    if (!range || (range.from === this.from && range.to === this.to)) return this.requestUpdate();
    this.from = range.from;
    this.to = range.to;
    this.changed();
  }

  private changed() {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Tiles inside the grid are given their figures, so the grid tells which window they came from. */
  private onTileSelect(event: ChorusMetricSelectEvent) {
    const shown = this.query.data;
    if (event.from || !shown) return;
    event.stopPropagation();
    this.dispatchEvent(new ChorusMetricSelectEvent(event.metric, event.value, shown.from, shown.to));
  }

  /** Whether the custom range's fields hold dates out of order (shown, and nothing refetched). */
  private rangeInvalid = false;

  protected override render() {
    const names = this.names;
    return html`<section part="base" class="grid" aria-labelledby="heading">
      <form part="toolbar" class="toolbar" @submit=${(event: Event) => event.preventDefault()}>
        <div id="heading" class="heading"><slot name="heading"></slot></div>
        <div class="switchers">
          <label class="switcher">
            <span>${this.msg('metricsGrid.period')}</span>
            <select part="period" name="period" .value=${this.period} @change=${this.onPeriod}>
              ${PERIODS.map(
                (period) =>
                  html`<option value=${period} ?selected=${period === this.period}>${this.msg(`metricsGrid.period.${period}`)}</option>`,
              )}
            </select>
          </label>
          ${this.period === 'custom' ? this.renderRange() : nothing}
          <label class="switcher">
            <span>${this.msg('metricsGrid.compare')}</span>
            <select part="compare" name="compare" .value=${this.compare} @change=${this.onCompare}>
              ${COMPARISONS.map(
                (compare) =>
                  html`<option value=${compare} ?selected=${compare === this.compare}>${this.msg(`metricsGrid.compare.${compare}`)}</option>`,
              )}
            </select>
          </label>
        </div>
      </form>
      <p class="visually-hidden" role="status">
        ${this.query.data ? this.msg('metricsGrid.showing', { period: this.msg(`metricsGrid.period.${this.period}`) }) : ''}
      </p>
      ${this.renderBody(names)}
    </section>`;
  }

  /** Two date fields; `to` is the last day shown, as people say it ("1 to 31 March"). */
  private renderRange() {
    const invalid = this.rangeInvalid;
    return html`<span part="range" class="range">
      <label class="switcher">
        <span>${this.msg('metricsGrid.from')}</span>
        <input type="date" name="from" required .value=${dateInputValue(this.from)} @change=${this.onRange}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'range-error' : nothing} />
      </label>
      <label class="switcher">
        <span>${this.msg('metricsGrid.to')}</span>
        <input type="date" name="to" required .value=${dateInputValue(this.to, { inclusive: true })}
          @change=${this.onRange} aria-invalid=${invalid ? 'true' : 'false'} />
      </label>
      ${invalid ? html`<span id="range-error" class="range-error" role="alert">${this.msg('metricsGrid.rangeInvalid')}</span>` : nothing}
    </span>`;
  }

  private renderBody(names: MetricName[]) {
    if (!this.chorusEnvironment)
      return html`<p class="problem" role="alert">${this.msg('core.noProvider')}</p>`;
    if (!this.range) return html`<p class="problem" role="alert">${this.msg('metricTile.noRange')}</p>`;
    const { status, error, data } = this.query;
    if (status === 'error' && !data) {
      return renderProblem(this.msg('metricsGrid.error', { detail: errorDetail(error) }), {
        retry: () => this.query.refetch(),
        retryLabel: this.msg('core.retry'),
        part: '',
      });
    }
    const byName = new Map<string, MetricData>(data?.data.map((metric) => [metric.name, metric]));
    return html`<ul part="tiles" class="tiles" role="list" @chorus-metric-select=${this.onTileSelect}>
      ${names.map((name) => {
        const metric = byName.get(name);
        const thresholds = this.thresholds[name];
        return html`<li>
          <chorus-metric-tile
            .metric=${metric}
            .loading=${!metric}
            .currency=${data?.currency}
            .period=${this.period}
            .compare=${this.compare}
            .target=${this.targets[name]}
            .warn=${thresholds?.warn}
            .critical=${thresholds?.critical}
            .locale=${this.locale}
            .theme=${this.theme}
            .messages=${this.messages}
          ></chorus-metric-tile>
        </li>`;
      })}
    </ul>`;
  }
}
