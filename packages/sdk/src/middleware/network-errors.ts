import { ChorusNetworkError } from '../errors.js';
import type { FetchMiddleware } from './types.js';

/**
 * Turns a fetch that rejected without an answer (refused, reset, DNS, CORS) into a
 * `ChorusNetworkError`. Aborts pass through untouched: they are the caller's or the timeout's.
 */
export function networkErrors(): FetchMiddleware {
  return (next) => async (request) => {
    try {
      return await next(request);
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw new ChorusNetworkError(request, error);
    }
  };
}
