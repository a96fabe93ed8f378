import type { components } from '@chorus/contract/paths';

export type Problem = components['schemas']['Problem'];
export type ProblemFieldError = components['schemas']['ProblemFieldError'];

/** What went wrong, in one word a `switch` can narrow on. */
export type ChorusErrorKind = ChorusError['kind'];

/**
 * What every error of the client has: an RFC 9457 problem from the API, or one made up by the
 * client for a failure that never reached an answer (`status` 0). Not exported: `ChorusError` below
 * is this class for `instanceof` and the union of its subclasses for `switch (error.kind)`.
 */
abstract class ChorusErrorBase extends Error {
  abstract readonly kind: string;
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly errors: ProblemFieldError[];
  readonly requestId: string | undefined;
  /**
   * The `Idempotency-Key` the failed write was sent with: send the same write again with this key
   * and the API replays its first answer instead of applying it twice. Undefined for reads.
   */
  readonly idempotencyKey: string | undefined;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }
}

// Every class names itself in a string: a minifier renames classes, and `new.target.name` would
// then print `Ht: The origin … is not allowed`.

/** Any other answer that is not a success (500, 502, …). */
export class ChorusApiError extends ChorusErrorBase {
  override readonly name = 'ChorusApiError';
  readonly kind = 'api';
}

/** 400 or 422: the request broke a rule; `errors` says which fields. */
export class ChorusValidationError extends ChorusErrorBase {
  override readonly name = 'ChorusValidationError';
  readonly kind = 'validation';
}

/** 401 or 403: no valid key or token, or the key may not do this. */
export class ChorusAuthError extends ChorusErrorBase {
  override readonly name = 'ChorusAuthError';
  readonly kind = 'auth';
}

export class ChorusNotFoundError extends ChorusErrorBase {
  override readonly name = 'ChorusNotFoundError';
  readonly kind = 'not_found';
}

/** 409: the change conflicts with the record's state (a lifecycle rule, a duplicate). */
export class ChorusConflictError extends ChorusErrorBase {
  override readonly name = 'ChorusConflictError';
  readonly kind = 'conflict';
}

/** 412 (the `If-Match` version is stale: re-read and retry) or 428 (`If-Match` is missing). */
export class ChorusPreconditionError extends ChorusErrorBase {
  override readonly name = 'ChorusPreconditionError';
  readonly kind = 'precondition';
}

/** 429: retries gave up; `retryAfterMs` is when the API said to come back. */
export class ChorusRateLimitError extends ChorusErrorBase {
  override readonly name = 'ChorusRateLimitError';
  readonly kind = 'rate_limited';
  readonly retryAfterMs: number | undefined;

