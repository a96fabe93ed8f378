import { ChorusElement, errorDetail, QueryController, renderProblem, setStates } from '@chorus/core';
import type { CampaignReport } from '@chorus/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  type Attribution,
  CAMPAIGN_COLUMNS,
  type CampaignColumn,
  type CampaignRow,
  cellValue,
  type SortDirection,
  sortCampaigns,
} from './campaign-model.js';
import { LIFECYCLE_FUNNEL_MESSAGES } from './messages.js';
import { type Period, type PeriodRange, periodRange } from './period.js';
import { marketingStyles } from './shared.styles.js';
import { LIFECYCLE_FUNNEL_TRANSLATIONS } from './translations.js';

const ATTRIBUTIONS: readonly Attribution[] = ['last_touch', 'first_touch'];

/**
 * Each campaign of the period with the leads and customers it brought (first touch), the revenue
 * credited to it, what it cost in the period and its return on that cost, under the attribution
 * model picked (last touch by default). Every column sorts from its header button, with the
 * keyboard too, and says its order through `aria-sort`.
 *
 * @tagname chorus-campaign-table
 * @summary Campaigns with leads, customers, revenue, cost and ROI, sortable.
 * @fires change - The user sorted, or picked another attribution model; read `sort`, `direction`, `attribution`.
 * @attr theme - `light`, `dark` or `auto` (default: the provider's, then the OS setting).
 * @attr locale - BCP 47 locale for numbers and messages (default: the provider's, then the page's).
 * @slot heading - A title shown beside the attribution switcher.
 * @csspart base - The table's frame.
 * @csspart table - The `<table>`.
 * @cssstate loading - Waiting for the campaigns.
 * @cssstate error - The campaigns could not be loaded.
 * @cssstate empty - No campaign cost or brought in anything in the period.
 */
export class ChorusCampaignTable extends ChorusElement {
  static override styles = [
    ...ChorusElement.styles,
    marketingStyles,
    css`
      .scroll {
        overflow-x: auto;
      }
      th .sort {
        all: unset;
        cursor: pointer;
        min-block-size: 24px;
        display: inline-flex;
        align-items: center;
        gap: var(--_space);
      }
      th .sort:focus-visible {
        outline: var(--_focus);
        outline-offset: 2px;
      }
      .negative {
        color: var(--_negative);
      }
      .skeleton {
        block-size: 10rem;
      }
    `,
  ];
  static override defaultMessages = LIFECYCLE_FUNNEL_MESSAGES;
  static override translations = LIFECYCLE_FUNNEL_TRANSLATIONS;

  private readonly query = new QueryController<CampaignReport>(this, (q) =>
    this.report || !this.range
      ? null
      : q.campaigns.report({
          ...this.range,
          ...(this.channel ? { channel: this.channel as 'email' } : {}),
        }),
  );

  /** `90d` (default), `30d` or `12m`, up to now; `from` and `to` together override it. */
  @property({ reflect: true }) period: Period = '90d';
  @property() from?: string;
  @property() to?: string;

  /** Only campaigns of this channel. */
  @property() channel: string | null = null;

  /** Whose revenue: `last_touch` (default) or `first_touch`; the switcher changes it. */
  @property({ reflect: true }) attribution: Attribution = 'last_touch';

  /** The column the rows are in order of; the header buttons change it. */
  @property({ reflect: true }) sort: CampaignColumn = 'roi';

  @property({ reflect: true }) direction: SortDirection = 'descending';

  /** A `GET /v1/metrics/campaigns` response, for presentational use: no request is made. */
  @property({ attribute: false }) report?: CampaignReport;

