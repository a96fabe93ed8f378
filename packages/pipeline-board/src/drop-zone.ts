import type { Msg } from '@chorus/core';
import { html, nothing } from 'lit';
import type { Column } from './board-model.js';
import type { CardView } from './board-card.js';
import { renderCard } from './board-card.js';

/** A won or lost stage while a deal is dragged or carried: somewhere to drop it, not a column to read. */
export interface DropZoneView {
  column: Column;
  list: number;
  msg: Msg;
  /** The pointer is over it. */
  dropTarget: boolean;
  /** The card carried with the keyboard, when it is over this zone (focus stays on it there). */
  carriedId: string | undefined;
  card: (deal: Column['deals'][number], index: number) => CardView;
}

/**
 * One closed stage as a drop target: it appears while a card is dragged or carried (the board
 * renders it then), takes drops like a column (`data-list`), and shows the carried card when the
 * keyboard brings it here, so focus and the announcement have somewhere to be.
 */
function renderDropZone(view: DropZoneView) {
  const { column, list, msg } = view;
  const carried = column.deals.find((deal) => deal.id === view.carriedId);
  return html`<section
    part="drop-zone"
    class="column zone${view.dropTarget || carried ? ' drop-target' : ''}"
    role="group"
    aria-labelledby="stage-${list}"
    data-list=${list}
    data-kind=${column.stage.kind}
  >
    <h3 id="stage-${list}" class="name">
      ${msg(column.stage.kind === 'won' ? 'pipelineBoard.dropWon' : 'pipelineBoard.dropLost', { stage: column.stage.name })}
    </h3>
    ${
      carried
        ? html`<div class="cards" role="list" aria-labelledby="stage-${list}" data-list=${list}>
            ${renderCard(view.card(carried, 0), 'instructions')}
          </div>`
        : nothing
    }
  </section>`;
}

/** The closed stages' zones, in stage order, under the columns. */
export function renderDropZones(
  columns: readonly Column[],
  isZone: (column: Column) => boolean,
  view: Pick<DropZoneView, 'msg' | 'carriedId'> & {
    dropList: number | undefined;
    cards: (column: Column, list: number) => DropZoneView['card'];
  },
) {
  return html`<div class="zones">
    ${columns.map((column, list) =>
      isZone(column)
        ? renderDropZone({
            column,
            list,
            msg: view.msg,
            dropTarget: view.dropList === list,
            carriedId: view.carriedId,
            card: view.cards(column, list),
          })
        : nothing,
    )}
  </div>`;
}
