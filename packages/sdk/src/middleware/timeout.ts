import { ChorusTimeoutError } from '../errors.js';
import type { FetchMiddleware } from './types.js';

/**
 * Gives each attempt its own deadline, merged with the caller's signal, so a slow attempt can be
 * retried while the caller's abort still stops everything. The deadline also covers reading the body.
 */
export function attemptTimeout(timeoutMs: number): FetchMiddleware {
  return (next) => async (request) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      return await next(new Request(request, { signal: AbortSignal.any([request.signal, deadline]) }));
    } catch (error) {
      if (deadline.aborted && !request.signal.aborted) throw new ChorusTimeoutError(request, timeoutMs);
      throw error;
    }
  };
}
