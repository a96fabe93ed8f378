import { ChorusElement, errorDetail, renderProblem } from '@chorus/core';
import { LIFECYCLE_FUNNEL_MESSAGES, type ChorusStageSelectEvent } from '@chorus/lifecycle-funnel';
import type { FunnelEntry, FunnelEntryPage } from '@chorus/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { InfiniteQueryController } from './infinite-query-controller.js';
import { PAGE_MESSAGES } from './page-messages.js';
import { PAGE_TRANSLATIONS } from './page-translations.js';
import { pageStyles } from './page-styles.js';

/** What a funnel's `chorus-stage-select` says: the stage, its count, the window and the filter shown. */
export type StageSelection = Pick<
  ChorusStageSelectEvent,
  'stage' | 'entered' | 'from' | 'to' | 'campaignId' | 'channel'
>;

const PAGE_SIZE = 10;

/**
 * The contacts a funnel stage counts: who entered it in the funnel's window, by its filter, with
 * when they entered and the first touch (campaign or channel) the filter goes by. Page after page
 * ("Show more") until the list holds as many as the funnel's figure. Shared by the Marketing page and
 * the sales workspace, whichever funnel's `chorus-stage-select` chose the stage.
 *
 * @fires close - The user closed the panel.
 */
export class DemoStageEntries extends ChorusElement {
  static override styles = [
    ...ChorusElement.styles,
    pageStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: start;
        gap: calc(var(--_space) * 2);
      }
      .more {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--_space) * 3);
        margin-block-start: calc(var(--_space) * 2);
      }
      td time {
        white-space: nowrap;
      }
      .tag {
        font-size: 0.8125rem;
        color: var(--_customer-text, var(--_text-muted));
      }
    `,
  ];
  static override defaultMessages = { ...LIFECYCLE_FUNNEL_MESSAGES, ...PAGE_MESSAGES };
  static override translations = PAGE_TRANSLATIONS;

  /** The stage chosen, with the funnel's window, filter and figure; nothing is shown without one. */
  @property({ attribute: false }) selection?: StageSelection;

  private readonly entries = new InfiniteQueryController<FunnelEntryPage>(this, (q) => {
    const chosen = this.selection;
    if (!chosen) return null;
    return q.campaigns.funnelEntries({
      stage: chosen.stage,
      from: chosen.from,
      to: chosen.to,
      ...(chosen.campaignId ? { campaignId: chosen.campaignId } : {}),
      ...(chosen.channel ? { channel: chosen.channel as NonNullable<FunnelEntry['source']> } : {}),
      limit: PAGE_SIZE,
    });
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.internals.ariaBusy = String(this.entries.status === 'pending' || this.entries.isFetchingNextPage);
  }

  /** Moves focus to the panel's heading, for keyboard and screen-reader users who chose a stage. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('h3');
    heading?.focus({ preventScroll: true });
    const top = heading?.getBoundingClientRect().top ?? 0;
    if (heading && (top < 0 || top > window.innerHeight - 48)) heading.scrollIntoView({ block: 'start' });
  }

  override render() {
    const chosen = this.selection;
    if (!chosen) return nothing;
    const stage = this.msg(`lifecycleFunnel.stage.${chosen.stage}`);
    return html`<section aria-labelledby="heading" data-stage=${chosen.stage}>
      <header>
        <h3 id="heading" tabindex="-1">${this.msg('stageEntries.heading', { stage })}</h3>
        <button class="button" @click=${() => this.dispatchEvent(new Event('close', { bubbles: true }))}>
          ${this.msg('stageEntries.close')}
        </button>
      </header>
      <p data-count=${chosen.entered}>
        ${this.msg('stageEntries.summary', {
          count: chosen.entered,
          from: this.format.date(chosen.from),
          to: this.format.date(new Date(Date.parse(chosen.to) - 1)),
        })}
        ${this.renderFilter(chosen)}
      </p>
      ${this.renderList(chosen)}
    </section>`;
  }

  private renderFilter(chosen: StageSelection) {
    if (chosen.channel)
      return this.msg('stageEntries.filter', {
        filter: this.msg(`lifecycleFunnel.channel.${chosen.channel}`),
      });
    if (!chosen.campaignId) return nothing;
    // Every entry came through the campaign: its name is on each of them.
    const name = this.entries.pages?.[0]?.data[0]?.campaign?.name ?? chosen.campaignId;
    return this.msg('stageEntries.filter', { filter: name });
  }

  private renderList(chosen: StageSelection) {
    const pages = this.entries.pages;
    if (!pages) {
      if (this.entries.status === 'error')
        return renderProblem(this.msg('stageEntries.error', { detail: errorDetail(this.entries.error) }), {
          retry: () => this.entries.refetch(),
          retryLabel: this.msg('core.retry'),
          part: '',
        });
      return html`<p class="muted" role="status">${this.msg('stageEntries.loading')}</p>`;
    }
    const entries = pages.flatMap((page) => page.data);
    if (entries.length === 0)
      return html`<p class="muted" role="status">${this.msg('stageEntries.empty')}</p>`;
    return html`<table>
        <thead><tr>
          <th scope="col">${this.msg('stageEntries.column.contact')}</th>
          <th scope="col">${this.msg('stageEntries.column.entered')}</th>
          <th scope="col">${this.msg('stageEntries.column.campaign')}</th>
        </tr></thead>
        <tbody>${entries.map((entry) => this.renderEntry(entry))}</tbody>
      </table>
      <div class="more">
        <span role="status" data-shown=${entries.length}>
          ${this.msg('stageEntries.showing', { shown: entries.length, count: chosen.entered })}
        </span>
        ${
          this.entries.hasNextPage
            ? html`<button
                class="button"
                ?disabled=${this.entries.isFetchingNextPage}
                @click=${() => this.entries.fetchNextPage()}
              >${this.msg(this.entries.isFetchingNextPage ? 'stageEntries.loadingMore' : 'stageEntries.more')}</button>`
            : nothing
        }
        ${
          this.entries.error && this.entries.pages
            ? renderProblem(this.msg('stageEntries.error', { detail: errorDetail(this.entries.error) }), {
                retry: () => this.entries.fetchNextPage(),
                retryLabel: this.msg('core.retry'),
                part: '',
              })
            : nothing
        }
      </div>`;
  }

  private renderEntry(entry: FunnelEntry) {
    const { contact } = entry;
    const touch = entry.campaign
      ? entry.campaign.name
      : entry.source
        ? this.msg('stageEntries.channelOnly', {
            channel: this.msg(`lifecycleFunnel.channel.${entry.source}`),
          })
        : this.msg('stageEntries.noTouch');
    return html`<tr data-contact=${contact.id}>
      <td>
        <span dir="auto">${`${contact.firstName} ${contact.lastName}`.trim()}</span>
        ${entry.from === 'churned' ? html`<span class="tag">${this.msg('stageEntries.returning')}</span>` : nothing}
      </td>
      <td><time datetime=${entry.enteredAt}>${this.format.date(entry.enteredAt)}</time></td>
      <td dir="auto">${touch}</td>
    </tr>`;
  }
}

customElements.get('demo-stage-entries') ?? customElements.define('demo-stage-entries', DemoStageEntries);

declare global {
  interface HTMLElementTagNameMap {
    'demo-stage-entries': DemoStageEntries;
  }
}
