import { describe, expect, it } from 'vitest';
import {
  type BoardDeal,
  boardTotals,
  buildColumns,
  cardFieldsOf,
  daysInStage,
  initialsOf,
  isOverdue,
  isRotting,
  matches,
  ownersOf,
  positions,
  rottingThreshold,
  type Stage,
  scopedKinds,
  viewOf,
} from '../src/board-model.js';

const stage = (
  id: string,
  kind: Stage['kind'],
  probability: number,
  rottingDays: number | null = null,
): Stage => ({
  id,
  name: id,
  position: 0,
  kind,
  probability,
  definition: '',
  rottingDays,
});
const stages = [stage('stg_a', 'open', 0.1, 7), stage('stg_b', 'open', 0.5), stage('stg_won', 'won', 1)];

const deal = (id: string, stageId: string, amount: number, extra: Partial<BoardDeal> = {}): BoardDeal => ({
  id,
  title: `Deal ${id}`,
  value: { amount, currency: 'EUR' },
  stageId,
  status: 'open',
  contactId: null,
  companyId: null,
  companyName: null,
  ownerId: null,
  ownerName: null,
  expectedCloseDate: null,
  nextActivity: null,
  stageEnteredAt: '2026-01-01T00:00:00.000Z',
  closedAt: null,
  // Ranks in the order the deals are listed below, unless a test says otherwise.
  rank: `a${id.slice(1)}`,
  version: 1,
  ...extra,
});

const deals = [
  deal('d1', 'stg_a', 1001, { ownerId: 'usr_b', ownerName: 'Bea', companyName: 'Acme Tools' }),
  deal('d2', 'stg_a', 500, { ownerId: 'usr_a', ownerName: 'Al', expectedCloseDate: '2026-03-01' }),
  deal('d3', 'stg_b', 2000, { expectedCloseDate: '2026-02-01', stageEnteredAt: '2025-12-01T00:00:00.000Z' }),
  deal('d4', 'stg_won', 7000, { status: 'won' }),
];
const ids = (columns: ReturnType<typeof buildColumns>) => columns.map((c) => c.deals.map((d) => d.id));

