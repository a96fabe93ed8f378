import '@chorus/lifecycle-funnel/define';
import '@chorus/metrics-tiles/define';
import './stage-entries.js';
import { ChorusElement, QueryController } from '@chorus/core';
import type { ChorusLifecycleFunnel, ChorusStageSelectEvent } from '@chorus/lifecycle-funnel';
import { periodRange } from '@chorus/lifecycle-funnel';
import type { MetricsResponse, RatingSummary } from '@chorus/sdk';
import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { PAGE_MESSAGES } from './page-messages.js';
import { PAGE_TRANSLATIONS } from './page-translations.js';
import { pageStyles } from './page-styles.js';
import type { DemoStageEntries, StageSelection } from './stage-entries.js';

/** The sources the demo's ratings come from, shown side by side for one product. */
export const RATING_SOURCES_SHOWN = ['website', 'marketplace', 'survey'] as const;
export const RATED_PRODUCT = { subject: 'product:studio-monitor-m1', name: 'M1 studio monitors' };

/**
 * The marketing team's page for the last 90 days: the lifecycle funnel; beside it the campaign
 * tiles (ROI and cost per lead) for whatever the funnel is filtered to, and lead conversion for all;
 * the campaign table; and one product's ratings by source (the site's own, a marketplace's, a
 * survey's). Choosing a stage of the funnel lists the contacts it counts (who entered the stage in
 * the window, by the funnel's filter): the panel the sales workspace opens from its funnel too.
 */
export class DemoMarketing extends ChorusElement {
  static override styles = [
    ...ChorusElement.styles,
    pageStyles,
    css`
      .tiles {
        display: grid;
        gap: calc(var(--_space) * 3);
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      }
    `,
  ];
  static override defaultMessages = PAGE_MESSAGES;
  static override translations = PAGE_TRANSLATIONS;

  /** One window for the whole page, so every figure on it counts the same days. */
  private readonly range = periodRange('90d', new Date());

  @state() private campaignId: string | null = null;
  @state() private channel: string | null = null;
  /** The stage whose contacts are listed, as the funnel's event said it. */
  @state() private stage?: StageSelection;

  @query('demo-stage-entries') private entries?: DemoStageEntries;

  private readonly campaignMetrics = new QueryController<MetricsResponse>(this, (q) =>
    q.metrics({
      names: 'campaign_roi,cost_per_lead',
      ...this.range,
      ...(this.campaignId ? { campaignId: this.campaignId } : {}),
      ...(this.channel ? { channel: this.channel as 'email' } : {}),
    }),
  );

  private readonly bySource = RATING_SOURCES_SHOWN.map(
    (source) =>
      new QueryController<RatingSummary>(this, (q) =>
        q.ratings.summary({ subject: RATED_PRODUCT.subject, scale: 'stars5', source }),
      ),
  );

  private onFunnelChange(event: Event) {
    const funnel = event.target as ChorusLifecycleFunnel;
    // Another window or filter (not just the table view): the listed contacts are no longer the funnel's.
    if (funnel.campaignId !== this.campaignId || funnel.channel !== this.channel || !funnel.from)
      this.stage = undefined;
    this.campaignId = funnel.campaignId;
    this.channel = funnel.channel;
  }

  private async onStageSelect(event: ChorusStageSelectEvent) {
    const { stage, entered, from, to, campaignId, channel } = event;
    this.stage = { stage, entered, from, to, campaignId, channel };
    await this.updateComplete;
    await this.entries?.focusHeading();
  }

  override render() {
    const metrics = this.campaignMetrics.data;
    return html`
      <h2>${this.msg('marketing.heading')}</h2>
      <chorus-lifecycle-funnel
        from=${this.range.from}
        to=${this.range.to}
        @change=${this.onFunnelChange}
        @chorus-stage-select=${this.onStageSelect}
      ></chorus-lifecycle-funnel>
      ${
        this.stage
          ? html`<demo-stage-entries
              .selection=${this.stage}
              @close=${() => (this.stage = undefined)}
            ></demo-stage-entries>`
          : nothing
      }
      <div class="tiles" data-campaign-tiles>
        ${['campaign_roi', 'cost_per_lead'].map(
          (name) => html`<chorus-metric-tile
            .metric=${metrics?.data.find((metric) => metric.name === name)}
            .loading=${!metrics}
            .currency=${metrics?.currency}
            period="90d"
          ></chorus-metric-tile>`,
        )}
        <chorus-metric-tile metric="lead_conversion_rate" period="90d"></chorus-metric-tile>
      </div>
      <chorus-campaign-table from=${this.range.from} to=${this.range.to}></chorus-campaign-table>
      ${this.renderRatingsBySource()}
    `;
  }

  private renderRatingsBySource() {
    return html`<section aria-labelledby="by-source">
      <h3 id="by-source">${this.msg('marketing.bySource', { product: RATED_PRODUCT.name })}</h3>
      <table>
        <thead><tr>
          <th scope="col">${this.msg('marketing.column.source')}</th>
          <th scope="col">${this.msg('marketing.column.count')}</th>
          <th scope="col">${this.msg('marketing.column.average')}</th>
        </tr></thead>
        <tbody>
          ${RATING_SOURCES_SHOWN.map((source, index) => {
            const summary = this.bySource[index]!.data;
            return html`<tr data-source=${source}>
              <th scope="row">${this.msg(`marketing.source.${source}`)}</th>
              <td>${summary ? this.format.number(summary.count, 0) : '…'}</td>
              <td>${summary?.average == null ? '–' : this.format.number(summary.average, 2)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }
}

customElements.get('demo-marketing') ?? customElements.define('demo-marketing', DemoMarketing);

declare global {
  interface HTMLElementTagNameMap {
    'demo-marketing': DemoMarketing;
  }
}
