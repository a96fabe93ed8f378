import { filled, missingOption } from '../errors.js';
import type { FetchMiddleware } from './types.js';

/** A secret key on a server, or a callback that fetches a short-lived session token in a browser. */
export type Credentials =
  | { apiKey: string; getToken?: never }
  | { getToken: () => string | Promise<string>; apiKey?: never };

/**
 * Throws a `ChorusConfigError` naming the missing option when neither credential is usable, so an
 * unset environment variable fails at setup instead of sending `Bearer undefined` to the API.
 */
export function checkCredentials(credentials: Credentials): void {
  if (typeof credentials.getToken !== 'function' && !filled(credentials.apiKey)) {
    throw missingOption('apiKey', credentials.apiKey, 'pass a secret key, or getToken');
  }
}

/** Asks `getToken` and refuses an empty answer before anything is sent. */
async function tokenFrom(getToken: () => string | Promise<string>): Promise<string> {
  const token: unknown = await getToken();
  if (filled(token)) return token;
  throw missingOption('getToken', token, 'it gave no token');
}

/**
 * Sends `Authorization: Bearer …`. With `getToken`, the token is kept until the API answers 401;
 * then `getToken` is asked once more (one call shared by every request that saw the 401) and the
 * request is re-sent once with the new token.
 */
export function authorization(credentials: Credentials): FetchMiddleware {
  if (credentials.apiKey !== undefined) {
    const header = `Bearer ${credentials.apiKey}`;
    return (next) => (request) => {
      request.headers.set('Authorization', header);
      return next(request);
    };
  }
  const { getToken } = credentials;
  let token: Promise<string> | undefined;
  const fetchToken = (): Promise<string> => {
    const pending = Promise.resolve(getToken).then(tokenFrom);
    token = pending;
    // A failed getToken must not stick: the next request asks again.
    pending.catch(() => {
      if (token === pending) token = undefined;
    });
    return pending;
  };

  return (next) => async (request) => {
    const used = token ?? fetchToken();
    const first = request.clone();
    first.headers.set('Authorization', `Bearer ${await used}`);
    const response = await next(first);
    if (response.status !== 401) return response;

    // Another request may already have refreshed while this one was in flight.
    const fresh = token === used ? fetchToken() : (token ?? fetchToken());
    await response.body?.cancel();
    request.headers.set('Authorization', `Bearer ${await fresh}`);
    return next(request);
  };
}
