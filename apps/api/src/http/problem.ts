import { PROBLEM_TYPES, type Problem } from '@chorus/contract';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { DomainError, preconditionRequired } from '../errors.js';

/** Writes an RFC 9457 problem+json response. */
export function problemResponse(
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
  const requestId = c.get('requestId') as string | undefined;
  const body: Problem = { ...problem, instance: c.req.path, ...(requestId ? { requestId } : {}) };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { ...Object.fromEntries(c.res.headers), ...headers, 'Content-Type': 'application/problem+json' },
  });
}

/** The one place where anything thrown becomes a problem; unknown failures are logged and answered 500 without internals. */
export function errorToProblem(error: unknown, c: Context): Response {
  if (error instanceof DomainError) {
    const { headers, ...extra } = error.extra;
    return problemResponse(
      c,
      { ...extra, type: error.type, title: error.title, status: error.status, detail: error.detail },
      headers,
    );
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const type =
      status === 401
        ? PROBLEM_TYPES.unauthorized
        : status === 413
          ? PROBLEM_TYPES.payloadTooLarge
          : PROBLEM_TYPES.validation;
    return problemResponse(c, {
      type,
      title: status === 413 ? 'Payload too large' : 'Invalid request',
      status,
      detail: error.message,
    });
  }
  const refused = databaseRefusal(error);
  if (refused) return problemResponse(c, refused);
  console.error(`[${c.get('requestId') ?? '-'}] ${c.req.method} ${c.req.path}`, error);
  return problemResponse(c, {
    type: PROBLEM_TYPES.internal,
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side. Quote the request id when asking for help.',
  });
}

const TARGET_PREFIX: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
};

/**
 * What the database refused that the contract let through, as a 4xx: SQLSTATE class 22 (a value out
 * of the column's range or encoding) is the caller's input; class 23 (a constraint) is a conflict with
 * what is stored. The contract carries the bounds, so this is a backstop, never the plan.
 */
function databaseRefusal(error: unknown): Problem | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code.startsWith('22')) {
    return {
      type: PROBLEM_TYPES.validation,
      title: 'Invalid request',
      status: 400,
      detail: `A value is outside what the database can store (SQLSTATE ${code}).`,
    };
  }
  if (code.startsWith('23')) {
    return {
      type: PROBLEM_TYPES.conflict,
      title: 'Conflict',
      status: 409,
      detail: `The change conflicts with what is stored (SQLSTATE ${code}).`,
    };
  }
  return undefined;
}

/** Turns a failed contract validation into a 400 problem that names every bad field (428 for a missing If-Match). */
export function validationProblem(c: Context, target: string, error: ZodError): Response {
  if (
    target === 'header' &&
    c.req.header('if-match') === undefined &&
    error.issues.some((issue) => issue.path[0] === 'if-match')
  ) {
    const { status, type, title, detail } = preconditionRequired();
    return problemResponse(c, { status, type, title, detail });
  }
  const prefix = TARGET_PREFIX[target] ?? target;
  const errors = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return problemResponse(c, {
    type: PROBLEM_TYPES.validation,
    title: 'Invalid request',
    status: 400,
    detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  });
}
