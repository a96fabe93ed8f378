import { html, nothing } from 'lit';
import type { BoardDeal } from './board-model.js';

/** What one card shows, already formatted: the card itself does no work beyond its template. */
export interface CardView {
  deal: BoardDeal;
  value: string;
  owner: string;
  days: string;
  /** The stale badge's text and its longer description, when the deal is past its stage's threshold. */
  stale?: { label: string; detail: string } | undefined;
  carried: boolean;
  tabbable: boolean;
  position: number;
  size: number;
}

/**
 * One card: a plain template (not an element per card) so thousands of them stay cheap. Its
 * behaviour (keys, clicks, drags) is delegated to the board through `data-deal-id`.
 */
export function renderCard(view: CardView, describedBy: string) {
  const { deal, stale } = view;
  return html`<div role="listitem" class="slot" aria-posinset=${view.position} aria-setsize=${view.size}>
    <button
      type="button"
      part="card"
      class="card${view.carried ? ' carried' : ''}${stale ? ' stale' : ''}"
      data-deal-id=${deal.id}
      tabindex=${view.tabbable ? 0 : -1}
      draggable="true"
      aria-describedby=${describedBy}
    >
      <span class="title">${deal.title}</span>
      ${deal.companyName ? html`<span class="company">${deal.companyName}</span>` : nothing}
      <span class="meta">
        <span class="value">${view.value}</span>
        <span class="owner">${view.owner}</span>
      </span>
      <span class="age">
        <span>${view.days}</span>
        ${stale ? html`<span part="stale" class="badge" title=${stale.detail}>${stale.label}</span>` : nothing}
      </span>
    </button>
  </div>`;
}
