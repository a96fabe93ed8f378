import { type BoardSort, type DealStatus, idPattern, RANK_PATTERN } from '@chorus/contract';
import { validation } from '../errors.js';

/** What a board shows: its filters and the order of its columns. The first read and every next page share it. */
export interface BoardView {
  ownerId?: string | undefined;
  q?: string | undefined;
  minValue?: number | undefined;
  maxValue?: number | undefined;
  status?: DealStatus | undefined;
  /** Closed in [closedFrom, closedTo): RFC 3339 instants. */
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  sort: BoardSort;
}

interface SortKey {
  /** The expression the column is ordered by. */
  expr: string;
  direction: 'asc' | 'desc';
  /** The key as exact text, for the cursor. */
  out: string;
  /** The cursor's text back as the key's type (`?` is the parameter). */
  in: string;
  /** What that text must look like, so a forged cursor is a 400 and never a failed cast. */
  pattern: RegExp;
}

const INTEGER = /^-?\d{1,19}$/;

/** Each order's leading key; every order then goes by `rank` and `id`, so the keyset is total. */
const LEADING: Record<BoardSort, SortKey | undefined> = {
  board: undefined,
  value: {
    expr: 'd.value_amount',
    direction: 'desc',
    out: 'd.value_amount::text',
    in: '?::bigint',
    pattern: INTEGER,
  },
  // Microseconds since the epoch: exact, where a timestamp's text depends on the session's settings.
  age: {
    expr: 'd.stage_entered_at',
    direction: 'asc',
    out: '(extract(epoch from d.stage_entered_at) * 1000000)::bigint::text',
    in: "(timestamptz 'epoch' + ?::bigint * interval '1 microsecond')",
    pattern: INTEGER,
  },
  // No expected close date sorts last.
  close: {
    expr: "coalesce(d.expected_close_date, 'infinity'::date)",
    direction: 'asc',
    out: "coalesce(d.expected_close_date, 'infinity'::date)::text",
    in: '?::date',
    pattern: /^(\d{4}-\d{2}-\d{2}|infinity)$/,
  },
};

/** `order by` for a column (deals as `d`). */
export function orderBy(sort: BoardSort, alias = 'd'): string {
  const lead = LEADING[sort];
  const keys = lead ? [`${lead.expr.replaceAll('d.', `${alias}.`)} ${lead.direction}`] : [];
  return [...keys, `${alias}.rank`, `${alias}.id`].join(', ');
}

/** The select-list item that carries a row's leading key as text, for its cursor. */
export const cursorKey = (sort: BoardSort): string => `${LEADING[sort]?.out ?? 'null'} as cursor_key`;

/** The row a column's next page starts after. */
export interface Position {
  key: string | null;
  rank: string;
  id: string;
}

/**
 * A cursor names its column, its order and its filters, so one handed to another column or view is
 * refused rather than silently paging something else.
 */
interface Cursor {
  stageId: string;
  view: string;
  /** Null without a cursor: the column from its top. */
  after: Position | null;
}

/** 32-bit FNV-1a of the filters, as hex: short enough for a cursor, enough to catch a mix-up. */
function fingerprint(view: BoardView): string {
  const text = JSON.stringify([
    view.sort,
    view.ownerId ?? '',
    view.q ?? '',
    view.minValue ?? '',
    view.maxValue ?? '',
    view.status ?? '',
    view.closedFrom ?? '',
    view.closedTo ?? '',
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}

export function encodeCursor(stageId: string, view: BoardView, after: Position): string {
  const parts = [stageId, fingerprint(view), after.key ?? '', after.rank, after.id];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

const refuse = () => validation('query.cursor', 'is not a cursor this column and view gave out');

export function decodeCursor(cursor: string | undefined, stageId: string, view: BoardView): Cursor {
  if (cursor === undefined) return { stageId, view: fingerprint(view), after: null };
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) throw refuse();
  const [stage, print, key, rank, id] = parts as string[];
  if (stage !== stageId || print !== fingerprint(view)) throw refuse();
  const lead = LEADING[view.sort];
  if (
    parts.length !== 5 ||
    !RANK_PATTERN.test(rank!) ||
    !idPattern('deal').test(id!) ||
    (lead ? !lead.pattern.test(key!) : key !== '')
  )
    throw refuse();
  return { stageId, view: print, after: { key: lead ? key! : null, rank: rank!, id: id! } };
}

/**
 * The keyset condition "after this row" in the column's order, as an or-chain (the leading key may
 * run the other way from `rank` and `id`, so a row comparison would not do). `param` adds a value
 * and returns its placeholder.
 */
export function afterPosition(sort: BoardSort, after: Position, param: (value: unknown) => string): string {
  const rank = param(after.rank);
  const id = param(after.id);
  const tail = `(d.rank > ${rank} or (d.rank = ${rank} and d.id > ${id}))`;
  const lead = LEADING[sort];
  if (!lead || after.key === null) return tail;
  const value = lead.in.replace('?', param(after.key));
  const beyond = lead.direction === 'asc' ? '>' : '<';
  return `(${lead.expr} ${beyond} ${value} or (${lead.expr} = ${value} and ${tail}))`;
}

/** The filters as SQL over deals `d` and their company `c`. */
export function filterSql(view: BoardView, param: (value: unknown) => string): string {
  const clauses: string[] = [];
  if (view.ownerId) clauses.push(`d.owner_id = ${param(view.ownerId)}`);
  if (view.minValue !== undefined) clauses.push(`d.value_amount >= ${param(view.minValue)}`);
  if (view.maxValue !== undefined) clauses.push(`d.value_amount <= ${param(view.maxValue)}`);
  if (view.status) clauses.push(`d.status = ${param(view.status)}`);
  if (view.closedFrom) clauses.push(`d.closed_at >= ${param(view.closedFrom)}::timestamptz`);
  if (view.closedTo) clauses.push(`d.closed_at < ${param(view.closedTo)}::timestamptz`);
  const text = view.q?.trim();
  if (text) {
    const pattern = param(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    clauses.push(`(d.title ilike ${pattern} or c.name ilike ${pattern})`);
  }
  return clauses.map((clause) => ` and ${clause}`).join('');
}

/** Whether the filters need the company joined. */
export const needsCompany = (view: BoardView): boolean => !!view.q?.trim();
