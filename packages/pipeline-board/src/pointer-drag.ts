import type { Column } from './board-model.js';
import type { BoardMoves } from './board-moves.js';

/** The card an event happened on (its `data-deal-id` element), inside `host`'s shadow root. */
export function cardOf(event: Event, host: EventTarget): HTMLElement | undefined {
  for (const target of event.composedPath()) {
    if (target === host) return undefined;
    if (target instanceof HTMLElement && target.dataset['dealId']) return target;
  }
  return undefined;
}

/** The column an event happened over, by its `data-list` index. */
export function listOf(event: Event): number | undefined {
  for (const target of event.composedPath()) {
    if (target instanceof HTMLElement && target.dataset['list'] !== undefined)
      return Number(target.dataset['list']);
  }
  return undefined;
}

/**
 * Native drag and drop over the board's columns, turned into the move controller's calls: which
 * card is dragged, which column it is over, and where among that column's cards it lands.
 */
export class PointerDrag {
  constructor(
    private readonly host: EventTarget,
    private readonly moves: BoardMoves,
    /** The columns as shown without a carried card. */
    private readonly columns: () => readonly Column[],
  ) {}

  start(event: DragEvent): void {
    const id = cardOf(event, this.host)?.dataset['dealId'];
    if (!id || !event.dataTransfer) return;
    event.dataTransfer.setData('text/plain', id);
    event.dataTransfer.effectAllowed = 'move';
    this.moves.dragStart(id);
  }

  over(event: DragEvent): void {
    const list = listOf(event);
    if (this.moves.dragId === undefined || list === undefined) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.moves.dragOver(list);
  }

  /** Over a card: before it in its upper half, after it in its lower half; elsewhere: the end. */
  drop(event: DragEvent): void {
    const list = listOf(event);
    const id = this.moves.dragId;
    const column = list === undefined ? undefined : this.columns()[list];
    if (!id || !column || list === undefined) {
      this.moves.dragEnd();
      return;
    }
    event.preventDefault();
    const others = column.deals.filter((d) => d.id !== id);
    const over = cardOf(event, this.host);
    let index = others.length;
    const target = over ? others.findIndex((d) => d.id === over.dataset['dealId']) : -1;
    if (over && target >= 0) {
      const box = over.getBoundingClientRect();
      index = target + (event.clientY > box.top + box.height / 2 ? 1 : 0);
    }
    this.moves.dropAt(list, index);
  }

  end(): void {
    this.moves.dragEnd();
  }
}
