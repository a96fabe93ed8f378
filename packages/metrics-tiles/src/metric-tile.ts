import {
  ChorusElement,
  cssProperties,
  errorDetail,
  QueryController,
  renderProblem,
  setStates,
} from '@chorus/core';
import type { MetricsResponse } from '@chorus/sdk';
import { html, nothing, type PropertyValues, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ChorusMetricSelectEvent } from './events.js';
import { formatChange, formatValue } from './metric-format.js';
import {
  compareToPrevious,
  type MetricData,
  type MetricName,
  targetProgress,
  thresholdLevel,
} from './metric-model.js';
import { metricTileStyles } from './metric-tile.styles.js';
import { METRICS_TILES_MESSAGES } from './messages.js';
import { METRICS_TILES_TRANSLATIONS } from './translations.js';
import { metricsQuery } from './metrics-query.js';
import { type MetricComparison, type Period, type PeriodRange, periodRange } from './period.js';
import { sparklinePaths } from './sparkline.js';
import { metricSummary } from './summary.js';

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 32;
const STATES = ['loading', 'error', 'no-data', 'warn', 'critical', 'good', 'bad', 'updated'] as const;

/**
 * One number that tells whether the business works: its value for the period, the change against
 * the previous period or the same dates a year earlier (coloured by whether that is good news), a sparkline, an
 * optional target and thresholds, and the agreed definition one button away.
 *
 * Connected: `metric="churn_rate"` and a `period` inside a `<chorus-provider>`. Presentational: set
 * `.metric` (one item of a `GET /v1/metrics` response) and `currency`; no request is made.
 *
 * @tagname chorus-metric-tile
 * @summary A metric's value, change, sparkline, target and definition.
 * @fires chorus-metric-select - The tile was activated (click, Enter, Space): `metric`, `value`, `from`, `to`.
 * @attr theme - `light`, `dark` or `auto` (default: the provider's, then the OS setting).
 * @attr locale - BCP 47 locale for numbers and messages (default: the provider's, then the page's).
 * @csspart base - The tile.
 * @csspart body - The activatable area holding the figures.
 * @csspart label - The metric's name.
 * @csspart value - The formatted value.
 * @csspart delta - The change badge.
 * @csspart sparkline - The series chart.
 * @csspart target - The target and its progress bar.
 * @csspart definition - The agreed definition, when shown.
 * @csspart info - The button that shows the definition.
 * @cssproperty --chorus-metric-tile-background - Tile background (default: --chorus-color-surface).
 * @cssproperty --chorus-metric-tile-border-color - Tile border (default: --chorus-color-border).
 * @cssproperty --chorus-metric-tile-sparkline-color - Sparkline stroke (default: --chorus-color-accent).
 * @cssproperty --chorus-metric-tile-value-size - Font size of the value (default 1.75rem).
 * @cssstate loading - Waiting for data.
 * @cssstate error - The metric could not be loaded.
 * @cssstate no-data - The metric has no value for the period (no ratings yet, say).
 * @cssstate warn - The value is past the `warn` threshold.
 * @cssstate critical - The value is past the `critical` threshold.
 * @cssstate good - The change against the previous period is good news.
 * @cssstate bad - The change against the previous period is bad news.
 * @cssstate dark - The dark scheme is forced by `theme` or the provider.
 * @cssstate updated - For a moment after the value changed under the reader (a move on the board, say): the value is highlighted, as a compact figure may not change visibly.
 */
export class ChorusMetricTile extends ChorusElement {
  static override styles = [...ChorusElement.styles, metricTileStyles];
  static override defaultMessages = METRICS_TILES_MESSAGES;
  static override translations = METRICS_TILES_TRANSLATIONS;

  private readonly query = new QueryController<MetricsResponse>(this, (q) =>
    this.metric || this.loading || !this.metricName || !this.range
      ? null
      : metricsQuery(q, this.metricName, this.period, this.range, this.compare),
  );

  /** The metric to load through the provider, such as `churn_rate`. */
  @property({ attribute: 'metric' }) metricName?: MetricName;

  /** `30d`, `90d`, `12m`, `ytd` (up to now) or `custom` (`from` to `to`). */
  @property() period: Period = '30d';

  /** What the change is measured against: `previous` (the preceding period of equal length) or `year-ago` (the same dates a year earlier). */
  @property() compare: MetricComparison = 'previous';

  /** Start of a `custom` period (RFC 3339 or a date), inclusive. */
  @property() from?: string;

