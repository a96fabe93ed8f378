import type { FetchMiddleware } from './types.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * Gives every POST an `Idempotency-Key` (the caller's, or a fresh UUID). It sits outside the
 * retries, so every retry of one call carries the same key and the API replays, never repeats.
 */
export function idempotencyKeys(generateKey: () => string = () => crypto.randomUUID()): FetchMiddleware {
  return (next) => (request) => {
    if (request.method === 'POST' && !request.headers.has(IDEMPOTENCY_HEADER)) {
      request.headers.set(IDEMPOTENCY_HEADER, generateKey());
    }
    return next(request);
  };
}
