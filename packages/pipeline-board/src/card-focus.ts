import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { ReactiveControllerHost } from 'lit';
import type { Column } from './board-model.js';

type VirtualizedList = HTMLElement & {
  [virtualizerRef]?: { element(index: number): { scrollIntoView(options?: object): void } | undefined };
};

type Where = ReadonlyMap<string, { list: number; index: number }>;

/** What focus needs from the board: what it shows and where, its shadow root, and whether a card is carried. */
export interface FocusBoard {
  columns(): readonly Column[];
  where(): Where;
  root(): ShadowRoot;
  carrying(): boolean;
  /** A column the board does not show (a closed stage shown as a drop zone): focus passes it by. */
  hidden(list: number): boolean;
}

/**
 * The board's one tab stop and the roving focus among its cards: arrow keys within and across
 * columns, focusing a card its virtualized column has not rendered, and moving the stop to a card in
 * view when the active one scrolls away.
 */
export class CardFocus {
  /** The card that holds the tab stop, once the user has been on one. */
  activeId?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly board: FocusBoard,
  ) {}

  /** The card that holds the board's one tab stop: the active card, else the first card. */
  get tabStopId(): string | undefined {
    return this.board.where().has(this.activeId ?? '')
      ? this.activeId
      : this.board.columns().find((c, list) => c.deals.length && !this.board.hidden(list))?.deals[0]?.id;
  }

  activate(id: string | undefined): void {
    if (this.activeId === id) return;
    this.activeId = id;
    this.host.requestUpdate();
  }

  /** Roving focus: up and down within a column, left and right to the nearest column with cards. */
  move(at: { list: number; index: number }, lists: number, steps: number): void {
    const columns = this.board.columns();
    let list = at.list + lists;
    const skip = (at: number) => columns[at]!.deals.length === 0 || this.board.hidden(at);
    while (lists !== 0 && columns[list] && skip(list)) list += lists;
    const column = columns[list];
    if (!column || skip(list)) return;
    const index = Math.min(Math.max(at.index + steps, 0), column.deals.length - 1);
    const deal = column.deals[index]!;
    this.activate(deal.id);
    void this.focus(deal.id);
  }

  /**
   * The tab stop must stay on a rendered card: when the active card scrolls out of its column's view
   * the virtualizer stops rendering it, and Tab would skip the board. The stop moves to the first
   * card in view instead (not while a card is carried, and never away from the card that has focus).
   */
  visibilityChanged(event: VisibilityChangedEvent, list: number): void {
    const current = this.tabStopId;
    const at = current ? this.board.where().get(current) : undefined;
    if (!at || at.list !== list || this.board.carrying()) return;
    if (at.index >= event.first && at.index <= event.last) return;
    if (this.board.root().activeElement?.getAttribute('data-deal-id') === current) return;
    const first = this.board.columns()[list]?.deals[event.first];
    if (first) this.activate(first.id);
  }

  /**
   * Focuses a card, scrolling its virtualized column to it first when it is not rendered. A card
   * that changed column is a new element (the old one may linger for a frame), so it looks in the
   * right column and checks that focus stayed.
   */
  async focus(id: string): Promise<void> {
    await this.host.updateComplete;
    for (let frame = 0; frame < 30; frame++) {
      const at = this.board.where().get(id);
      if (!at) return;
      const root = this.board.root();
      const list = root.querySelector(`.cards[data-list="${at.list}"]`) as VirtualizedList | null;
      const card = list?.querySelector<HTMLElement>(`[data-deal-id="${CSS.escape(id)}"]`);
      if (card?.isConnected) {
        if (root.activeElement === card) return;
        card.focus();
      } else {
        try {
          list?.[virtualizerRef]?.element(at.index)?.scrollIntoView({ block: 'nearest' });
        } catch {
          // A virtualizer that has not laid out yet cannot scroll; the next frame tries again.
        }
      }
      await new Promise(requestAnimationFrame);
    }
  }
}
