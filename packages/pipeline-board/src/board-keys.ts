import type { BoardDeal, Column } from './board-model.js';
import type { BoardMoves } from './board-moves.js';
import type { CardFocus } from './card-focus.js';

const ARROWS: Record<string, [lists: number, steps: number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * A key pressed on a card at `at`: Space lifts and drops, the arrows carry a lifted card or move
 * focus, Escape cancels a carry, Home and End jump within the column, Enter opens the deal (`open`).
 * Keys the board uses have their default prevented; others pass.
 */
export function onCardKey(
  event: KeyboardEvent,
  deal: BoardDeal,
  at: { list: number; index: number },
  board: { moves: BoardMoves; cards: CardFocus; columns: readonly Column[]; open: (deal: BoardDeal) => void },
): void {
  const { moves, cards } = board;
  const carrying = moves.keyboard.carrying;
  const arrow = ARROWS[event.key];
  if (event.key === ' ' || event.key === 'Enter') {
    event.preventDefault();
    if (carrying) moves.drop();
    else if (event.key === 'Enter') board.open(deal);
    else moves.lift(deal, at.list, at.index);
  } else if (event.key === 'Escape' && carrying) {
    event.preventDefault();
    moves.cancel(deal);
  } else if (arrow) {
    event.preventDefault();
    if (carrying) moves.shift(deal, ...arrow);
    else cards.move(at, ...arrow);
  } else if ((event.key === 'Home' || event.key === 'End') && !carrying) {
    event.preventDefault();
    const last = (board.columns[at.list]?.deals.length ?? 1) - 1;
    cards.move(at, 0, event.key === 'Home' ? -at.index : last - at.index);
  }
}