describe('board model', () => {
  it('groups by stage in rank order, with figures rounded as the server rounds them', () => {
    const columns = buildColumns(stages, deals);
    expect(ids(columns)).toEqual([['d1', 'd2'], ['d3'], ['d4']]);
    // 1,501 × 0.1 = 150.1 → 150.
    expect(columns[0]!.figures).toEqual({ count: 2, total: 1501, weighted: 150 });
    expect(columns[1]!.figures).toEqual({ count: 1, total: 2000, weighted: 1000 });
    // Won is left out of the open pipeline.
    expect(boardTotals(columns)).toEqual({ count: 3, total: 3501, weighted: 1150 });
  });

  it('sorts by value, age and expected close, then by rank, as the server does', () => {
    expect(ids(buildColumns(stages, deals, { sort: 'value' }))[0]).toEqual(['d1', 'd2']);
    expect(ids(buildColumns(stages, deals, { sort: 'close' }))[0]).toEqual(['d2', 'd1']);
    const both = [...deals, deal('d5', 'stg_a', 1, { stageEnteredAt: '2025-01-01T00:00:00.000Z' })];
    expect(ids(buildColumns(stages, both, { sort: 'age' }))[0]).toEqual(['d5', 'd1', 'd2']);
    const reranked = deals.map((d) => (d.id === 'd1' ? { ...d, rank: 'a5' } : d));
    expect(ids(buildColumns(stages, reranked))[0]).toEqual(['d2', 'd1']);
    // Equal values: rank decides, then id.
    const tied = [
      deal('d7', 'stg_a', 5, { rank: 'a1' }),
      deal('d6', 'stg_a', 5, { rank: 'a1' }),
      deal('d8', 'stg_a', 5, { rank: 'a0' }),
    ];
    expect(ids(buildColumns(stages, tied, { sort: 'value' }))[0]).toEqual(['d8', 'd6', 'd7']);
  });

  it('filters by owner, text in title or company, and value range', () => {
    expect(matches(deals[0]!, { ownerId: 'usr_b' })).toBe(true);
    expect(matches(deals[1]!, { ownerId: 'usr_b' })).toBe(false);
    expect(matches(deals[0]!, { text: 'acme' })).toBe(true);
    expect(matches(deals[1]!, { text: 'acme' })).toBe(false);
    expect(ids(buildColumns(stages, deals, { filter: { minValue: 1000, maxValue: 2000 } }))).toEqual([
      ['d1'],
      ['d3'],
      [],
    ]);
    expect(ownersOf(deals)).toEqual([
      { id: 'usr_a', name: 'Al' },
      { id: 'usr_b', name: 'Bea' },
    ]);
  });

  it('narrows to a status and a closed window, [from, to), as the lost-sales tile asks the server', () => {
    const closed = deal('d5', 'stg_won', 900, { status: 'won', closedAt: '2026-02-10T12:00:00.000Z' });
    const window = { closedFrom: '2026-02-01T00:00:00.000Z', closedTo: '2026-02-10T12:00:00.000Z' };
    expect(matches(closed, { status: 'won' })).toBe(true);
    expect(matches(closed, { status: 'lost' })).toBe(false);
    // The end is exclusive, and an open deal (no close) is never in a window.
    expect(matches(closed, window)).toBe(false);
    expect(matches(closed, { ...window, closedTo: '2026-02-10T12:00:00.001Z' })).toBe(true);
    expect(matches(closed, { closedFrom: '2026-02-10T12:00:00.001Z' })).toBe(false);
    expect(matches(deals[0]!, { closedFrom: '2000-01-01T00:00:00.000Z' })).toBe(false);
    expect(scopedKinds({})).toBeUndefined();
    expect(scopedKinds({ status: 'lost', ...window })).toEqual(['lost']);
    expect(scopedKinds(window)).toEqual(['won', 'lost']);
    expect(viewOf({ status: 'lost', ...window }, 'board')).toEqual({ status: 'lost', ...window });
    // The scoped total sums the stages in scope, where the board's total sums the open ones.
    const columns = buildColumns(stages, [...deals, closed], { filter: { status: 'won' } });
    expect(ids(columns)).toEqual([[], [], ['d4', 'd5']]);
    expect(boardTotals(columns, scopedKinds({ status: 'won' }))).toEqual({
      count: 2,
      total: 7900,
      weighted: 7900,
    });
  });

  it('shows a carried deal where it is carried, and keeps the arrays of columns that did not change', () => {
    const first = buildColumns(stages, deals);
    const carried = buildColumns(stages, deals, {
      placement: { dealId: 'd1', list: 1, index: 1 },
      previous: first,
    });
    expect(ids(carried)).toEqual([['d2'], ['d3', 'd1'], ['d4']]);
    expect(carried[2]).toBe(first[2]);
    expect(carried[0]).not.toBe(first[0]);
    expect(positions(carried).get('d1')).toEqual({ list: 1, index: 1 });
  });

  it("shows the server's figures when it has them: a column need not hold every deal it counts", () => {
    const figures = new Map([['stg_a', { count: 40, total: 40_000, weighted: 4_000 }]]);
    const columns = buildColumns(stages, deals, { figures });
    expect(columns[0]!.figures).toEqual({ count: 40, total: 40_000, weighted: 4_000 });
    expect(columns[1]!.figures).toEqual({ count: 1, total: 2000, weighted: 1000 });
  });

  it('counts whole days in stage and marks rotting by override, stage, then board default', () => {
    const now = Date.parse('2026-01-08T12:00:00.000Z');
    expect(daysInStage(deals[0]!, now)).toBe(7);
    expect(rottingThreshold(stages[0]!, {}, 30)).toBe(7);
    expect(rottingThreshold(stages[0]!, { stg_a: 3 }, 30)).toBe(3);
    expect(rottingThreshold(stages[1]!, {}, 30)).toBe(30);
    expect(rottingThreshold(stages[1]!, {}, undefined)).toBeUndefined();
    expect(isRotting(deals[0]!, 7, now)).toBe(true);
    expect(isRotting(deals[0]!, 8, now)).toBe(false);
    expect(isRotting(deals[3]!, 1, now)).toBe(false);
  });
});

describe('card fields, initials and overdue', () => {
  it('reads the fields named in card-fields and leaves unknown words out', () => {
    expect([...cardFieldsOf('owner  next-activity bogus')]).toEqual(['next-activity', 'owner']);
    expect([...cardFieldsOf('')]).toEqual([]);
  });

  it('takes the first letters of the first and last names', () => {
    expect(initialsOf('Ada María Lovelace')).toBe('AL');
    expect(initialsOf('  zoë ')).toBe('Z');
    expect(initialsOf('Émile Zola')).toBe('ÉZ');
  });

  it('is overdue once the due time has passed', () => {
    expect(isOverdue('2026-01-01T10:00:00.000Z', Date.parse('2026-01-01T10:00:00.001Z'))).toBe(true);
    expect(isOverdue('2026-01-01T10:00:00.000Z', Date.parse('2026-01-01T10:00:00.000Z'))).toBe(false);
  });
});
