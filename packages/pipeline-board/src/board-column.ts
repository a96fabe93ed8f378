import type { Msg } from '@chorus/core';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing } from 'lit';
import {
  type BoardDeal,
  type CardField,
  type Column,
  daysInStage,
  initialsOf,
  isOverdue,
  isRotting,
} from './board-model.js';
import { type CardView, renderCard } from './board-card.js';
import { columnLayout } from './column-layout.js';

/** What one column shows beyond its stage and deals, worked out by the board. */
export interface ColumnView {
  column: Column;
  list: number;
  msg: Msg;
  /** A header figure, formatted (compact for large totals). */
  figure: (amount: number) => string;
  /** A count, formatted. */
  count: (n: number) => string;
  /** A card's value, formatted (cached by the board: scrolling renders cards by the hundred). */
  money: (amount: number, currency: string) => string;
  /** A duration in days, formatted. */
  days: (days: number) => string;
  /** A date, formatted. */
  date: (time: string) => string;
  /** What the cards show besides their title, value and days in stage. */
  fields: ReadonlySet<CardField>;
  /** Days after which a deal here is stale, if any. */
  threshold: number | undefined;
  carriedId: string | undefined;
  /** Deals someone else moved a moment ago: marked on their cards. */
  markedIds?: ReadonlySet<string>;
  tabStopId: string | undefined;
  dropTarget: boolean;
  definitionDismissed: boolean;
  /** The column is fetching its next page. */
  loadingMore: boolean;
  /** The column's rendered card list, which its virtualizer lays the cards out over. */
  cardList: () => Element | null;
  /** Opens quick add into this stage (connected boards, open stages). */
  add?: (() => void) | undefined;
  on: {
    aboutKeydown: (event: KeyboardEvent) => void;
    aboutLeave: () => void;
    visibility: (event: VisibilityChangedEvent) => void;
  };
}

/** What cards need from their column to be worded: everything but the column's frame. */
export type CardsView = Pick<
  ColumnView,
  | 'column'
  | 'msg'
  | 'money'
  | 'days'
  | 'date'
  | 'fields'
  | 'threshold'
  | 'carriedId'
  | 'markedIds'
  | 'tabStopId'
>;

/** Words a column's cards. Cards render lazily as a column scrolls, so what they share is formatted once here. */
export function cardViews(view: CardsView): (deal: BoardDeal, index: number) => CardView {
  const { column, msg } = view;
  const { figures } = column;
  const now = Date.now();
  const noOwner = msg('pipelineBoard.noOwner');
  const staleBadge =
    view.threshold === undefined
      ? undefined
      : {
          label: msg('pipelineBoard.stale'),
          detail: msg('pipelineBoard.staleDetail', { days: view.days(view.threshold) }),
        };
  const dayTexts = new Map<number, string>();
  const daysText = (days: number) => {
    let text = dayTexts.get(days);
    if (text === undefined) {
      text = msg('pipelineBoard.daysInStage', { days: view.days(days) });
      dayTexts.set(days, text);
    }
    return text;
  };
  const { fields } = view;
  const next = (deal: BoardDeal): CardView['next'] => {
    const task = deal.nextActivity;
    if (!task) return undefined;
    const overdue = isOverdue(task.dueAt, now);
    const text = msg(overdue ? 'pipelineBoard.overdue' : 'pipelineBoard.next', {
      activity: task.body || msg('pipelineBoard.task'),
      due: view.date(task.dueAt),
    });
    return { text, overdue };
  };
  const card = (deal: BoardDeal, index: number): CardView => ({
    deal,
    value: view.money(deal.value.amount, deal.value.currency),
    owner: fields.has('owner')
      ? { name: deal.ownerName ?? noOwner, initials: deal.ownerName ? initialsOf(deal.ownerName) : undefined }
      : undefined,
    next: fields.has('next-activity') ? next(deal) : undefined,
    close:
      fields.has('close-date') && deal.expectedCloseDate
        ? // Noon UTC: the same calendar day in every time zone a person reads it in.
          msg('pipelineBoard.closes', { date: view.date(`${deal.expectedCloseDate}T12:00:00Z`) })
        : undefined,
    days: daysText(daysInStage(deal, now)),
    stale: isRotting(deal, view.threshold, now) ? staleBadge : undefined,
    carried: deal.id === view.carriedId,
    marked: view.markedIds?.has(deal.id) ?? false,
    tabbable: deal.id === view.tabStopId,
    position: index + 1,
    // The server's count: a column that has not loaded all its deals still says how many it holds.
    size: Math.max(figures.count, column.deals.length),
  });
  return card;
}

/**
 * One stage's column: its header (name, the definition on the `?` button, the figures) and its
 * virtualized cards, rendered over the column's own box even where the window does not show it. Behaviour (keys, drags, clicks) is delegated to the board through data
 * attributes; this only renders.
 */
export function renderColumn(view: ColumnView) {
  const { column, list, msg } = view;
  const { stage, figures } = column;
  const card = cardViews(view);
  return html`<section
    part="column"
    class="column${view.dropTarget ? ' drop-target' : ''}"
    role="group"
    aria-labelledby="stage-${list}"
    data-list=${list}
    data-kind=${stage.kind}
  >
    <header part="column-header" class="header">
      <div class="name-row">
        <h3 id="stage-${list}" class="name">${stage.name}</h3>
        <button
          type="button"
          class="about"
          aria-label=${msg('pipelineBoard.about', { stage: stage.name })}
          aria-describedby="definition-${list}"
          @keydown=${view.on.aboutKeydown}
          @blur=${view.on.aboutLeave}
          @mouseleave=${view.on.aboutLeave}
        >
          ?
        </button>
        <span role="tooltip" id="definition-${list}" class="definition${view.definitionDismissed ? ' dismissed' : ''}">
          ${stage.definition || msg('pipelineBoard.noDefinition')}
        </span>
        ${
          view.add
            ? html`<button type="button" class="about add" aria-label=${msg('pipelineBoard.addTo', { stage: stage.name })} @click=${view.add}>+</button>`
            : nothing
        }
      </div>
      <p class="figures">
        <span class="count">${msg('pipelineBoard.deals', { count: figures.count, n: view.count(figures.count) })}</span>
        <span class="money">${view.figure(figures.total)}</span>
        <span class="muted">${msg('pipelineBoard.weighted', { value: view.figure(figures.weighted) })}</span>
      </p>
    </header>
    ${
      column.deals.length
        ? html`<div
            class="cards"
            role="list"
            aria-labelledby="stage-${list}"
            aria-busy=${view.loadingMore ? 'true' : 'false'}
            data-list=${list}
            @visibilityChanged=${view.on.visibility}
          >
            ${virtualize({
              items: column.deals as BoardDeal[],
              // The virtualizer can ask for the old range once after a column shrinks: a missing item renders nothing.
              keyFunction: (deal: BoardDeal | undefined) => deal?.id,
              renderItem: (deal: BoardDeal | undefined, index: number) =>
                deal ? renderCard(card(deal, index), 'instructions') : html``,
              scroller: true,
              layout: columnLayout(view.cardList),
            })}
          </div>`
        : html`<p class="empty">${msg('pipelineBoard.emptyColumn')}</p>`
    }
    ${view.loadingMore ? html`<p class="more muted" role="status">${msg('pipelineBoard.loadingMore')}</p>` : nothing}
  </section>`;
}
