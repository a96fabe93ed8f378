import { ChorusElement, errorDetail, QueryController, renderProblem, setStates } from '@chorus/core';
import { CAMPAIGN_CHANNELS } from '@chorus/contract/enums';
import type { CampaignPage } from '@chorus/sdk';
import { html, nothing, type PropertyValues, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ChorusStageSelectEvent } from './events.js';
import { type FunnelData, funnelRows, isEmptyFunnel, type StageRow } from './funnel-model.js';
import { lifecycleFunnelStyles } from './lifecycle-funnel.styles.js';
import { LIFECYCLE_FUNNEL_MESSAGES } from './messages.js';
import { isPeriod, PERIODS, type Period, type PeriodRange, periodRange } from './period.js';
import { LIFECYCLE_FUNNEL_TRANSLATIONS } from './translations.js';

export const FUNNEL_LAYOUTS = ['vertical', 'horizontal'] as const;
export type FunnelLayout = (typeof FUNNEL_LAYOUTS)[number];

/** The filter `<select>`'s value: `campaign:cmp_…`, `channel:email`, or empty for everything. */
const filterValue = (campaignId?: string | null, channel?: string | null) =>
  campaignId ? `campaign:${campaignId}` : channel ? `channel:${channel}` : '';

/**
 * The lifecycle funnel, subscriber to evangelist: how many entered each stage in the period, the
 * share who went on and the median time it took, each beside the period before; filtered by a
 * campaign or a channel (by the contact's first touch). Customers are never counted as leads, and
 * customers who came back from churned are shown as returning. Every stage is a button; the same
 * numbers are also a table (`view="table"`), for screen readers and for reading across.
 *
 * @tagname chorus-lifecycle-funnel
 * @summary The marketing-to-customer funnel for a period, by campaign or channel.
 * @fires chorus-stage-select - A stage was chosen: `stage`, `entered`, the window `from`/`to` and the filter.
 * @fires change - The user picked another period, filter or view; read `period`, `campaignId`, `channel`, `view`.
 * @attr theme - `light`, `dark` or `auto` (default: the provider's, then the OS setting).
 * @attr locale - BCP 47 locale for numbers and messages (default: the provider's, then the page's).
 * @slot heading - A title shown beside the switchers.
 * @csspart base - The funnel's frame.
 * @csspart toolbar - The row with the heading, period, filter and table switch.
 * @csspart stage - Each stage's button.
 * @csspart bar - Each stage's bar.
 * @csspart step - The conversion between two stages.
 * @csspart table - The table view.
 * @cssproperty --chorus-lifecycle-funnel-bar-color - The bars (default: the accent colour).
 * @cssproperty --chorus-lifecycle-funnel-previous-color - The previous period's marks (default: the border colour).
 * @cssstate loading - Waiting for the funnel.
 * @cssstate error - The funnel could not be loaded.
 * @cssstate empty - Nobody entered the funnel in the period.
 */
export class ChorusLifecycleFunnel extends ChorusElement {
  static override styles = [...ChorusElement.styles, ...lifecycleFunnelStyles];
  static override defaultMessages = LIFECYCLE_FUNNEL_MESSAGES;
  static override translations = LIFECYCLE_FUNNEL_TRANSLATIONS;

  private readonly query = new QueryController<FunnelData>(this, (q) =>
    this.funnel || !this.range
      ? null
      : q.campaigns.funnel({
          ...this.range,
          ...(this.campaignId ? { campaignId: this.campaignId } : {}),
          ...(this.channel ? { channel: this.channel as (typeof CAMPAIGN_CHANNELS)[number] } : {}),
        }),
  );

  private readonly campaigns = new QueryController<CampaignPage>(this, (q) =>
    this.funnel || this.filterless ? null : q.campaigns.list({ limit: 200 }),
  );

  /** `90d` (default), `30d` or `12m`, up to now; `from` and `to` together override it. */
  @property({ reflect: true }) period: Period = '90d';

  /** Start of a custom range, inclusive (RFC 3339). */
  @property() from?: string;

  /** End of a custom range, exclusive (RFC 3339). */
  @property() to?: string;

  /** Only contacts whose first touch came through this campaign. */
  @property({ attribute: 'campaign-id' }) campaignId: string | null = null;

  /** Only contacts whose first touch came through this channel (`email`, `paid`, …). */
  @property() channel: string | null = null;

  /** `vertical` (default): stages stacked, bars across; `horizontal`: stages side by side, bars up. */
  @property({ reflect: true }) layout: FunnelLayout = 'vertical';