  @state() private range?: PeriodRange;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.range || changed.has('period') || changed.has('from') || changed.has('to')) {
      this.range = periodRange(this.period, new Date(), { from: this.from, to: this.to });
    }
    const data = this.data;
    const status = this.report ? 'success' : this.query.status;
    setStates(this.internals, {
      loading: status === 'pending',
      error: status === 'error' && !data,
      empty: !!data && data.data.length === 0,
    });
    this.internals.ariaBusy = String(status === 'pending');
  }

  private get data(): CampaignReport | undefined {
    return this.report ?? this.query.data;
  }

  /** A header pressed: that column, descending first (the biggest numbers lead), then flipping. */
  private sortBy(column: CampaignColumn) {
    if (this.sort === column) this.direction = this.direction === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sort = column;
      this.direction = column === 'name' ? 'ascending' : 'descending';
    }
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onAttribution(event: Event) {
    this.attribution = (event.target as HTMLSelectElement).value as Attribution;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected override render() {
    return html`<section part="base" class="frame" aria-labelledby="label">
      <div class="toolbar">
        <div id="label" class="heading"><slot name="heading">${this.msg('campaignTable.label')}</slot></div>
        <label class="switcher">
          <span>${this.msg('campaignTable.attribution')}</span>
          <select name="attribution" @change=${this.onAttribution}>
            ${ATTRIBUTIONS.map(
              (a) =>
                html`<option value=${a} ?selected=${a === this.attribution}>${this.msg(`campaignTable.attribution.${a}`)}</option>`,
            )}
          </select>
        </label>
      </div>
      <p class="visually-hidden" role="status">${
        this.data
          ? this.msg('campaignTable.sorted', {
              column: this.msg(`campaignTable.column.${this.sort}`),
              direction: this.msg(`campaignTable.${this.direction}`),
            })
          : ''
      }</p>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    if (!this.report && !this.chorusEnvironment)
      return html`<p class="problem" role="alert">${this.msg('core.noProvider')}</p>`;
    const data = this.data;
    if (!data) {
      if (this.query.status === 'error') {
        return renderProblem(this.msg('campaignTable.error', { detail: errorDetail(this.query.error) }), {
          retry: () => this.query.refetch(),
          retryLabel: this.msg('core.retry'),
          part: '',
        });
      }
      return html`<span class="skeleton" role="img" aria-label=${this.msg('campaignTable.loading')}></span>`;
    }
    if (data.data.length === 0) return html`<p class="empty">${this.msg('campaignTable.empty')}</p>`;
    const rows = sortCampaigns(data.data, this.sort, this.direction, this.attribution, this.effectiveLocale);
    return html`<div class="scroll"><table part="table" class="table">
      <caption>${this.msg('campaignTable.caption', {
        from: this.format.date(data.from),
        to: this.format.date(new Date(Date.parse(data.to) - 1)),
      })}</caption>
      <thead><tr>${CAMPAIGN_COLUMNS.map(
        (column) => html`<th scope="col" aria-sort=${this.sort === column ? this.direction : nothing}>
          <button class="sort" @click=${() => this.sortBy(column)}>
            ${this.msg(`campaignTable.column.${column}`)}<span aria-hidden="true">${
              this.sort === column ? (this.direction === 'ascending' ? '▲' : '▼') : ''
            }</span>
          </button>
        </th>`,
      )}</tr></thead>
      <tbody>${rows.map((row) => this.renderRow(row, data.currency))}</tbody>
    </table></div>`;
  }

  private renderRow(row: CampaignRow, currency: string) {
    const value = (column: CampaignColumn) => cellValue(row, column, this.attribution);
    const roi = value('roi') as number | null;
    return html`<tr>
      <th scope="row">${row.campaign.name}
        <span class="muted">${this.msg(`lifecycleFunnel.channel.${row.campaign.channel}`)}</span></th>
      <td>${this.format.number(row.leads, 0)}</td>
      <td>${this.format.number(row.customers, 0)}</td>
      <td>${this.format.money(value('revenue') as number, currency)}</td>
      <td>${this.format.money(row.cost.amount, currency)}</td>
      <td class=${roi !== null && roi < 0 ? 'negative' : ''}>${
        roi === null ? this.msg('lifecycleFunnel.none') : this.format.percent(roi, 0)
      }</td>
    </tr>`;
  }
}
