import type { BoardDeal, BoardStagePage, PipelineBoard } from './types.js';

/**
 * What a board is made of, for the pure functions below: the cached board read (with the server's
 * stage figures), or a presentational board's pipeline and deals (without figures).
 */
export interface BoardState {
  pipeline: PipelineBoard['pipeline'];
  deals: readonly BoardDeal[];
  stages?: PipelineBoard['stages'];
  totals?: PipelineBoard['totals'];
}

/** A deal going to a stage, and where in it. */
export interface BoardMove {
  dealId: string;
  stageId: string;
  /**
   * Right after this deal of the stage, or first with `null`. Omitted: last when the stage
   * changes, where it was when it does not (as the API does).
   */
  after?: string | null | undefined;
  /** When the deal enters a new stage (an ISO time): its `stageEnteredAt` until the server's copy arrives. */
  at: string;
}

/** The order of a column on the board and in the API: by `rank`, then `id`, as bytes. */
export function compareRank(a: Pick<BoardDeal, 'rank' | 'id'>, b: Pick<BoardDeal, 'rank' | 'id'>): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A rank that sorts (as bytes) strictly between two neighbours' (`null`: no neighbour on that side).
 * Only what the board shows until the server's copy of the move arrives: the API computes the rank
 * it stores (fractional indexing, https://github.com/rocicorp/fractional-indexing) from `after`, so
 * this needs no more than to sort right. Digit by digit: the first place with room between the two
 * takes the middle digit; where they differ by one, the lower digit is kept and the upper bound
 * lifted. Its answers never end in "0", so there is always room below them. Tied or out-of-order
 * neighbours (no room) get a rank just after the lower one.
 */
export function rankBetween(low: string | null, high: string | null): string {
  const a = low ?? '';
  let upper = high;
  let key = '';
  for (let i = 0; upper === null || i < upper.length; i++) {
    const da = i < a.length ? DIGITS.indexOf(a[i]!) : 0;
    const db = upper === null ? DIGITS.length : DIGITS.indexOf(upper[i]!);
    if (db - da > 1) return key + DIGITS[(da + db) >> 1];
    if (db < da) break;
    key += DIGITS[da];
    if (db - da === 1) upper = null;
  }
  return `${a}V`;
}

/**
 * What a moved deal looks like, written once: its stage, its status (the stage's kind), its rank
 * between its new neighbours, its `stageEnteredAt`, and the figures of the two stages (and the open
 * total) it leaves and enters. The SDK's optimistic move applies it to every cached board of the
 * pipeline; a presentational board applies it to its own deals. Returns `board` itself when the
 * deal or the stage is unknown.
 */
export function applyDealMove<Board extends BoardState>(board: Board, move: BoardMove): Board {
  const deal = board.deals.find((item) => item.id === move.dealId);
  const stage = board.pipeline.stages.find((item) => item.id === move.stageId);
  if (!deal || !stage) return board;
  const changing = deal.stageId !== stage.id;
  let rank = deal.rank;
  if (changing || move.after !== undefined) {
    const column = board.deals
      .filter((item) => item.stageId === stage.id && item.id !== deal.id)
      .sort(compareRank);
    const anchor = move.after ? column.findIndex((item) => item.id === move.after) : -1;
    const index = move.after === null ? 0 : anchor >= 0 ? anchor + 1 : column.length;
    rank = rankBetween(column[index - 1]?.rank ?? null, column[index]?.rank ?? null);
  }
  const moved: BoardDeal = {
    ...deal,
    stageId: stage.id,
    status: stage.kind,
    rank,
    stageEnteredAt: changing ? move.at : deal.stageEnteredAt,
    // As the API does: entering a won or lost stage closes the deal then; an open stage reopens it.
    closedAt: !changing ? deal.closedAt : stage.kind === 'open' ? null : move.at,
  };
  const next = { ...board, deals: board.deals.map((item) => (item.id === deal.id ? moved : item)) };
  if (!changing || !board.stages) return next;

  const probability = (stageId: string) =>
    board.pipeline.stages.find((item) => item.id === stageId)?.probability ?? 0;
  const amount = deal.value.amount;
  type Figures = NonNullable<BoardState['stages']>[number];
  const shift = (figures: Figures, sign: 1 | -1, stageId: string): Figures => ({
    ...figures,
    count: figures.count + sign,
    total: figures.total + sign * amount,
    weighted: figures.weighted + sign * Math.round(amount * probability(stageId)),
  });
  next.stages = board.stages.map((figures) =>
    figures.stageId === deal.stageId
      ? shift(figures, -1, figures.stageId)
      : figures.stageId === stage.id
        ? shift(figures, 1, figures.stageId)
        : figures,
  );
  if (board.totals) {
    const open = new Set(board.pipeline.stages.filter((item) => item.kind === 'open').map((item) => item.id));
    const sum = (key: 'count' | 'total' | 'weighted') =>
      next
        .stages!.filter((figures) => open.has(figures.stageId))
        .reduce((all, figures) => all + figures[key], 0);
    next.totals = { count: sum('count'), total: sum('total'), weighted: sum('weighted') };
  }
  return next;
}

/**
 * A column's next page added to the cached board it continues: the deals it does not already hold
 * (one moved in meanwhile keeps its cached copy) and the column's new cursor. A page fetched with a
 * cursor the board no longer has (the board was read again meanwhile) is dropped.
 */
export function mergeColumnPage(
  board: PipelineBoard,
  stageId: string,
  cursor: string,
  page: BoardStagePage,
): PipelineBoard {
  const figures = board.stages.find((item) => item.stageId === stageId);
  if (!figures || figures.nextCursor !== cursor) return board;
  const known = new Set(board.deals.map((item) => item.id));
  return {
    ...board,
    deals: [...board.deals, ...page.data.filter((item) => !known.has(item.id))],
    stages: board.stages.map((item) =>
      item.stageId === stageId ? { ...item, nextCursor: page.nextCursor } : item,
    ),
  };
}
