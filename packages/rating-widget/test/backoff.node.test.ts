import { describe, expect, it } from 'vitest';
import { backoffMs } from '../src/outbox.js';

describe('outbox backoff', () => {
  it('doubles from about 2 s, with jitter, and never waits more than 5 minutes', () => {
    for (let attempts = 1; attempts < 30; attempts++) {
      const base = Math.min(300_000, 1000 * 2 ** attempts);
      const wait = backoffMs(attempts);
      expect(wait).toBeGreaterThanOrEqual(base * 0.75);
      expect(wait).toBeLessThanOrEqual(base * 1.25);
    }
    expect(backoffMs(40)).toBeLessThanOrEqual(375_000);
  });
});
