import { ChorusError, rememberIdempotencyKey, withIdempotencyKey } from '../errors.js';
import type { FetchMiddleware } from './types.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The methods that change something: the API replays each of them by its key. */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Gives every write an `Idempotency-Key` (the caller's, or a fresh UUID unless `generate` is off).
 * It sits outside the retries, so every retry of one call carries the same key and the API replays,
 * never repeats; and it records the key on the call's error, so the caller can retry it later with
 * the same key.
 */
export function idempotencyKeys(
  generate = true,
  generateKey: () => string = () => crypto.randomUUID(),
): FetchMiddleware {
  return (next) => async (request) => {
    if (!WRITES.has(request.method)) return next(request);
    if (generate && !request.headers.has(IDEMPOTENCY_HEADER)) {
      request.headers.set(IDEMPOTENCY_HEADER, generateKey());
    }
    const key = request.headers.get(IDEMPOTENCY_HEADER) ?? undefined;
    try {
      return rememberIdempotencyKey(await next(request), key);
    } catch (error) {
      throw error instanceof ChorusError ? withIdempotencyKey(error, key) : error;
    }
  };
}
