import { ChorusError, parseRetryAfter } from '../errors.js';
import { IDEMPOTENCY_HEADER } from './idempotency.js';
import type { FetchMiddleware } from './types.js';

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** No retry starts once this much time has passed since the first attempt (waits included). */
  maxRetryTimeMs: number;
  /** The first backoff ceiling; it doubles each retry up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  now?: () => number;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether sending the request twice is harmless. GET/HEAD/PUT/DELETE are idempotent by HTTP;
 * a POST only when the API can replay it by its key; a PATCH with its key, or with `If-Match`,
 * since a repeat of an applied change then fails with 412 instead of applying twice.
 */
export function isSafeToRetry(request: Request): boolean {
  switch (request.method) {
    case 'GET':
    case 'HEAD':
    case 'OPTIONS':
    case 'PUT':
    case 'DELETE':
      return true;
    case 'POST':
      return request.headers.has(IDEMPOTENCY_HEADER);
    case 'PATCH':
      return request.headers.has(IDEMPOTENCY_HEADER) || request.headers.has('If-Match');
    default:
      return false;
  }
}

function isRetryableFailure(error: unknown): boolean {
  return error instanceof ChorusError && (error.kind === 'network' || error.kind === 'timeout');
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Retries network errors, timeouts, 408, 429 and 5xx with exponential backoff and full jitter
 * (a random wait up to the ceiling, so many clients do not come back in step), or after
 * `Retry-After` when the API says. Stops at `maxRetries`, at `maxRetryTimeMs`, or when the caller aborts.
 */
export function retries(options: RetryOptions): FetchMiddleware {
  const { maxRetries, maxRetryTimeMs, baseDelayMs = 300, maxDelayMs = 8000 } = options;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  return (next) => async (request) => {
    if (maxRetries <= 0 || !isSafeToRetry(request)) return next(request);
    const startedAt = now();
    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await next(request.clone());
        if (!RETRYABLE_STATUS.has(response.status)) return response;
      } catch (error) {
        if (request.signal.aborted || !isRetryableFailure(error)) throw error;
        failure = error;
      }

      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      const delay =
        parseRetryAfter(response?.headers.get('retry-after') ?? null, now()) ?? random() * ceiling;
      const outOfTime = now() - startedAt + delay > maxRetryTimeMs;
      if (attempt >= maxRetries || outOfTime) {
        if (response) return response;
        throw failure;
      }
      // Free the connection before waiting; the body of a retried answer is never read.
      await response?.body?.cancel();
      await sleep(delay, request.signal);
    }
  };
}
