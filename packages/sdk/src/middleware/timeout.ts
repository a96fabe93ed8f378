import { ChorusTimeoutError } from '../errors.js';
import type { FetchMiddleware } from './types.js';

/**
 * A signal that aborts after `ms`. On `setTimeout` rather than `AbortSignal.timeout`, so that the
 * deadlines run on the same clock as the retries' waits, the one fake timers control in tests.
 */
function deadlineAfter(ms: number): AbortSignal {
  const controller = new AbortController();
  const timer: unknown = setTimeout(
    () => controller.abort(new DOMException(`No answer in ${ms} ms`, 'TimeoutError')),
    ms,
  );
  // Like `AbortSignal.timeout`'s own timer, it must not keep a Node process alive on its own.
  (timer as { unref?: () => void }).unref?.();
  return controller.signal;
}

/**
 * Gives each attempt its own deadline, merged with the caller's signal, so a slow attempt can be
 * retried while the caller's abort still stops everything. The deadline also covers reading the body.
 */
export function attemptTimeout(timeoutMs: number): FetchMiddleware {
  return (next) => async (request) => {
    const deadline = deadlineAfter(timeoutMs);
    try {
      return await next(new Request(request, { signal: AbortSignal.any([request.signal, deadline]) }));
    } catch (error) {
      if (deadline.aborted && !request.signal.aborted) throw new ChorusTimeoutError(request, timeoutMs);
      throw error;
    }
  };
}
