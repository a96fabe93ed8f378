import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffMs } from '../src/outbox.js';

// The extremes of the jitter (Math.random() is in [0, 1)) and points between.
const RANDOMS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999_999];
const ATTEMPTS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('outbox backoff', () => {
  it('never waits more than 5 minutes, jitter included, however many attempts failed', () => {
    expect(BACKOFF_CAP_MS).toBe(300_000);
    for (const attempts of [...ATTEMPTS, 100, 1000])
      for (const random of RANDOMS) expect(backoffMs(attempts, random)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });

  it('waits at least a second, and at least half the doubled delay (jitter never shortens it more)', () => {
    for (const attempts of ATTEMPTS)
      for (const random of RANDOMS) {
        const wait = backoffMs(attempts, random);
        expect(wait).toBeGreaterThanOrEqual(1000);
        expect(wait).toBeGreaterThanOrEqual(Math.min(BACKOFF_CAP_MS, 1000 * 2 ** attempts) / 2);
      }
  });

  it('grows: below the cap a later attempt waits at least as long as any earlier one, whatever the jitter', () => {
    for (const attempts of ATTEMPTS) {
      const longestNow = backoffMs(attempts, RANDOMS.at(-1));
      const shortestNext = backoffMs(attempts + 1, 0);
      if (1000 * 2 ** (attempts + 1) <= BACKOFF_CAP_MS)
        expect(shortestNext).toBeGreaterThanOrEqual(longestNow);
      // At the cap the range stops moving: shortest and longest never go down.
      expect(backoffMs(attempts + 1, 0)).toBeGreaterThanOrEqual(backoffMs(attempts, 0));
      expect(backoffMs(attempts + 1, RANDOMS.at(-1))).toBeGreaterThanOrEqual(longestNow);
    }
    expect(backoffMs(1, 0.5)).toBe(1500);
    expect(backoffMs(40, 0)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('jitters: waits after the same number of failures differ, so tabs do not come back together', () => {
    const waits = new Set(Array.from({ length: 20 }, () => backoffMs(3)));
    expect(waits.size).toBeGreaterThan(10);
  });
});
