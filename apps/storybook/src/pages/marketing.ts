import '@chorus/lifecycle-funnel/define';
import '@chorus/metrics-tiles/define';
import { ChorusElement, QueryController } from '@chorus/core';
import type { ChorusLifecycleFunnel, ChorusStageSelectEvent } from '@chorus/lifecycle-funnel';
import { LIFECYCLE_FUNNEL_MESSAGES, periodRange } from '@chorus/lifecycle-funnel';
import type { Contact, MetricsResponse, Page, RatingSummary } from '@chorus/sdk';
import { css, html } from 'lit';
import { state } from 'lit/decorators.js';
import { pageStyles } from './page-styles.js';

/** The sources the demo's ratings come from, shown side by side for one product. */
export const RATING_SOURCES_SHOWN = ['website', 'marketplace', 'survey'] as const;
export const RATED_PRODUCT = { subject: 'product:studio-monitor-m1', name: 'M1 studio monitors' };

/**
 * The marketing team's page for the last 90 days: the lifecycle funnel; beside it the campaign
 * tiles (ROI and cost per lead) for whatever the funnel is filtered to, and lead conversion for all;
 * the campaign table; and one product's ratings by source (the site's own, a marketplace's, a
 * survey's). Choosing a stage of the funnel lists the contacts now in that stage, as a sales
 * workspace would when it follows the funnel's `chorus-stage-select`.
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
  // The stage names the funnel uses, in the same languages.
  static override defaultMessages = LIFECYCLE_FUNNEL_MESSAGES;

  /** One window for the whole page, so every figure on it counts the same days. */
  private readonly range = periodRange('90d', new Date());

  @state() private campaignId: string | null = null;
  @state() private channel: string | null = null;
  @state() private stage?: ChorusStageSelectEvent;

  private readonly campaignMetrics = new QueryController<MetricsResponse>(this, (q) =>
    q.metrics({
      names: 'campaign_roi,cost_per_lead',
      ...this.range,
      ...(this.campaignId ? { campaignId: this.campaignId } : {}),
      ...(this.channel ? { channel: this.channel as 'email' } : {}),
    }),
  );

  private readonly stageContacts = new QueryController<Page<Contact>>(this, (q) =>
    this.stage ? q.contacts.list({ lifecycleStage: this.stage.stage, limit: 20 }) : null,
  );

  private readonly bySource = RATING_SOURCES_SHOWN.map(
    (source) =>
      new QueryController<RatingSummary>(this, (q) =>
        q.ratings.summary({ subject: RATED_PRODUCT.subject, scale: 'stars5', source }),
      ),
  );

  private onFunnelChange(event: Event) {
    const funnel = event.target as ChorusLifecycleFunnel;
    this.campaignId = funnel.campaignId;
    this.channel = funnel.channel;
  }

  override render() {
    const metrics = this.campaignMetrics.data;
    return html`
      <h2>Marketing</h2>
      <chorus-lifecycle-funnel
        from=${this.range.from}
        to=${this.range.to}
        @change=${this.onFunnelChange}
        @chorus-stage-select=${(event: ChorusStageSelectEvent) => {
          this.stage = event;
        }}
      ></chorus-lifecycle-funnel>
      ${this.stage ? this.renderStageContacts(this.stage) : ''}
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

  private renderStageContacts(stage: ChorusStageSelectEvent) {
    const contacts = this.stageContacts.data?.data;
    const name = this.msg(`lifecycleFunnel.stage.${stage.stage}`);
    return html`<section aria-labelledby="stage-contacts" data-stage=${stage.stage}>
      <h3 id="stage-contacts">Contacts now in “${name}”</h3>
      <p class="muted">${stage.entered} entered this stage in the period; these are the contacts in it today.</p>
      ${
        contacts
          ? html`<ul>
              ${contacts.map((contact) => html`<li data-contact=${contact.id}>${contact.firstName} ${contact.lastName}</li>`)}
            </ul>`
          : html`<p class="muted" role="status">Loading…</p>`
      }
    </section>`;
  }

  private renderRatingsBySource() {
    return html`<section aria-labelledby="by-source">
      <h3 id="by-source">${RATED_PRODUCT.name}: ratings by source</h3>
      <table>
        <thead><tr><th scope="col">Source</th><th scope="col">Ratings</th><th scope="col">Average (of 5)</th></tr></thead>
        <tbody>
          ${RATING_SOURCES_SHOWN.map((source, index) => {
            const summary = this.bySource[index]!.data;
            return html`<tr data-source=${source}>
              <th scope="row">${source}</th>
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
