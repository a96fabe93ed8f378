import { type Msg, renderProblem as problemWithRetry } from '@chorus/core';
import { html, nothing } from 'lit';
import type { BoardFilter, Figures } from './board-model.js';

/** The open pipeline's figures above the columns. */
export function renderTotal(msg: Msg, totals: Figures, count: string, money: (amount: number) => string) {
  return html`<p part="total" class="total">
    <span class="total-label">${msg('pipelineBoard.total')}</span>
    <span>${msg('pipelineBoard.deals', { count: totals.count, n: count })}</span>
    <span class="money">${money(totals.total)}</span>
    <span class="muted">${msg('pipelineBoard.weighted', { value: money(totals.weighted) })}</span>
  </p>`;
}

/** What a scoped board shows, in words: "Lost deals" and "closed 1 Nov – 30 Nov" (or no window). */
export function scopeWords(msg: Msg, filter: BoardFilter, date: (time: string) => string) {
  const { closedFrom: from, closedTo: to } = filter;
  // The window's end is exclusive: the last day shown is the one before it.
  const last = to && date(new Date(Date.parse(to) - 1).toISOString());
  return {
    label: msg(`pipelineBoard.scope.${filter.status ?? 'closed'}`),
    window:
      from && last
        ? msg('pipelineBoard.closedBetween', { from: date(from), to: last })
        : from
          ? msg('pipelineBoard.closedSince', { from: date(from) })
          : to
            ? msg('pipelineBoard.closedBefore', { to: date(to) })
            : '',
  };
}

/**
 * In place of the open pipeline's total while the board shows only some deals (the lost deals of a
 * period, as a tile drills into): what it shows, their figures, and the way back to every deal.
 */
export function renderScope(
  msg: Msg,
  words: { label: string; window: string },
  figures: { totals: Figures; count: string; money: (amount: number) => string },
  clear: () => void,
) {
  const { totals, count, money } = figures;
  return html`<p part="total" class="total scope">
    <span class="total-label">${words.label}</span>
    ${words.window ? html`<span class="muted">${words.window}</span>` : nothing}
    <span>${msg('pipelineBoard.deals', { count: totals.count, n: count })}</span>
    <span class="money">${money(totals.total)}</span>
    <button class="button" type="button" @click=${clear}>${msg('pipelineBoard.showAll')}</button>
  </p>`;
}

/** The alert that says why something failed; always present, so a new message is announced. */
export function renderProblem(msg: Msg, problem: string, dismiss: () => void) {
  return html`<div class="problem" role="alert">
    ${
      problem
        ? html`<span>${problem}</span>
          <button class="button" @click=${dismiss}>${msg('pipelineBoard.dismiss')}</button>`
        : nothing
    }
  </div>`;
}

/** The board could not be read: why, and a retry. */
export function renderLoadError(msg: Msg, detail: string, retry: () => void) {
  return problemWithRetry(msg('pipelineBoard.error', { detail }), {
    retry,
    retryLabel: msg('core.retry'),
    part: '',
  });
}

/** Skeleton columns while the board loads, and the words a screen reader hears instead. */
export function renderLoading(msg: Msg) {
  return html`<p class="visually-hidden" role="status">${msg('pipelineBoard.loading')}</p>
    <div class="columns" aria-hidden="true">
      ${[0, 1, 2, 3].map(
        () => html`<div class="column">
          <div class="skeleton header-skeleton"></div>
          <div class="skeleton card-skeleton"></div>
          <div class="skeleton card-skeleton"></div>
        </div>`,
      )}
    </div>`;
}
