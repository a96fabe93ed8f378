import type { paths } from '@chorus/contract/paths';
import createClient, { type Client, type FetchResponse, type MaybeOptionalInit } from 'openapi-fetch';
import { abortErrors } from './middleware/aborts.js';
import { authorization, type Credentials, checkCredentials } from './middleware/auth.js';
import { idempotencyKeys } from './middleware/idempotency.js';
import { networkErrors } from './middleware/network-errors.js';
import { retries } from './middleware/retry.js';
import { attemptTimeout } from './middleware/timeout.js';
import { composeFetch, type FetchLike } from './middleware/types.js';
import { errorFromResponse, filled, missingOption } from './errors.js';
import { unwrap } from './unwrap.js';

export type ChorusClientOptions = Credentials & {
  /** The API root, such as `https://crm.example.com` (the paths carry `/v1`). */
  baseUrl: string;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Per attempt, not per call: a retry gets a fresh deadline. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2; 0 turns retries off. */
  maxRetries?: number;
  /** No retry starts after this long since the first attempt. Default 60 s. */
  maxRetryTimeMs?: number;
  /**
   * Give every write (POST, PUT, PATCH, DELETE) an `Idempotency-Key` when the caller did not.
   * Default true; without a key a POST is never retried, since the API could not tell a retry from
   * a second request.
   */
  idempotencyKeys?: boolean;
  /** Sent as `User-Agent`. For servers: in a browser the header would cost a CORS preflight. */
  userAgent?: string;
};

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
type PathsWith<Method extends HttpMethod> = {
  [Path in keyof paths]: paths[Path] extends Record<Method, object> ? Path : never;
}[keyof paths];

// openapi-fetch's own rule for when the options argument may be left out (it does not export it).
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how an optional key is detected.
type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/**
 * The options of one call: `params`, `body`, `signal`, `headers` and the rest of `RequestInit`.
 * Not inferred from the argument, as openapi-fetch's methods do (their `Init & { [key: string]:
 * unknown }` lets any key through), so a misplaced key such as `{ query }` instead of
 * `{ params: { query } }` is a type error rather than a silently ignored option. No `parseAs`:
 * these methods always resolve with the JSON data.
 */
export type DataInit<Path extends keyof paths, Method extends HttpMethod> = Omit<
  NonNullable<MaybeOptionalInit<paths[Path], Method>>,
  'parseAs'
>;

type InitArgs<Init> = RequiredKeysOf<Init> extends never ? [init?: Init] : [init: Init];

/** Like openapi-fetch's method, but resolves with the data and throws a typed `ChorusError`. */
export type DataMethod<Method extends HttpMethod> = <Path extends PathsWith<Method>>(
  url: Path,
  ...init: InitArgs<DataInit<Path, Method>>
) => Promise<
  NonNullable<FetchResponse<paths[Path][Method] & object, undefined, `${string}/${string}`>['data']>
>;

export interface ChorusClient {
  /** The openapi-fetch client: resolves with `{ data, error, response }` and never throws for HTTP errors. */
  raw: Client<paths>;
  get: DataMethod<'get'>;
  post: DataMethod<'post'>;
  put: DataMethod<'put'>;
  patch: DataMethod<'patch'>;
  delete: DataMethod<'delete'>;
}

const DEFAULTS = { timeoutMs: 30_000, maxRetries: 2, maxRetryTimeMs: 60_000 };

/** The one place the transport is put together, outermost first. */
function transportFor(options: ChorusClientOptions): FetchLike {
  const baseFetch: FetchLike = options.fetch ?? ((request) => fetch(request));
  return composeFetch(baseFetch, [
    // Outermost, so whatever an aborted call rejects with, from any layer, becomes a ChorusAbortedError.
    abortErrors(),
    // Outside the retries, so each retry of a write carries the same key.
    idempotencyKeys(options.idempotencyKeys !== false),
    retries({
      maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
      maxRetryTimeMs: options.maxRetryTimeMs ?? DEFAULTS.maxRetryTimeMs,
    }),
    // Inside the retries, so a refreshed token is used by the attempts that follow.
    authorization(options),
    attemptTimeout(options.timeoutMs ?? DEFAULTS.timeoutMs),
    networkErrors(),
  ]);
}

