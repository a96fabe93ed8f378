import { ChorusAbortedError, ChorusError } from '../errors.js';
import type { FetchMiddleware } from './types.js';

/**
 * Turns whatever a call rejects with after the caller's `signal` aborted (fetch's `AbortError`, the
 * signal's reason from a retry's wait) into a `ChorusAbortedError`, so every failure of the client
 * is a `ChorusError` with a `kind`. Outermost in the chain, so no wait or retry is left running.
 */
export function abortErrors(): FetchMiddleware {
  return (next) => async (request) => {
    try {
      return await next(request);
    } catch (error) {
      if (request.signal.aborted && !(error instanceof ChorusError)) {
        throw new ChorusAbortedError(request, request.signal.reason);
      }
      throw error;
    }
  };
}
