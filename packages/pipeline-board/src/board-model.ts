import type { BoardDeal, Pipeline, PipelineBoard } from '@chorus/sdk';
import { type BoardView, compareRank } from '@chorus/sdk/query';

/**
 * Pure board logic: grouping, figures, order and filters. No DOM, so Node tests it. What a move does
 * to a deal is the SDK's `applyDealMove`, shared with the optimistic cache.
 */

export type Stage = Pipeline['stages'][number];
export type { BoardDeal };

/** `board` keeps the order people arranged; the others sort each column. */
export const SORTS = ['board', 'value', 'age', 'close'] as const;
export type BoardSort = (typeof SORTS)[number];
export const isSort = (value: string): value is BoardSort => (SORTS as readonly string[]).includes(value);

/** What a card may show beyond its title, value and days in stage; the board's `card-fields` picks. */
export const CARD_FIELDS = ['next-activity', 'close-date', 'owner'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** The fields named in a `card-fields` attribute (space-separated), unknown words left out. */
export const cardFieldsOf = (value: string): ReadonlySet<CardField> =>
  new Set(CARD_FIELDS.filter((field) => value.split(/\s+/).includes(field)));

/** An avatar's letters: the first of the first and last words of a name ("Ana María Ruiz" → "AR"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = [words[0], words.length > 1 ? words.at(-1) : undefined].map((w) => (w ? [...w][0] : ''));
  return letters.join('').toLocaleUpperCase();
}

/** Whether a task due at `dueAt` is late at `now`. */
export const isOverdue = (dueAt: string, now: number): boolean => Date.parse(dueAt) < now;

export interface BoardFilter {
  ownerId?: string | undefined;
  /** Matched case-insensitively against the title and the company name. */
  text?: string | undefined;
  /** Bounds on the value, minor units, inclusive. */
  minValue?: number | undefined;
  maxValue?: number | undefined;
  /** Only deals with this status: `lost` (with a closed window) is what the lost-sales tile drills into. */
  status?: BoardDeal['status'] | undefined;
  /** Only deals closed in [closedFrom, closedTo): RFC 3339 instants, as a metric's period. */
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
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

/** A deal shown somewhere other than where the data has it: a card carried with the keyboard. */
export interface Placement {
  dealId: string;
  /** The column it is over, and its index there among the column's other cards. */
  list: number;
  index: number;
}

/** The server's figures of each stage (for the filters applied), by stage id. */
export type StageFigures = ReadonlyMap<string, Figures>;

export const figuresByStage = (board: Pick<PipelineBoard, 'stages'>): StageFigures =>
  new Map(board.stages.map(({ stageId, count, total, weighted }) => [stageId, { count, total, weighted }]));

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
export function boardTotals(columns: readonly Column[], kinds: readonly Stage['kind'][] = ['open']): Figures {
  const open = columns.filter((column) => kinds.includes(column.stage.kind));
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
  if (filter.status && deal.status !== filter.status) return false;
  if (filter.closedFrom || filter.closedTo) {
    const closed = deal.closedAt ? Date.parse(deal.closedAt) : Number.NaN;
    if (Number.isNaN(closed)) return false;
    if (filter.closedFrom && closed < Date.parse(filter.closedFrom)) return false;
    if (filter.closedTo && closed >= Date.parse(filter.closedTo)) return false;
  }
  const text = filter.text?.trim().toLocaleLowerCase();
  if (text) {
    const haystack = `${deal.title} ${deal.companyName ?? ''}`.toLocaleLowerCase();
    if (!haystack.includes(text)) return false;
  }
  return true;
}

/** The filters and order as the server takes them: what does not narrow the board is left out of the key. */
export function viewOf(filter: BoardFilter, sort: BoardSort): BoardView {
  const q = filter.text?.trim();
  return {
    ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
    ...(q ? { q } : {}),
    ...(filter.minValue ? { minValue: filter.minValue } : {}),
    ...(filter.maxValue ? { maxValue: filter.maxValue } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.closedFrom ? { closedFrom: filter.closedFrom } : {}),
    ...(filter.closedTo ? { closedTo: filter.closedTo } : {}),
    ...(sort === 'board' ? {} : { sort }),
  };
}

/** Whether any filter narrows the board. */
export const isFiltered = (filter: BoardFilter): boolean => Object.keys(viewOf(filter, 'board')).length > 0;

/**
 * The stage kinds a filter leaves deals in, or undefined for all: a status keeps its own kind, a
 * closed window keeps won and lost. The board shows only those stages, closed ones as columns.
 */
export function scopedKinds(filter: BoardFilter): readonly Stage['kind'][] | undefined {
  if (filter.status) return [filter.status];
  if (filter.closedFrom || filter.closedTo) return ['won', 'lost'];
  return undefined;
}

/** Whole days since the deal entered its stage. */
export const daysInStage = (deal: Pick<BoardDeal, 'stageEnteredAt'>, now: number): number =>
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
  /** Applied here only for a board without a server: a connected board's server filters. */
  filter?: BoardFilter | undefined;
  sort?: BoardSort;
  /** The server's figures; without them (presentational) each column sums its deals. */
  figures?: StageFigures | undefined;
  placement?: Placement | undefined;
  /** The last result: a column whose deals did not change keeps its array, so its cards are not re-rendered. */
  previous?: readonly Column[];
}

/** The order of a column, as the server orders it: the sort's field, then `rank`, then `id`. */
export function compareDeals(sort: BoardSort): (a: BoardDeal, b: BoardDeal) => number {
  if (sort === 'board') return compareRank;
  const field = comparators[sort];
  return (a, b) => field(a, b) || compareRank(a, b);
}

/** Splits the deals into the stages' columns, ordered, with each column's figures and a carried card in place. */
export function buildColumns(
  stages: readonly Stage[],
  deals: readonly BoardDeal[],
  { filter, sort = 'board', figures, placement, previous = [] }: ColumnOptions = {},
): Column[] {
  const byStage = new Map<string, BoardDeal[]>(stages.map((s) => [s.id, []]));
  let carried: BoardDeal | undefined;
  for (const deal of deals) {
    if (filter && !matches(deal, filter)) continue;
    if (deal.id === placement?.dealId) carried = deal;
    else byStage.get(deal.stageId)?.push(deal);
  }
  const order = compareDeals(sort);
  const before = new Map(previous.map((column) => [column.stage.id, column]));
  return stages.map((stage, list) => {
    const entries = (byStage.get(stage.id) ?? []).sort(order);
    if (carried && placement?.list === list) entries.splice(placement.index, 0, carried);
    const last = before.get(stage.id);
    const own = figures?.get(stage.id) ?? figuresOf(entries, stage.probability);
    const same =
      last !== undefined &&
      last.stage === stage &&
      last.deals.length === entries.length &&
      entries.every((deal, i) => last.deals[i] === deal) &&
      sameFigures(last.figures, own);
    if (same) return last;
    return { stage, deals: entries, figures: own };
  });
}

const sameFigures = (a: Figures, b: Figures) =>
  a.count === b.count && a.total === b.total && a.weighted === b.weighted;

/** Where each card is: its column and its index there. */
export function positions(columns: readonly Column[]): Map<string, { list: number; index: number }> {
  const where = new Map<string, { list: number; index: number }>();
  columns.forEach((column, list) => {
    column.deals.forEach((deal, index) => {
      where.set(deal.id, { list, index });
    });
  });
  return where;
}

/** The owners found on the deals, by name, for the owner filter. */
export function ownersOf(deals: readonly BoardDeal[]): { id: string; name: string }[] {
  const owners = new Map<string, string>();
  for (const deal of deals) if (deal.ownerId) owners.set(deal.ownerId, deal.ownerName ?? deal.ownerId);
  return [...owners].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