  /** `chart` (default) or `table`: the same numbers as a data table. */
  @property({ reflect: true }) view: 'chart' | 'table' = 'chart';

  /** Hide the campaign and channel picker (the page filters through `campaign-id` / `channel`). */
  @property({ type: Boolean, attribute: 'no-filter' }) filterless = false;

  /** A `GET /v1/metrics/funnel` response, for presentational use: no request is made. */
  @property({ attribute: false }) funnel?: FunnelData;

  /** Kept, not recomputed per update, so "now" does not move under a query in flight. */
  @state() private range?: PeriodRange;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.range || changed.has('period') || changed.has('from') || changed.has('to')) {
      this.range = periodRange(this.period, new Date(), { from: this.from, to: this.to });
    }
    const data = this.data;
    const status = this.funnel ? 'success' : this.query.status;
    setStates(this.internals, {
      loading: status === 'pending',
      error: status === 'error' && !data,
      empty: !!data && isEmptyFunnel(funnelRows(data)),
    });
    this.internals.ariaBusy = String(status === 'pending');
  }

  private get data(): FunnelData | undefined {
    return this.funnel ?? this.query.data;
  }

  private onPeriod(event: Event) {
    const value = (event.target as HTMLSelectElement).value;
    if (!isPeriod(value)) return;
    this.period = value;
    this.from = this.to = undefined;
    this.changed();
  }

  private onFilter(event: Event) {
    const [kind, id] = (event.target as HTMLSelectElement).value.split(':');
    this.campaignId = kind === 'campaign' ? id! : null;
    this.channel = kind === 'channel' ? id! : null;
    this.changed();
  }

  private onView(event: Event) {
    this.view = (event.target as HTMLInputElement).checked ? 'table' : 'chart';
    this.changed();
  }

  private changed() {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private select(row: StageRow) {
    const data = this.data;
    if (!data) return;
    this.dispatchEvent(
      new ChorusStageSelectEvent(
        row.stage,
        row.current.entered,
        data.from,
        data.to,
        this.campaignId,
        this.channel,
      ),
    );
  }

  protected override render() {
    const periodName = this.from && this.to ? '' : this.msg(`lifecycleFunnel.period.${this.period}`);
    return html`<section part="base" class="frame" aria-labelledby="label">
      <div part="toolbar" class="toolbar">
        <div id="label" class="heading"><slot name="heading">${this.msg('lifecycleFunnel.label')}</slot></div>
        <label class="switcher">
          <span>${this.msg('lifecycleFunnel.period')}</span>
          <select name="period" @change=${this.onPeriod}>
            ${PERIODS.map(
              (period) =>
                html`<option value=${period} ?selected=${period === this.period}>${this.msg(`lifecycleFunnel.period.${period}`)}</option>`,
            )}
          </select>
        </label>
        ${this.filterless ? nothing : this.renderFilter()}
        <label class="switcher toggle">
          <input type="checkbox" name="table" .checked=${this.view === 'table'} @change=${this.onView} />
          <span>${this.msg('lifecycleFunnel.showTable')}</span>
        </label>
      </div>
      <p class="visually-hidden" role="status">
        ${this.data && periodName ? this.msg('lifecycleFunnel.showing', { period: periodName }) : ''}
      </p>
      ${this.renderBody()}
    </section>`;
  }

  private renderFilter() {
    const selected = filterValue(this.campaignId, this.channel);
    const option = (value: string, label: string) =>
      html`<option value=${value} ?selected=${value === selected}>${label}</option>`;
    return html`<label class="switcher">
      <span>${this.msg('lifecycleFunnel.filter')}</span>
      <select name="filter" @change=${this.onFilter}>
        ${option('', this.msg('lifecycleFunnel.filter.all'))}
        <optgroup label=${this.msg('lifecycleFunnel.filter.channels')}>
          ${CAMPAIGN_CHANNELS.map((channel) => option(`channel:${channel}`, this.msg(`lifecycleFunnel.channel.${channel}`)))}
        </optgroup>
        <optgroup label=${this.msg('lifecycleFunnel.filter.campaigns')}>
          ${(this.campaigns.data?.data ?? []).map((campaign) => option(`campaign:${campaign.id}`, campaign.name))}
          ${
            // A campaign chosen by attribute stays selectable while the list loads (or is on a later page).
            this.campaignId && !this.campaigns.data?.data.some((c) => c.id === this.campaignId)
              ? option(selected, this.campaignId)
              : nothing
          }
        </optgroup>
      </select>
    </label>`;
  }

  private renderBody() {
    if (!this.funnel && !this.chorusEnvironment)
      return html`<p class="problem" role="alert">${this.msg('core.noProvider')}</p>`;
    const data = this.data;
    if (!data) {
      if (this.query.status === 'error') {
        return renderProblem(this.msg('lifecycleFunnel.error', { detail: errorDetail(this.query.error) }), {
          retry: () => this.query.refetch(),
          retryLabel: this.msg('core.retry'),
          part: '',
        });
      }
      return html`<div class="stages" aria-label=${this.msg('lifecycleFunnel.loading')} role="img">
        ${Array.from({ length: 7 }, () => html`<span class="skeleton stage-skeleton"></span>`)}
      </div>`;
    }
    const rows = funnelRows(data);
    if (isEmptyFunnel(rows)) return html`<p class="empty">${this.msg('lifecycleFunnel.empty')}</p>`;
    return this.view === 'table' ? this.renderTable(rows, data) : this.renderChart(rows);
  }

  private stageName = (stage: string) => this.msg(`lifecycleFunnel.stage.${stage}`);
  private rate = (value: number | null) =>
    value === null ? this.msg('lifecycleFunnel.none') : this.format.percent(value, 0);
  private days = (value: number | null) =>
    value === null ? this.msg('lifecycleFunnel.none') : this.format.duration(value, 'day');

  private renderChart(rows: StageRow[]) {
    const horizontal = this.layout === 'horizontal';
    return html`<ol class="stages" role="list">
      ${rows.map(
        (row) => html`<li class="row">
          <button part="stage" class="stage" @click=${() => this.select(row)}>
            <span class="name">${this.stageName(row.stage)}</span>
            <span class="count">${this.msg('lifecycleFunnel.entered', { count: row.current.entered })}</span>
            <span class="muted">${this.msg('lifecycleFunnel.previously', { count: row.previous.entered })}</span>
            ${
              row.current.returning > 0
                ? html`<span class="returning">${this.msg('lifecycleFunnel.returning', { count: row.current.returning })}</span>`
                : nothing
            }
            ${svg`<svg part="bar" class="bar" aria-hidden="true" viewBox=${horizontal ? '0 0 10 100' : '0 0 100 10'} preserveAspectRatio="none">${
              horizontal
                ? svg`<rect x="0" y=${100 - row.share * 100} width="10" height=${row.share * 100}></rect>`
                : svg`<rect x="0" y="0" width=${row.share * 100} height="10"></rect>`
            }</svg>`}
          </button>
          ${row.next ? this.renderStep(row) : nothing}
        </li>`,
      )}
    </ol>`;
  }

  private renderStep(row: StageRow) {
    return html`<p part="step" class="step">
      <span>${this.msg('lifecycleFunnel.conversion', { rate: this.rate(row.current.conversionRate), next: this.stageName(row.next!) })}</span>
      <span class="muted">${this.msg('lifecycleFunnel.conversionPrevious', { rate: this.rate(row.previous.conversionRate) })}</span>
      ${
        row.current.medianDaysToNext === null
          ? nothing
          : html`<span class="muted">${this.msg('lifecycleFunnel.median', { duration: this.days(row.current.medianDaysToNext) })}</span>`
      }
    </p>`;
  }

  private renderTable(rows: StageRow[], data: FunnelData) {
    const columns = ['entered', 'previous', 'conversion', 'previousConversion', 'median', 'returning'];
    return html`<table part="table" class="table">
      <caption>${this.msg('lifecycleFunnel.caption', {
        from: this.format.date(data.from),
        to: this.format.date(new Date(Date.parse(data.to) - 1)),
      })}</caption>
      <thead><tr>
        <th scope="col">${this.msg('lifecycleFunnel.column.stage')}</th>
        ${columns.map((column) => html`<th scope="col">${this.msg(`lifecycleFunnel.column.${column}`)}</th>`)}
      </tr></thead>
      <tbody>${rows.map(
        (row) => html`<tr>
          <th scope="row"><button class="link" @click=${() => this.select(row)}>${this.stageName(row.stage)}</button></th>
          <td>${this.format.number(row.current.entered, 0)}</td>
          <td>${this.format.number(row.previous.entered, 0)}</td>
          <td>${this.rate(row.current.conversionRate)}</td>
          <td>${this.rate(row.previous.conversionRate)}</td>
          <td>${this.days(row.current.medianDaysToNext)}</td>
          <td>${row.stage === 'customer' ? this.format.number(row.current.returning, 0) : this.msg('lifecycleFunnel.none')}</td>
        </tr>`,
      )}</tbody>
    </table>`;
  }
}
