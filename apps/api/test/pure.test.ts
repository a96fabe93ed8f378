import { describe, expect, it } from 'vitest';
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
  });
});
