import '@chorus/contact-card/define';
import '@chorus/lifecycle-funnel/define';
import '@chorus/metrics-tiles/define';
import '@chorus/pipeline-board/define';
import '@chorus/pipeline-board/define-deal-card';
import { ChorusElement } from '@chorus/core';
import type { ChorusAssociationOpenEvent } from '@chorus/contact-card';
import type { ChorusMetricSelectEvent } from '@chorus/metrics-tiles';
import type { ChorusDealOpenEvent, ChorusPipelineBoard } from '@chorus/pipeline-board';
import type { BoardDeal } from '@chorus/sdk';
import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { type ChorusStageSelectEvent, periodRange } from '@chorus/lifecycle-funnel';
import { PAGE_MESSAGES } from './page-messages.js';
import { PAGE_TRANSLATIONS } from './page-translations.js';
import { pageStyles } from './page-styles.js';
import './stage-entries.js';
import type { DemoStageEntries, StageSelection } from './stage-entries.js';

const SALES_METRICS = 'pipeline_value,weighted_pipeline_value,win_rate,lost_sales';

/**
 * The sales team's page: the pipeline's metrics on top, the board below, and the deal one opens
 * beside it: its record (`<chorus-deal-card>`) and its contact's card with quick actions and
 * associations. A tile drills into the board: Lost sales shows the deals lost in the tiles' period,
 * Win rate those closed in it. Nothing else wires them: every write goes through the SDK, whose
 * invalidation rules refetch what it changed (a task scheduled on the deal shows on its board card
 * as the next activity). Below, the lifecycle funnel for the Marketing page's window: a stage chosen
 * there lists the contacts it counts, in the same panel the Marketing page opens.
 */
export class DemoSalesWorkspace extends ChorusElement {
  static override styles = [
    ...ChorusElement.styles,
    pageStyles,
    css`
      /* Laid out by its own width, not the viewport's: the page may sit in a narrower frame. */
      :host {
        container-type: inline-size;
      }
      .work {
        display: grid;
        gap: calc(var(--_space) * 4);
        grid-template-columns: minmax(0, 1fr);
      }
      /* The opened deal sits beside the board only where both keep a usable width; below, under it. */
      @container (min-width: 60rem) {
        .work.with-contact {
          grid-template-columns: minmax(0, 1fr) minmax(16rem, 22rem);
        }
      }
      aside {
        display: grid;
        gap: calc(var(--_space) * 3);
        align-content: start;
      }
      .marketing-link {
        align-self: center;
      }
      aside header {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: calc(var(--_space) * 2);
      }
    `,
  ];

  static override defaultMessages = PAGE_MESSAGES;
  static override translations = PAGE_TRANSLATIONS;

  @property({ attribute: 'pipeline-id' }) pipelineId?: string;

  /** The deal shown beside the board, with its contact. */
  @state() private opened?: BoardDeal;

  /** The funnel stage whose contacts are listed under the funnel. */
  @state() private stage?: StageSelection;

  /** The Marketing page's window (its last 90 days), so both pages count the same contacts. */
  private readonly marketingRange = periodRange('90d', new Date());

  @query('aside') private aside?: HTMLElement;
  @query('demo-stage-entries') private entries?: DemoStageEntries;
  @query('chorus-pipeline-board') private board?: ChorusPipelineBoard;

  /** The board narrowed to what a tile counts; the board's "Show all deals" undoes it. */
  private drillDown = (event: ChorusMetricSelectEvent) => {
    const board = this.board;
    const { from, to } = event;
    if (!board || !from || !to) return;
    const scope =
      event.metric === 'lost_sales'
        ? { status: 'lost' as const, closedFrom: from, closedTo: to }
        : event.metric === 'win_rate'
          ? { closedFrom: from, closedTo: to }
          : undefined;
    if (!scope) return;
    const { status: _status, closedFrom: _from, closedTo: _to, ...kept } = board.filter;
    board.filter = { ...kept, ...scope };
    const { top } = board.getBoundingClientRect();
    if (top < 0 || top > window.innerHeight - 96) board.scrollIntoView({ block: 'start' });
  };