  /** End of a `custom` period, exclusive. */
  @property() to?: string;

  /** The metric itself (an item of a `GET /v1/metrics` response), for presentational use: no request is made. */
  @property({ attribute: false }) metric?: MetricData;

  /** ISO 4217 currency of a presentational money metric (a connected tile takes the response's). */
  @property() currency?: string;

  /** A goal in the metric's unit (a fraction for percent, minor units for money): shows progress to it. */
  @property({ type: Number }) target?: number;

  /** Colours the tile as a warning past this value (above it when down is good, below it when up is good). */
  @property({ type: Number }) warn?: number;

  /** Colours the tile as critical past this value. */
  @property({ type: Number }) critical?: number;

  /** Shows the skeleton without fetching: for a host that loads the data itself, as the grid does. */
  @property({ type: Boolean }) loading = false;

  @state() private definitionOpen = false;

  /** Kept, not recomputed per update, so "now" does not move under a query that is in flight. */
  private range?: PeriodRange | null;

  /** The value last shown, for the question being asked (metric, period, comparison). */
  private lastShown?: { question: string; value: number | null };
  private updatedUntil?: ReturnType<typeof setTimeout>;

  private get shown(): { metric: MetricData; currency?: string } | undefined {
    if (this.metric) return { metric: this.metric, currency: this.currency };
    const response = this.query.data;
    const metric = response?.data.find((m) => m.name === this.metricName);
    return metric ? { metric, currency: response!.currency } : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.range === undefined || changed.has('period') || changed.has('from') || changed.has('to')) {
      this.range = periodRange(this.period, new Date(), { from: this.from, to: this.to });
    }
    const shown = this.shown;
    const metric = shown?.metric;
    const level = metric ? thresholdLevel(metric.value, metric.direction, this) : null;
    const tone =
      metric && compareToPrevious(metric.value, metric.previous, metric.unit, metric.direction)?.tone;
    const status = this.status;
    this.noticeChange(metric);
    const active = new Set<string>([
      ...(this.updatedUntil ? ['updated'] : []),
      ...(status === 'loading' || status === 'error' ? [status] : []),
      ...(metric && metric.value === null ? ['no-data'] : []),
      ...(level ? [level] : []),
      ...(tone === 'good' || tone === 'bad' ? [tone] : []),
    ]);
    setStates(this.internals, Object.fromEntries(STATES.map((name) => [name, active.has(name)])));
    this.internals.ariaBusy = String(status === 'loading');
  }

  /**
   * Marks the tile `updated` for a moment when the same question's answer changed: a new period or
   * comparison is the reader's own doing and is not marked.
   */
  private noticeChange(metric: MetricData | undefined) {
    if (!metric) return;
    const question = [metric.name, this.period, this.from, this.to, this.compare].join('|');
    const before = this.lastShown;
    this.lastShown = { question, value: metric.value };
    if (before?.question !== question || before.value === metric.value) return;
    clearTimeout(this.updatedUntil);
    this.updatedUntil = setTimeout(() => {
      this.updatedUntil = undefined;
      this.requestUpdate();
    }, 2_400);
  }

  private get status(): 'ready' | 'loading' | 'error' | 'unconfigured' {
    if (this.metric) return 'ready';
    if (this.loading) return 'loading';
    if (!this.chorusEnvironment || !this.metricName || !this.range) return 'unconfigured';
    if (this.shown) return 'ready';
    return this.query.status === 'error' ? 'error' : 'loading';
  }

  private onSelect(metric: MetricData) {
    const range = this.metric ? undefined : (this.range ?? undefined);
    this.dispatchEvent(new ChorusMetricSelectEvent(metric.name, metric.value, range?.from, range?.to));
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape' && this.definitionOpen) {
      this.definitionOpen = false;
      this.renderRoot.querySelector<HTMLElement>('.info')?.focus();
    }
  }

  protected override render() {
    const status = this.status;
    const shown = this.shown;
    if (status === 'ready' && shown) return this.renderMetric(shown.metric, shown.currency);
    if (status === 'loading') return this.renderSkeleton();
    if (status === 'error') {
      const error = this.query.error;
      const detail = errorDetail(error);
      return this.renderProblem(this.msg('metricTile.error', { name: this.metricName ?? '', detail }), () =>
        this.query.refetch(),
      );
    }
    if (this.chorusEnvironment && this.metricName && this.period === 'custom') {
      return this.renderProblem(this.msg('metricTile.noRange'));
    }
    return this.renderProblem(this.msg('core.noProvider'));
  }

  private renderSkeleton() {
    return html`<div part="base" class="tile" role="status" aria-label=${this.msg('metricTile.loading')}>
      <span class="skeleton sk-label"></span>
      <span class="skeleton sk-value"></span>
      <span class="skeleton sk-compare"></span>
      <span class="skeleton sk-spark"></span>
    </div>`;
  }

  private renderProblem(text: string, retry?: () => void) {
    return renderProblem(text, { retry, retryLabel: this.msg('core.retry'), className: 'tile' });
  }

  private renderMetric(metric: MetricData, currency: string | undefined) {
    const msg = this.msg.bind(this);
    const format = this.format;
    const level = thresholdLevel(metric.value, metric.direction, this);
    const change = compareToPrevious(metric.value, metric.previous, metric.unit, metric.direction);
    const summary = metricSummary(format, msg, {
      metric,
      period: this.period,
      compare: this.compare,
      currency,
      level,
      target: this.target,
    });
    const value = metric.value === null ? '—' : formatValue(format, metric.unit, metric.value, currency);
    const previous =
      metric.previous === null
        ? msg('metricTile.noPrevious')
        : msg(this.compare === 'year-ago' ? 'metricTile.wasYearAgo' : 'metricTile.was', {
            value: formatValue(format, metric.unit, metric.previous, currency),
          });
    return html`<div part="base" class="tile" @keydown=${this.onKeydown}>
      <button part="body" class="body" @click=${() => this.onSelect(metric)}>
        <span class="visually-hidden">${summary}</span>
        <span class="figures" aria-hidden="true">
          <span class="head">
            <span part="label" class="label" dir="auto">${metric.label}</span>
            ${level ? html`<span class="level">${msg(`metricTile.levelBadge.${level}`)}</span>` : nothing}
          </span>
          <span part="value" class="value">${value}</span>
          ${
            metric.value === null
              ? html`<span class="compare"><span class="muted">${msg('metricTile.noData')}</span></span>`
              : html`<span class="compare">
                ${
                  change
                    ? html`<span part="delta" class="delta ${change.tone}"
                      ><span class="arrow">${change.trend === 'up' ? '▲' : change.trend === 'down' ? '▼' : '■'}</span
                      >${change.trend === 'flat' ? '0' : formatChange(format, change, metric.unit, msg, 'short', currency)}</span
                    >`
                    : nothing
                }
                <span class="muted">${previous}</span>
              </span>`
          }
          ${this.renderSparkline(metric)}
          ${typeof this.target === 'number' ? this.renderTarget(metric, this.target, currency) : nothing}
        </span>
      </button>
      <button
        part="info"
        class="info"
        aria-expanded=${this.definitionOpen ? 'true' : 'false'}
        aria-controls="definition"
        @click=${() => {
          this.definitionOpen = !this.definitionOpen;
        }}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.3"></circle>
          <path d="M8 7v4.2M8 4.6v.1" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"></path>
        </svg>
        <span class="visually-hidden">${msg('metricTile.about', { label: metric.label })}</span>
      </button>
      <p id="definition" part="definition" class="definition" dir="auto" ?hidden=${!this.definitionOpen}>
        ${metric.definition}
      </p>
    </div>`;
  }

  private renderSparkline(metric: MetricData) {
    const paths = sparklinePaths(
      metric.series.map((point) => point.value),
      SPARK_WIDTH,
      SPARK_HEIGHT,
      3,
    );
    if (!paths.line) return html`<span class="spark-empty"></span>`;
    return html`<svg
      part="sparkline"
      class="sparkline"
      viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      ${svg`<path class="area" d=${paths.area}></path><path class="gap" d=${paths.gaps}></path><path class="line" d=${paths.line}></path>`}
    </svg>`;
  }

  private renderTarget(metric: MetricData, target: number, currency: string | undefined) {
    const progress = targetProgress(metric.value, target, metric.direction);
    return html`<span part="target" class="target ${progress.met ? 'met' : ''}">
      <span class="target-text">
        <span>${this.msg('metricTile.target', { target: formatValue(this.format, metric.unit, target, currency) })}</span>
        <span>${this.format.percent(progress.ratio, 0)}</span>
      </span>
      <span class="bar"><span class="fill" ${cssProperties({ '--_progress': progress.ratio.toFixed(3) })}></span></span>
    </span>`;
  }
}