/** The API root without trailing slashes; a missing one fails here rather than as a relative URL later. */
function checkBaseUrl(baseUrl: unknown): string {
  if (filled(baseUrl)) return baseUrl.replace(/\/+$/, '');
  throw missingOption('baseUrl', baseUrl, 'pass the API root URL');
}

/**
 * A typed client for the Chorus API with retries, idempotency keys, timeouts and typed errors.
 * Throws a `ChorusConfigError` at once when `baseUrl` or the credential is missing.
 *
 * ```ts
 * const chorus = createChorusClient({ baseUrl, apiKey: process.env.CHORUS_SECRET_KEY });
 * const contact = await chorus.get('/v1/contacts/{id}', { params: { path: { id } } });
 * ```
 */
export function createChorusClient(options: ChorusClientOptions): ChorusClient {
  const baseUrl = checkBaseUrl(options.baseUrl);
  checkCredentials(options);
  const raw = createClient<paths>({
    baseUrl,
    fetch: transportFor(options),
    headers: options.userAgent ? { 'User-Agent': options.userAgent } : undefined,
  });
  // Typed by DataMethod; the casts only bridge openapi-fetch's overloads to the unwrapped result.
  const dataMethod =
    (send: (url: never, init?: never) => Promise<{ response: Response }>) => (url: unknown, init?: unknown) =>
      send(url as never, init as never).then(unwrap);
  return {
    raw,
    get: dataMethod(raw.GET) as DataMethod<'get'>,
    post: dataMethod(raw.POST) as DataMethod<'post'>,
    put: dataMethod(raw.PUT) as DataMethod<'put'>,
    patch: dataMethod(raw.PATCH) as DataMethod<'patch'>,
    delete: dataMethod(raw.DELETE) as DataMethod<'delete'>,
  };
}

/** One call through `createChorusFetch`: the path carries its query string; a `body` is sent as JSON. */
export type ChorusFetch = <Data>(
  path: `/v1/${string}`,
  init?: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
  },
) => Promise<Data>;

/**
 * The client's idempotency keys, timeouts and typed errors for a fixed key (a publishable key on a web
 * page), without openapi-fetch's typed URL and parameter building (more than half of the client's
 * bytes), without token refresh and without automatic retries: the caller owns those (the rating
 * widget keeps failed submissions in an outbox and retries them across page loads), and without
 * checking its options at setup: the caller checks its key (the widget refuses anything but a
 * `pk_` key). For script-tag bundles that make one or two known calls and count every kilobyte;
 * everything else should use `createChorusClient`.
 */
export function createChorusFetch(
  options: { apiKey: string } & Pick<
    ChorusClientOptions,
    'baseUrl' | 'fetch' | 'timeoutMs' | 'idempotencyKeys'
  >,
): ChorusFetch {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // No abortErrors(): a call here takes no signal, so only its own timeout can abort it.
  const transport = composeFetch(options.fetch ?? ((request) => fetch(request)), [
    idempotencyKeys(options.idempotencyKeys !== false),
    attemptTimeout(options.timeoutMs ?? DEFAULTS.timeoutMs),
    networkErrors(),
  ]);
  return async <Data>(
    path: string,
    { body, headers, method = body === undefined ? 'GET' : 'POST' }: Parameters<ChorusFetch>[1] = {},
  ) => {
    const response = await transport(
      new Request(baseUrl + path, {
        method,
        headers: {
          Authorization: `Bearer ${options.apiKey}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    let data: unknown = text;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's error page): the error carries the text.
    }
    if (!response.ok) throw errorFromResponse(response, data);
    return data as Data;
  };
}