  private async open(event: ChorusDealOpenEvent) {
    this.opened = event.deal;
    await this.updateComplete;
    // Focus moves to the opened deal for keyboard and screen-reader users without jumping the page;
    // only where its top is out of sight (below the board, on a narrow page) is it scrolled to.
    const aside = this.aside;
    if (!aside) return;
    aside.focus({ preventScroll: true });
    const { top } = aside.getBoundingClientRect();
    if (top < 0 || top > window.innerHeight - 48) aside.scrollIntoView({ block: 'start' });
  }

  /**
   * Another deal of the same contact opens here (its card names it); tickets and companies belong to
   * the service and customer pages.
   */
  private openAssociation = (event: ChorusAssociationOpenEvent) => {
    if (event.kind !== 'deal' || !this.opened) return;
    this.opened = { ...this.opened, id: event.id, title: '' };
  };

  private onStageSelect = async (event: ChorusStageSelectEvent) => {
    const { stage, entered, from, to, campaignId, channel } = event;
    this.stage = { stage, entered, from, to, campaignId, channel };
    await this.updateComplete;
    await this.entries?.focusHeading();
  };

  /** The funnel, compact (stages side by side, no filter), linked to the Marketing page. */
  private renderMarketing() {
    return html`<chorus-lifecycle-funnel
        layout="horizontal"
        no-filter
        from=${this.marketingRange.from}
        to=${this.marketingRange.to}
        @chorus-stage-select=${this.onStageSelect}
      >
        <span slot="heading">${this.msg('salesWorkspace.funnel')}</span>
      </chorus-lifecycle-funnel>
      <a class="marketing-link" href="./?path=/story/pages-marketing--marketing" target="_top"
        >${this.msg('salesWorkspace.openMarketing')}</a
      >
      ${
        this.stage
          ? html`<demo-stage-entries
              .selection=${this.stage}
              @close=${() => (this.stage = undefined)}
            ></demo-stage-entries>`
          : nothing
      }`;
  }

  override render() {
    const deal = this.opened;
    return html`
      <chorus-metrics-grid metrics=${SALES_METRICS} period="30d" @chorus-metric-select=${this.drillDown}>
        <h2 slot="heading">${this.msg('salesWorkspace.heading')}</h2>
      </chorus-metrics-grid>
      <div class="work ${deal ? 'with-contact' : ''}">
        <chorus-pipeline-board pipeline-id=${this.pipelineId ?? ''} @chorus-deal-open=${this.open}></chorus-pipeline-board>
        ${
          deal
            ? html`<aside tabindex="-1" aria-labelledby="opened">
                <header>
                  <h3 id="opened" dir="auto">${deal.title || this.msg('salesWorkspace.untitledDeal')}</h3>
                  <button class="button" @click=${() => (this.opened = undefined)}>${this.msg('salesWorkspace.close')}</button>
                </header>
                <chorus-deal-card deal-id=${deal.id}></chorus-deal-card>
                ${
                  deal.contactId
                    ? html`<chorus-contact-card
                        contact-id=${deal.contactId}
                        variant="full"
                        quick-actions
                        associations
                        @chorus-association-open=${this.openAssociation}
                      ></chorus-contact-card>`
                    : html`<p class="muted">${this.msg('salesWorkspace.noContact')}</p>`
                }
              </aside>`
            : nothing
        }
      </div>
      ${this.renderMarketing()}
    `;
  }
}

customElements.get('demo-sales-workspace') ??
  customElements.define('demo-sales-workspace', DemoSalesWorkspace);

declare global {
  interface HTMLElementTagNameMap {
    'demo-sales-workspace': DemoSalesWorkspace;
  }
}
