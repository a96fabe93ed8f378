import { describe, expect, it } from 'vitest';
import { mergeColumnPage, rankBetween } from '../src/query/board-move.js';
import { applyDealMove, compareRank } from '../src/query/index.js';
import type { BoardDeal, PipelineBoard } from '../src/index.js';

const stage = (id: string, kind: 'open' | 'won' | 'lost', probability: number, position: number) => ({
  id,
  name: id,
  position,
  kind,
  probability,
  definition: '',
  rottingDays: null,
});
const pipeline = {
  id: 'pip_1',
  name: 'Sales',
  createdAt: '2026-01-01T00:00:00.000Z',
  stages: [
    stage('stg_lead', 'open', 0.1, 0),
    stage('stg_prop', 'open', 0.5, 1),
    stage('stg_won', 'won', 1, 2),
  ],
};
const deal = (id: string, stageId: string, rank: string, amount = 1001): BoardDeal => ({
  id,
  title: id,
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
  rank,
  version: 1,
});
const figures = (
  stageId: string,
  count: number,
  total: number,
  weighted: number,
  nextCursor: string | null = null,
) => ({
  stageId,
  count,
  total,
  weighted,
  nextCursor,
});
const board = (): PipelineBoard => ({
  pipeline,
  currency: 'EUR',
  deals: [
    deal('deal_a', 'stg_lead', 'a0'),
    deal('deal_b', 'stg_lead', 'a1'),
    deal('deal_c', 'stg_prop', 'a0'),
  ],
  // The server's figures count deals the board has not loaded: a move shifts them, never recounts.
  stages: [
    figures('stg_lead', 40, 40_040, 4_004, 'next-lead'),
    figures('stg_prop', 1, 1001, 501),
    figures('stg_won', 0, 0, 0),
  ],
  totals: { count: 41, total: 41_041, weighted: 4_505 },
  owners: [],
});
const column = (data: { deals: readonly BoardDeal[] }, stageId: string) =>
  data.deals
    .filter((item) => item.stageId === stageId)
    .sort(compareRank)
    .map((item) => item.id);
const at = '2026-02-02T00:00:00.000Z';

describe('applyDealMove: what a moved deal looks like, written once', () => {
  it('puts a deal after a neighbour within its stage, with a rank between, and leaves the figures', () => {
    const before = board();
    const after = applyDealMove(before, { dealId: 'deal_a', stageId: 'stg_lead', after: 'deal_b', at });
    expect(column(after, 'stg_lead')).toEqual(['deal_b', 'deal_a']);
    const moved = after.deals.find((item) => item.id === 'deal_a')!;
    expect(moved.rank > 'a1').toBe(true);
    expect(moved.stageEnteredAt).toBe(before.deals[0]!.stageEnteredAt);
    expect(after.stages).toBe(before.stages);
    expect(before.deals[0]!.rank).toBe('a0');
  });

  it('moves a deal to another stage first, last or after a deal, with its status, entry time and both figures', () => {
    const first = applyDealMove(board(), { dealId: 'deal_b', stageId: 'stg_prop', after: null, at });
    expect(column(first, 'stg_prop')).toEqual(['deal_b', 'deal_c']);
    expect(first.deals.find((item) => item.id === 'deal_b')).toMatchObject({
      stageId: 'stg_prop',
      status: 'open',
      stageEnteredAt: at,
    });
    // 1,001 × 0.1 = 100.1 → 100 left Lead; 1,001 × 0.5 = 500.5 → 501 entered Proposal.
    expect(first.stages).toEqual([
      figures('stg_lead', 39, 39_039, 3_904, 'next-lead'),
      figures('stg_prop', 2, 2002, 1002),
      figures('stg_won', 0, 0, 0),
    ]);
    expect(first.totals).toEqual({ count: 41, total: 41_041, weighted: 4_906 });

    const last = applyDealMove(board(), { dealId: 'deal_b', stageId: 'stg_prop', at });
    expect(column(last, 'stg_prop')).toEqual(['deal_c', 'deal_b']);

    const won = applyDealMove(board(), { dealId: 'deal_a', stageId: 'stg_won', at });
    expect(won.deals.find((item) => item.id === 'deal_a')).toMatchObject({
      status: 'won',
      stageId: 'stg_won',
      closedAt: at,
    });
    // Back to an open stage, it is open again, with no close (as the API answers).
    const reopened = applyDealMove(won, {
      dealId: 'deal_a',
      stageId: 'stg_lead',
      at: '2026-03-01T00:00:00.000Z',
    });
    expect(reopened.deals.find((item) => item.id === 'deal_a')).toMatchObject({
      status: 'open',
      closedAt: null,
    });
    // Won is an outcome, not open pipeline.
    expect(won.totals).toEqual({ count: 40, total: 40_040, weighted: 4_405 });
  });

  it('works on a board without figures (a presentational one) and ignores unknown deals and stages', () => {
    const plain = { pipeline, deals: board().deals };
    const moved = applyDealMove(plain, { dealId: 'deal_c', stageId: 'stg_lead', after: 'deal_a', at });
    expect(column(moved, 'stg_lead')).toEqual(['deal_a', 'deal_c', 'deal_b']);
    expect('stages' in moved).toBe(false);
    expect(applyDealMove(plain, { dealId: 'deal_x', stageId: 'stg_lead', at })).toBe(plain);
    expect(applyDealMove(plain, { dealId: 'deal_a', stageId: 'stg_x', at })).toBe(plain);
  });
});

describe('mergeColumnPage', () => {
  it("adds a column's next page and its cursor, keeps cached copies, and drops a page for an old cursor", () => {
    const before = board();
    const page = {
      data: [deal('deal_a', 'stg_lead', 'a0'), deal('deal_d', 'stg_lead', 'a2')],
      nextCursor: null,
    };
    const merged = mergeColumnPage(before, 'stg_lead', 'next-lead', page);
    expect(column(merged, 'stg_lead')).toEqual(['deal_a', 'deal_b', 'deal_d']);
    expect(merged.deals[0]).toBe(before.deals[0]);
    expect(merged.stages[0]).toEqual(figures('stg_lead', 40, 40_040, 4_004, null));
    expect(mergeColumnPage(merged, 'stg_lead', 'next-lead', page)).toBe(merged);
  });
});

describe('rankBetween', () => {
  it('sorts strictly between any two ranks the API gives, and after the lower of two tied ones', () => {
    const keys = [
      null,
      '',
      'a0',
      'a1',
      'b0z',
      'b10',
      'f000000',
      'f000001',
      'f00000V',
      'fzzzzzz',
      'n0012abf',
      'zzV',
    ];
    const valid = keys.filter((key): key is string => !!key).sort();
    for (const [i, low] of [null, ...valid].entries()) {
      for (const high of [...valid.slice(i), null]) {
        if (low !== null && high !== null && low >= high) continue;
        const key = rankBetween(low, high);
        if (low !== null) expect(key > low, `${low} < ${key}`).toBe(true);
        if (high !== null) expect(key < high, `${key} < ${high}`).toBe(true);
        expect(key.endsWith('0'), key).toBe(false);
        // Room below and above it, again and again: a hundred moves to the same spot.
        let inner = key;
        for (let n = 0; n < 100; n++) inner = rankBetween(low, inner);
        if (low !== null) expect(inner > low).toBe(true);
      }
    }
    expect(rankBetween('a5', 'a5') > 'a5').toBe(true);
  });
});
