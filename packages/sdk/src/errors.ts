import type { components } from '@chorus/contract/paths';

export type Problem = components['schemas']['Problem'];
export type ProblemFieldError = components['schemas']['ProblemFieldError'];

/** What went wrong, in one word a `switch` can narrow on. */
export type ChorusErrorKind =
  | 'api'
  | 'validation'
  | 'auth'
  | 'not_found'
  | 'conflict'
  | 'precondition'
  | 'rate_limited'
  | 'network'
  | 'timeout';

/**
 * Every failure the client reports: an RFC 9457 problem from the API, or a transport failure
 * (`status` 0) that never reached an answer.
 */
export class ChorusError extends Error {
  readonly kind: ChorusErrorKind = 'api';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly errors: ProblemFieldError[];
  readonly requestId: string | undefined;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.name = new.target.name;
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }
}

/** 400 or 422: the request broke a rule; `errors` says which fields. */
export class ChorusValidationError extends ChorusError {
  override readonly kind = 'validation';
}

/** 401 or 403: no valid key or token, or the key may not do this. */
export class ChorusAuthError extends ChorusError {
  override readonly kind = 'auth';
}

export class ChorusNotFoundError extends ChorusError {
  override readonly kind = 'not_found';
}

/** 409: the change conflicts with the record's state (a lifecycle rule, a duplicate). */
export class ChorusConflictError extends ChorusError {
  override readonly kind = 'conflict';
}

/** 412 (the `If-Match` version is stale: re-read and retry) or 428 (`If-Match` is missing). */
export class ChorusPreconditionError extends ChorusError {
  override readonly kind = 'precondition';
}

/** 429: retries gave up; `retryAfterMs` is when the API said to come back. */
export class ChorusRateLimitError extends ChorusError {
  override readonly kind = 'rate_limited';
  readonly retryAfterMs: number | undefined;

  constructor(problem: Problem, retryAfterMs: number | undefined) {
    super(problem);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The request never got an answer: DNS, refused or dropped connection, CORS. */
export class ChorusNetworkError extends ChorusError {
  override readonly kind = 'network';

  constructor(request: Request, cause: unknown) {
    super(
      {
        type: '/problems/network',
        title: 'Network error',
        status: 0,
        detail: `${request.method} ${request.url} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      },
      { cause },
    );
  }
}

/** One attempt took longer than `timeoutMs`. */
export class ChorusTimeoutError extends ChorusError {
  override readonly kind = 'timeout';
  readonly timeoutMs: number;

  constructor(request: Request, timeoutMs: number) {
    super({
      type: '/problems/timeout',
      title: 'Request timed out',
      status: 0,
      detail: `${request.method} ${request.url} got no answer within ${timeoutMs} ms`,
    });
    this.timeoutMs = timeoutMs;
  }
}

/** The union a `switch (error.kind)` narrows. */
export type AnyChorusError =
  | ChorusValidationError
  | ChorusAuthError
  | ChorusNotFoundError
  | ChorusConflictError
  | ChorusPreconditionError
  | ChorusRateLimitError
  | ChorusNetworkError
  | ChorusTimeoutError;

/** Reads `Retry-After` as delay seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).type === 'string' &&
    typeof (body as Problem).title === 'string'
  );
}

/** Turns a failed response (its parsed body, if any) into the matching error class. */
export function errorFromResponse(response: Response, body: unknown): ChorusError {
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
      return new ChorusError(problem);
  }
}