  constructor(problem: Problem, retryAfterMs: number | undefined) {
    super(problem);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The request never got an answer: DNS, refused or dropped connection, CORS. */
export class ChorusNetworkError extends ChorusErrorBase {
  override readonly name = 'ChorusNetworkError';
  readonly kind = 'network';

  constructor(request: Request, cause: unknown) {
    super(
      {
        type: '/problems/network',
        title: 'Network error',
        status: 0,
        detail: `${request.method} ${request.url}: ${cause instanceof Error ? cause.message : String(cause)}`,
      },
      { cause },
    );
  }
}

/** One attempt took longer than `timeoutMs`. */
export class ChorusTimeoutError extends ChorusErrorBase {
  override readonly name = 'ChorusTimeoutError';
  readonly kind = 'timeout';
  readonly timeoutMs: number;

  constructor(request: Request, timeoutMs: number) {
    super({
      type: '/problems/timeout',
      title: 'Request timed out',
      status: 0,
      detail: `${request.method} ${request.url}: no answer in ${timeoutMs} ms`,
    });
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `signal` aborted the call; `cause` is the signal's reason. */
export class ChorusAbortedError extends ChorusErrorBase {
  override readonly name = 'ChorusAbortedError';
  readonly kind = 'aborted';

  constructor(request: Request, reason: unknown) {
    super(
      { type: '/problems/aborted', title: `${request.method} ${request.url} aborted`, status: 0 },
      { cause: reason },
    );
  }
}

/**
 * The client was set up wrong, so nothing was sent: a missing `apiKey`, `getToken` or `baseUrl`
 * (an unset environment variable, most often), or a `getToken` that gave no token.
 * `option` names what to fix.
 */
export class ChorusConfigError extends ChorusErrorBase {
  override readonly name = 'ChorusConfigError';
  readonly kind = 'config';
  readonly option: string;

  constructor(option: string, detail: string) {
    super({ type: '/problems/config', title: detail, status: 0 });
    this.option = option;
  }
}

/** Whether a required string option has a value: an unset environment variable gives undefined. */
export function filled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The error for a required option left undefined or empty; `hint` says what to pass. */
export function missingOption(option: string, value: unknown, hint: string): ChorusConfigError {
  return new ChorusConfigError(
    option,
    `\`${option}\` is ${typeof value === 'string' ? 'empty' : String(value)}: ${hint}`,
  );
}

/**
 * Every error the client throws, as a union a `switch (error.kind)` narrows with no cast:
 * `catch (error) { if (error instanceof ChorusError) switch (error.kind) { case 'rate_limited': … } }`.
 */
export type ChorusError =
  | ChorusApiError
  | ChorusValidationError
  | ChorusAuthError
  | ChorusNotFoundError
  | ChorusConflictError
  | ChorusPreconditionError
  | ChorusRateLimitError
  | ChorusNetworkError
  | ChorusTimeoutError
  | ChorusAbortedError
  | ChorusConfigError;

/** The base of every error above, for `instanceof`; it narrows to the union. */
export const ChorusError = ChorusErrorBase as unknown as abstract new (
  problem: Problem,
  options?: { cause?: unknown },
) => ChorusError;

/** Another name for `ChorusError`, from when the class and the union were apart. */
export type AnyChorusError = ChorusError;

/** Records on an error the `Idempotency-Key` its write was sent with (see `idempotencyKey`). */
export function withIdempotencyKey<E extends ChorusError>(error: E, key: string | undefined): E {
  if (key !== undefined) (error as { idempotencyKey: string | undefined }).idempotencyKey = key;
  return error;
}

// The key each answer's request carried. A `Response` does not keep its request's headers, and
// openapi-fetch hands `unwrap` the very `Response` the transport returned.
const keysByResponse = new WeakMap<Response, string>();

/** Remembers the `Idempotency-Key` a response answered, for the error `errorFromResponse` makes of it. */
export function rememberIdempotencyKey(response: Response, key: string | undefined): Response {
  if (key !== undefined) keysByResponse.set(response, key);
  return response;
}

/** Reads `Retry-After` as delay seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isProblem(body: unknown): body is Problem {
  // Optional chaining reads `type` of null and undefined as undefined, and primitives have none.
  const problem = body as Problem | null | undefined;
  return typeof problem?.type === 'string' && typeof problem.title === 'string';
}

/** Turns a failed response (its parsed body, if any) into the matching error class. */
export function errorFromResponse(response: Response, body: unknown): ChorusError {
  return withIdempotencyKey(errorOfStatus(response, body), keysByResponse.get(response));
}

function errorOfStatus(response: Response, body: unknown): ChorusError {
  const problem: Problem = isProblem(body)
    ? { ...body, status: body.status ?? response.status }
    : {
        type: 'about:blank',
        title: response.statusText || `HTTP ${response.status}`,
        status: response.status,
        detail: typeof body === 'string' && body.length > 0 ? body.slice(0, 500) : undefined,
      };
  switch (response.status) {
    case 400:
    case 422:
      return new ChorusValidationError(problem);
    case 401:
    case 403:
      return new ChorusAuthError(problem);
    case 404:
      return new ChorusNotFoundError(problem);
    case 409:
      return new ChorusConflictError(problem);
    case 412:
    case 428:
      return new ChorusPreconditionError(problem);
    case 429:
      return new ChorusRateLimitError(problem, parseRetryAfter(response.headers.get('retry-after')));
    default:
      return new ChorusApiError(problem);
  }
}
