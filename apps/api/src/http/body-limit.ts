import { PROBLEM_TYPES } from '@chorus/contract';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problemResponse } from './problem.js';

const BODILESS = new Set(['GET', 'HEAD']);

/**
 * Refuses request bodies over 64 kB with a 413 problem. A GET or HEAD is let through without a look:
 * the Node server never hands one a body, so the limit would pass it anyway, and only asking for the
 * body made the server build a full Fetch Request (an AbortSignal, Headers) for every read.
 */
export function limitBodies(): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) =>
      problemResponse(c, {
        type: PROBLEM_TYPES.payloadTooLarge,
        title: 'Payload too large',
        status: 413,
        detail: 'Request bodies are limited to 64 kB.',
      }),
  });
  return (c, next) => (BODILESS.has(c.req.method) ? next() : limit(c, next));
}
