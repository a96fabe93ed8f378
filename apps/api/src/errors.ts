import { PROBLEM_TYPES, type Problem } from '@chorus/contract';

type ProblemType = (typeof PROBLEM_TYPES)[keyof typeof PROBLEM_TYPES];

/** A failure the domain names: turned into problem+json in one place (http/problem.ts). */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly title: string,
    readonly detail: string,
    readonly extra: Partial<Problem> & { headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError(404, PROBLEM_TYPES.notFound, 'Not found', `No ${what} ${id} in this workspace.`);

export const validation = (path: string, message: string) =>
  new DomainError(400, PROBLEM_TYPES.validation, 'Invalid request', `${path}: ${message}`, {
    errors: [{ path, message }],
  });

export const unprocessable = (path: string, message: string) =>
  new DomainError(422, PROBLEM_TYPES.validation, 'Cannot process the request', `${path}: ${message}`, {
    errors: [{ path, message }],
  });

export const lifecycleRule = (detail: string) =>
  new DomainError(409, PROBLEM_TYPES.lifecycle, 'Lifecycle rule', detail);

export const forbidden = (detail: string) =>
  new DomainError(403, PROBLEM_TYPES.forbidden, 'Forbidden', detail);

export const unauthorized = (detail: string) =>
  new DomainError(401, PROBLEM_TYPES.unauthorized, 'Unauthorized', detail, {
    headers: { 'WWW-Authenticate': 'Bearer realm="chorus"' },
  });

export const preconditionRequired = () =>
  new DomainError(
    428,
    PROBLEM_TYPES.preconditionRequired,
    'If-Match required',
    'Send If-Match with the version you last read, so a change by someone else is not overwritten.',
  );

export const preconditionFailed = (current: number) =>
  new DomainError(
    412,
    PROBLEM_TYPES.preconditionFailed,
    'Version is stale',
    `The resource changed since you read it (it is now at version ${current}). Read it again and retry.`,
  );

export const rateLimited = (retryAfterSeconds: number, headers: Record<string, string> = {}) =>
  new DomainError(
    429,
    PROBLEM_TYPES.rateLimited,
    'Too many requests',
    `Slow down: try again in ${retryAfterSeconds} s.`,
    { headers: { ...headers, 'Retry-After': String(retryAfterSeconds) } },
  );

export const eventsExpired = (lastEventId: string) =>
  new DomainError(
    410,
    PROBLEM_TYPES.eventsExpired,
    'Events expired',
    `The changes after event ${lastEventId} are no longer kept. Read what you show afresh, then stream again without Last-Event-ID.`,
  );
