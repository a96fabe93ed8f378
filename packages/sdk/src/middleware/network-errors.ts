import { ChorusNetworkError } from '../errors.js';
import type { FetchMiddleware } from './types.js';

/**
 * Turns a fetch that failed without a whole answer (refused, reset, DNS, CORS, or cut off while the
 * body streamed) into a `ChorusNetworkError`. Aborts pass through untouched: they are the caller's
 * or the timeout's.
 *
 * The body is read here, inside the attempt, so that a deadline or a reset striking while it streams
 * fails this attempt (typed, and retried like any other) instead of surfacing later as a bare
 * `DOMException` from the JSON parse. Every answer of the API is a small JSON document.
 */
export function networkErrors(): FetchMiddleware {
  return (next) => async (request) => {
    try {
      const response = await next(request);
      // Reading a clone to its end leaves the whole body buffered in the response handed on.
      await response.clone().arrayBuffer();
      return response;
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw new ChorusNetworkError(request, error);
    }
  };
}
