import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorToProblem } from '../src/http/problem.js';
import { RateLimiter, takeAll } from '../src/http/rate-limit.js';

describe('rate limits spend together or not at all', () => {
  it('a request refused by the client limit spends nothing of the key limit', () => {
    const perKey = new RateLimiter({ capacity: 3, refillPerSecond: 0.001 });
    const perClient = new RateLimiter({ capacity: 1, refillPerSecond: 0.001 });
    const now = 1_000_000;
    expect(
      takeAll(
        [
          [perClient, 'a'],
          [perKey, 'k'],
        ],
        now,
      ).wait,
    ).toBe(0);
    for (let i = 0; i < 10; i++)
      expect(
        takeAll(
          [
            [perClient, 'a'],
            [perKey, 'k'],
          ],
          now,
        ).wait,
      ).toBeGreaterThan(0);
    expect(perKey.peek('k', now).remaining).toBe(2);
    expect(
      takeAll(
        [
          [perClient, 'b'],
          [perKey, 'k'],
        ],
        now,
      ),
    ).toMatchObject({ wait: 0, remaining: 0 });
  });

  it('a request refused by the key limit spends nothing of the client limit', () => {
    const perKey = new RateLimiter({ capacity: 1, refillPerSecond: 0.001 });
    const perClient = new RateLimiter({ capacity: 5, refillPerSecond: 0.001 });
    const now = 2_000_000;
    takeAll(
      [
        [perClient, 'a'],
        [perKey, 'k'],
      ],
      now,
    );
    for (let i = 0; i < 3; i++)
      takeAll(
        [
          [perClient, 'b'],
          [perKey, 'k'],
        ],
        now,
      );
    expect(perClient.peek('b', now).remaining).toBe(5);
  });

  it('says how long to wait and when the bucket is full again', () => {
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 0.5 });
    limiter.take('x', 0);
    limiter.take('x', 0);
    expect(limiter.peek('x', 0)).toMatchObject({ wait: 2, remaining: 0, capacity: 2, reset: 4 });
    expect(limiter.peek('x', 2000).wait).toBe(0);
  });
});

describe('what the database refuses becomes a 4xx problem', () => {
  const app = new Hono();
  app.onError(errorToProblem);
  app.get('/:code', (c) => {
    throw Object.assign(new Error('refused by the database'), { code: c.req.param('code') });
  });

  it.each([
    ['22003', 400], // numeric value out of range
    ['22008', 400], // datetime field overflow
    ['22021', 400], // invalid byte sequence for the encoding
    ['23505', 409], // unique violation
    ['23503', 409], // foreign key violation
  ])('SQLSTATE %s is a %i', async (code, status) => {
    const response = await app.request(`/${code}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toContain(code);
  });

  it('anything else is still a 500 that hides its internals', async () => {
    const response = await app.request('/XX000');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('refused by the database');
  });
});
