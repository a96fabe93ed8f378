import type { MiddlewareHandler } from 'hono';

const ALLOWED_HEADERS =
  'Authorization, Content-Type, Idempotency-Key, If-Match, Last-Event-ID, X-Chorus-Client';
const EXPOSED_HEADERS =
  'ETag, Retry-After, X-Request-Id, Idempotent-Replayed, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

/**
 * Reflects the caller's Origin. Safe because nothing rides on cookies: every request carries a bearer
 * token, and the origin rules of each token kind are enforced in `authenticate`, which refuses with 403.
 */
export function cors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
          'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      });
    }
    await next();
    if (origin) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      c.res.headers.append('Vary', 'Origin');
    }
  };
}
