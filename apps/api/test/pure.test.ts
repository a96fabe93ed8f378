import { describe, expect, it } from 'vitest';
import { decodeCursor, toPage, Where } from '../src/domain/pagination.js';
import { buckets, defaultInterval } from '../src/domain/periods.js';
import { rfmSegment } from '../src/domain/rfm.js';
import { assertVersion } from '../src/domain/versioning.js';
import type { DomainError } from '../src/errors.js';

describe('rfm segments', () => {
  it.each([
    [5, 5, 'champions'],
    [4, 1, 'new_customer'],
    [3, 4, 'loyal'],
    [5, 2, 'potential_loyalist'],
    [1, 5, 'at_risk'],
    [2, 1, 'hibernating'],
    [3, 2, 'needs_attention'],
  ] as const)('recency %i, frequency %i is %s', (r, f, segment) => {
    expect(rfmSegment(r, f)).toBe(segment);
  });
});

describe('periods', () => {
  it('picks an interval that suits the length', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(defaultInterval(from, new Date('2026-01-31T00:00:00Z'))).toBe('day');
    expect(defaultInterval(from, new Date('2026-04-01T00:00:00Z'))).toBe('week');
    expect(defaultInterval(from, new Date('2027-01-01T00:00:00Z'))).toBe('month');
  });

  it('steps months by the calendar, clamped to short months, and cuts the last bucket at the end', () => {
    const result = buckets(new Date('2026-01-31T00:00:00Z'), new Date('2026-04-15T00:00:00Z'), 'month');
    expect(result.map((b) => b.start.toISOString().slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
    ]);
    expect(result.at(-1)!.end.toISOString()).toBe('2026-04-15T00:00:00.000Z');
  });
});

describe('If-Match', () => {
  it('accepts quoted, weak and bare versions', () => {
    for (const header of ['"3"', 'W/"3"', '3']) expect(() => assertVersion(header, 3)).not.toThrow();
  });
  it('is 428 when absent and 412 when stale or garbled', () => {
    const status = (header: string | undefined) => {
      try {
        assertVersion(header, 3);
      } catch (error) {
        return (error as DomainError).status;
      }
    };
    expect([status(undefined), status('"2"'), status('abc')]).toEqual([428, 412, 412]);
    // Anchored at both ends, every digit counted: junk around a right number is not that number.
    expect([status('x"3"'), status('"3"x'), status('"13"'), status('"31"'), status('  ')]).toEqual([
      412, 412, 412, 412, 428,
    ]);
    expect(() => assertVersion(' "3" ', 3)).not.toThrow();
    expect(() => assertVersion('"33"', 33)).not.toThrow();
  });
});

// Found by mutation testing (npm run mutation -w @chorus/api): boundaries no test pinned.
describe('rfm segments, every pair of scores', () => {
  // By the rules in order (first match wins), worked by hand for each recency 5..1 and frequency 1..5.
  const TABLE = {
    5: ['new_customer', 'potential_loyalist', 'loyal', 'champions', 'champions'],
    4: ['new_customer', 'potential_loyalist', 'loyal', 'champions', 'champions'],
    3: ['needs_attention', 'needs_attention', 'loyal', 'loyal', 'loyal'],
    2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'at_risk'],
    1: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'at_risk'],
  } as const;
  it('names each of the 25 the way the rules do', () => {
    const named = Object.keys(TABLE).map((r) => [1, 2, 3, 4, 5].map((f) => rfmSegment(Number(r), f)));
    expect(named).toHaveLength(5);
    expect(named).toEqual(Object.keys(TABLE).map((r) => [...TABLE[Number(r) as keyof typeof TABLE]]));
  });
});

describe('period edges', () => {
  const DAY = 86_400_000;
  const from = new Date('2026-01-01T00:00:00Z');
  const after = (ms: number) => new Date(from.getTime() + ms);
  it('switches interval just past 31 and 190 days, not at them', () => {
    expect(defaultInterval(from, after(31 * DAY))).toBe('day');
    expect(defaultInterval(from, after(31 * DAY + 1))).toBe('week');
    expect(defaultInterval(from, after(190 * DAY))).toBe('week');
    expect(defaultInterval(from, after(190 * DAY + 1))).toBe('month');
  });
  it('steps weeks by seven days and cuts the last at the end', () => {
    const weeks = buckets(from, new Date('2026-01-20T00:00:00Z'), 'week');
    expect(weeks.map((b) => [b.start.toISOString().slice(0, 10), b.end.toISOString().slice(0, 10)])).toEqual([
      ['2026-01-01', '2026-01-08'],
      ['2026-01-08', '2026-01-15'],
      ['2026-01-15', '2026-01-20'],
    ]);
  });
});

describe('pages', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `con_${i + 1}` }));
  it('has a next page only when the extra row came back', () => {
    expect(toPage(rows(3), 3, (r) => r.id)).toEqual({ data: ['con_1', 'con_2', 'con_3'], nextCursor: null });
    const more = toPage(rows(4), 3, (r) => r.id);
    expect(more.data).toEqual(['con_1', 'con_2', 'con_3']);
    expect(decodeCursor(more.nextCursor!, /^con_\d+$/)).toBe('con_3');
    expect(toPage([], 3, (r) => r)).toEqual({ data: [], nextCursor: null });
  });
  it('refuses a cursor it did not give out, with a 400 naming the parameter', () => {
    expect(decodeCursor(undefined, /^con_\d+$/)).toBeUndefined();
    let error: DomainError | undefined;
    try {
      decodeCursor(Buffer.from('deal_1').toString('base64url'), /^con_\d+$/);
    } catch (caught) {
      error = caught as DomainError;
    }
    expect(error?.status).toBe(400);
  });
  it('builds its where clause from the values given, in order, and pages by id both ways', () => {
    const where = new Where('ws_1')
      .add('owner_id = ?', null)
      .add('stage = ?', undefined)
      .add('status = ?', 'open');
    expect(where.toString()).toBe('where workspace_id = $1 and status = $2');
    expect(where.page('con_9', 'asc', 50)).toBe(
      'where workspace_id = $1 and status = $2 and id > $3 order by id asc limit $4',
    );
    expect(where.params).toEqual(['ws_1', 'open', 'con_9', 51]);
    expect(new Where('ws_1').page('con_9', 'desc', 10)).toBe(
      'where workspace_id = $1 and id < $2 order by id desc limit $3',
    );
    expect(new Where('ws_1').page(undefined, 'asc', 10)).toBe(
      'where workspace_id = $1 order by id asc limit $2',
    );
  });
});
