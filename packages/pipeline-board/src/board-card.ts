import { html, nothing } from 'lit';
import type { BoardDeal } from './board-model.js';

/** What one card shows, already formatted: the card itself does no work beyond its template. */
export interface CardView {
  deal: BoardDeal;
  value: string;
  /** The owner's name (or "Unassigned"); with `initials` an avatar stands for it. */
  owner?: { name: string; initials?: string | undefined } | undefined;
  days: string;
  /** The deal's next activity, worded; `overdue` says it in words too, not by colour alone. */
  next?: { text: string; overdue: boolean } | undefined;
  /** "Closes …", when the deal has an expected close date and the board shows it. */
  close?: string | undefined;
  /** The stale badge's text and its longer description, when the deal is past its stage's threshold. */
  stale?: { label: string; detail: string } | undefined;
  carried: boolean;
  /** Moved by someone else a moment ago. */
  marked?: boolean;
  tabbable: boolean;
  position: number;
  size: number;
}

function renderOwner(owner: NonNullable<CardView['owner']>) {
  if (!owner.initials) return html`<span class="owner">${owner.name}</span>`;
  // The initials are decoration; the name is read (and shown on hover) instead.
  return html`<span class="owner" title=${owner.name}
    ><span part="avatar" class="avatar" aria-hidden="true">${owner.initials}</span
    ><span class="visually-hidden">${owner.name}</span></span
  >`;
}

/**
 * One card: a plain template (not an element per card) so thousands of them stay cheap. Its
 * behaviour (keys, clicks, drags) is delegated to the board through `data-deal-id`.
 */
export function renderCard(view: CardView, describedBy: string) {
  const { deal, stale, next } = view;
  return html`<div role="listitem" class="slot" aria-posinset=${view.position} aria-setsize=${view.size}>
    <button
      type="button"
      part="card"
      class="card${view.carried ? ' carried' : ''}${view.marked ? ' marked' : ''}${stale ? ' stale' : ''}"
      data-deal-id=${deal.id}
      tabindex=${view.tabbable ? 0 : -1}
      draggable="true"
      aria-describedby=${describedBy}
    >
      <span class="title">${deal.title}</span>
      ${deal.companyName ? html`<span class="company">${deal.companyName}</span>` : nothing}
      <span class="meta">
        <span class="value">${view.value}</span>
        ${view.owner ? renderOwner(view.owner) : nothing}
      </span>
      ${next ? html`<span part="next-activity" class="next${next.overdue ? ' overdue' : ''}">${next.text}</span>` : nothing}
      <span class="age">
        <span>${view.days}</span>
        ${view.close ? html`<span class="close">${view.close}</span>` : nothing}
        ${stale ? html`<span part="stale" class="badge" title=${stale.detail}>${stale.label}</span>` : nothing}
      </span>
    </button>
  </div>`;
}
