import type { BoardDeal, Pipeline } from '@chorus/sdk';

/** Pure board logic: grouping, figures, order, filters and moves. No DOM, so Node tests it. */

export type Stage = Pipeline['stages'][number];
export type { BoardDeal };

/** `board` keeps the order people arranged; the others sort each column. */
export const SORTS = ['board', 'value', 'age', 'close'] as const;
export type BoardSort = (typeof SORTS)[number];
export const isSort = (value: string): value is BoardSort => (SORTS as readonly string[]).includes(value);

export interface BoardFilter {
  ownerId?: string | undefined;
  /** Matched case-insensitively against the title and the company name. */
  text?: string | undefined;
  /** Bounds on the value, minor units, inclusive. */
  minValue?: number | undefined;
  maxValue?: number | undefined;
}

export interface Figures {
  count: number;
  /** Minor units. */
  total: number;
  /** Σ value × stage probability, rounded to whole minor units as the server rounds it. */
  weighted: number;
}

export interface Column {
  stage: Stage;
  deals: readonly BoardDeal[];
  figures: Figures;
}

/** A deal shown somewhere other than where the data has it: a keyboard lift being carried. */
export interface Placement {
  dealId: string;
  stageId: string;
  rank: number;
}

const DAY = 86_400_000;

export function figuresOf(deals: readonly BoardDeal[], probability: number): Figures {
  let total = 0;
  let weighted = 0;
  for (const deal of deals) {
    total += deal.value.amount;
    weighted += deal.value.amount * probability;
  }
  return { count: deals.length, total, weighted: Math.round(weighted) };
}

/** The open pipeline: won and lost columns are outcomes, so the board total leaves them out. */
export function boardTotals(columns: readonly Column[]): Figures {
  const open = columns.filter((column) => column.stage.kind === 'open');
  return {
    count: open.reduce((sum, c) => sum + c.figures.count, 0),
    total: open.reduce((sum, c) => sum + c.figures.total, 0),
    weighted: open.reduce((sum, c) => sum + c.figures.weighted, 0),
  };
}

export function matches(deal: BoardDeal, filter: BoardFilter): boolean {
  if (filter.ownerId && deal.ownerId !== filter.ownerId) return false;
  if (filter.minValue !== undefined && deal.value.amount < filter.minValue) return false;
  if (filter.maxValue !== undefined && deal.value.amount > filter.maxValue) return false;
  const text = filter.text?.trim().toLocaleLowerCase();
  if (text) {
    const haystack = `${deal.title} ${deal.companyName ?? ''}`.toLocaleLowerCase();
    if (!haystack.includes(text)) return false;
  }
  return true;
}

/** Whole days since the deal entered its stage. */
export const daysInStage = (deal: BoardDeal, now: number): number =>
  Math.max(0, Math.floor((now - Date.parse(deal.stageEnteredAt)) / DAY));

/** The days after which a deal in `stage` is stale: the page's override, the stage's own, the board default. */
export function rottingThreshold(
  stage: Stage,
  overrides: Readonly<Record<string, number>>,
  boardDefault: number | undefined,
): number | undefined {
  return overrides[stage.id] ?? stage.rottingDays ?? boardDefault;
}

export const isRotting = (deal: BoardDeal, threshold: number | undefined, now: number): boolean =>
  deal.status === 'open' && threshold !== undefined && daysInStage(deal, now) >= threshold;

const comparators: Record<Exclude<BoardSort, 'board'>, (a: BoardDeal, b: BoardDeal) => number> = {
  value: (a, b) => b.value.amount - a.value.amount,
  // Oldest in stage first: the ones that need attention.
  age: (a, b) => Date.parse(a.stageEnteredAt) - Date.parse(b.stageEnteredAt),
  // Soonest close first; no date last.
  close: (a, b) => (a.expectedCloseDate ?? '9999').localeCompare(b.expectedCloseDate ?? '9999'),
};

export interface ColumnOptions {
  filter?: BoardFilter;
  sort?: BoardSort;
  /** Positions people gave deals on this board; the rest keep the data's order. */
  ranks?: ReadonlyMap<string, number>;
  placement?: Placement | undefined;
  /** The last result: a column whose deals did not change keeps its array, so its cards are not re-rendered. */
  previous?: readonly Column[];
}

/** Splits the deals into the stages' columns, filtered and ordered, with each column's figures. */
export function buildColumns(
  stages: readonly Stage[],
  deals: readonly BoardDeal[],
  { filter = {}, sort = 'board', ranks = new Map(), placement, previous = [] }: ColumnOptions = {},
): Column[] {
  const byStage = new Map<string, { deal: BoardDeal; rank: number }[]>(stages.map((s) => [s.id, []]));
  deals.forEach((deal, index) => {
    if (!matches(deal, filter)) return;
    const placed = placement?.dealId === deal.id ? placement : undefined;
    const stageId = placed?.stageId ?? deal.stageId;
    byStage.get(stageId)?.push({ deal, rank: placed?.rank ?? ranks.get(deal.id) ?? index });
  });
  const before = new Map(previous.map((column) => [column.stage.id, column]));
  return stages.map((stage) => {
    const entries = byStage.get(stage.id) ?? [];
    if (sort === 'board') entries.sort((a, b) => a.rank - b.rank);
    else entries.sort((a, b) => comparators[sort](a.deal, b.deal) || a.rank - b.rank);
    const last = before.get(stage.id);
    const same =
      last !== undefined &&
      last.stage === stage &&
      last.deals.length === entries.length &&
      entries.every((entry, i) => last.deals[i] === entry.deal);
    if (same) return last;
    const list = entries.map((entry) => entry.deal);
    return { stage, deals: list, figures: figuresOf(list, stage.probability) };
  });
}

/**
 * The rank that puts a deal at `index` among `others` (the column without it): between its
 * neighbours, so no other deal's rank changes.
 */
export function rankAt(
  others: readonly BoardDeal[],
  index: number,
  rankOf: (deal: BoardDeal) => number,
): number {
  if (others.length === 0) return 0;
  if (index <= 0) return rankOf(others[0]!) - 1;
  if (index >= others.length) return rankOf(others[others.length - 1]!) + 1;
  return (rankOf(others[index - 1]!) + rankOf(others[index]!)) / 2;
}

/** The deals with one moved to another stage, entered now: what a board without a server shows. */
export function applyMove(
  deals: readonly BoardDeal[],
  dealId: string,
  stage: Stage,
  enteredAt: string,
): BoardDeal[] {
  return deals.map((deal) =>
    deal.id === dealId
      ? {
          ...deal,
          stageId: stage.id,
          status: stage.kind,
          stageEnteredAt: deal.stageId === stage.id ? deal.stageEnteredAt : enteredAt,
        }
      : deal,
  );
}

/** The owners found on the deals, by name, for the owner filter. */
export function ownersOf(deals: readonly BoardDeal[]): { id: string; name: string }[] {
  const owners = new Map<string, string>();
  for (const deal of deals) if (deal.ownerId) owners.set(deal.ownerId, deal.ownerName ?? deal.ownerId);
  return [...owners].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Each deal's rank: the one people gave it, or its place in the data. */
export function rankOf(deals: readonly BoardDeal[], ranks: ReadonlyMap<string, number>) {
  const indexes = new Map(deals.map((deal, index) => [deal.id, index]));
  return (deal: BoardDeal): number => ranks.get(deal.id) ?? indexes.get(deal.id) ?? 0;
}
