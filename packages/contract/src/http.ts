import type { z } from '@hono/zod-openapi';
import { Problem } from './common.js';

/** A JSON body or response of the given schema. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

export function jsonBody<T extends z.ZodType>(schema: T, description: string) {
  return { required: true, description, content: { 'application/json': { schema } } } as const;
}

const PROBLEM_DESCRIPTIONS = {
  400: 'The request is malformed or fails validation.',
  401: 'No valid key or session token was sent.',
  403: 'The key may not do this (scope, key kind or origin).',
  404: 'No such resource in this workspace.',
  409: 'The change breaks a domain rule, or (`/problems/secret-shown-once`) a replayed request whose first answer carried a secret, which is never shown twice.',
  412: 'The `If-Match` version is stale: someone else changed the resource.',
  422: 'The request is well-formed but cannot be processed (e.g. an idempotency key reused with another body).',
  428: 'The update needs an `If-Match` header.',
  410: 'Gone: (`/problems/events-expired`) the changes after `Last-Event-ID` are past the retention window; read everything afresh and stream without it.',
  429: 'Too many requests; retry after the `Retry-After` seconds. A refused request spends no budget of any limit.',
} as const;
type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

const problemContent = { 'application/problem+json': { schema: Problem } } as const;

/** The problem+json responses a route can give, always including 400, 401 and 429. */
export function problems<S extends ProblemStatus>(...statuses: S[]) {
  const all = [...new Set<ProblemStatus>([400, 401, 429, ...statuses])];
  return Object.fromEntries(
    all.map((status) => [status, { description: PROBLEM_DESCRIPTIONS[status], content: problemContent }]),
  ) as { [K in S | 400 | 401 | 429]: { description: string; content: typeof problemContent } };
}

export const bearer = [{ bearerAuth: [] as string[] }];
