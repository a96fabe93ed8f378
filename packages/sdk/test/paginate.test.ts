import { describe, expect, it } from 'vitest';
import { paginate, paginatePages } from '../src/index.js';

const pages: Record<string, { data: number[]; nextCursor: string | null }> = {
  start: { data: [1, 2], nextCursor: 'b' },
  b: { data: [3, 4], nextCursor: 'c' },
  c: { data: [5], nextCursor: null },
};

describe('paginate', () => {
  it('follows nextCursor until it is null', async () => {
    const cursors: Array<string | undefined> = [];
    const items: number[] = [];
    for await (const item of paginate(async (cursor) => {
      cursors.push(cursor);
      return pages[cursor ?? 'start']!;
    })) {
      items.push(item);
    }
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(cursors).toEqual([undefined, 'b', 'c']);
  });

  it('fetches no further page once the caller stops', async () => {
    let fetched = 0;
    for await (const page of paginatePages(async (cursor) => {
      fetched++;
      return pages[cursor ?? 'start']!;
    })) {
      expect(page.data).toEqual([1, 2]);
      break;
    }
    expect(fetched).toBe(1);
  });
});
