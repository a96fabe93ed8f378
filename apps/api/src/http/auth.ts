import { PUBLIC_PATHS } from '@chorus/contract';
import type { MiddlewareHandler } from 'hono';
import { forbidden, unauthorized } from '../errors.js';
import type { CallerCache } from './caller-cache.js';
import type { AppEnv } from './env.js';

const isPublicPath = (path: string) => (PUBLIC_PATHS as readonly string[]).includes(path);
const READ_METHODS = new Set(['GET', 'HEAD']);
/** Where keys, sessions and the workspace (its allowed origins) are managed: secret keys only. */
const managesAccess = (path: string) => /^\/v1\/((keys|sessions)(\/|$)|workspace$)/.test(path);

/**
 * Resolves the bearer token and applies the rules of each kind:
 * secret keys never from a browser, publishable keys only on public paths from allowed origins,
 * session tokens within their scopes and from allowed origins. Callers come from `callers`, which
 * reuses them for a few seconds; a committed change to a workspace's keys, sessions or origins makes
 * it forget that workspace's callers before the answer leaves, so a revoked token is refused at once.
 */
export function authenticate(
  callers: CallerCache,
  {
    fileOriginWorkspace,
    blockedWorkspaces = [],
  }: {
    /**
     * The demo only: this workspace's publishable key also works from pages opened from disk, whose
     * Origin is `null`, so a newcomer can try the widget in a saved HTML file. Never a real workspace:
     * any sandboxed frame sends `null` too.
     */
    fileOriginWorkspace?: string | undefined;
    /** Their keys are answered as unknown ones (401). */
    blockedWorkspaces?: readonly string[];
  } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw unauthorized('Send your key as `Authorization: Bearer <key>`.');
    const caller = await callers.find(token);
    if (caller === 'expired')
      throw unauthorized('The session token has expired; mint a new one with POST /v1/sessions.');
    if (!caller || blockedWorkspaces.includes(caller.workspaceId))
      throw unauthorized(
        'The key or session token is not valid (revoked, mistyped, or from another environment).',
      );
    const origin = c.req.header('origin');
    if (caller.kind === 'secret' && origin) {
      throw forbidden(
        'Secret keys must never be used in a browser. Mint a session token on your server (POST /v1/sessions).',
      );
    }
    if (caller.kind === 'publishable' && !isPublicPath(c.req.path)) {
      throw forbidden(
        'Publishable keys may only call the public rating endpoints. Use a secret key on your server.',
      );
    }
    const fromDemoFile =
      origin === 'null' && caller.kind === 'publishable' && caller.workspaceId === fileOriginWorkspace;
    if (caller.kind !== 'secret' && origin && !caller.allowedOrigins.includes(origin) && !fromDemoFile) {
      throw forbidden(
        `The origin ${origin} is not allowed for this workspace. Add it to the workspace's allowed origins.`,
      );
    }
    if (caller.kind === 'publishable' && !origin) {
      throw forbidden(
        'Publishable keys work only from a web page of an allowed origin (the request has no Origin header).',
      );
    }
    if (caller.kind === 'session' && !READ_METHODS.has(c.req.method) && !caller.scopes.includes('write')) {
      throw forbidden('This session token is read-only; mint one with the "write" scope to change data.');
    }
    const changesAccess = managesAccess(c.req.path) && !READ_METHODS.has(c.req.method);
    const secretOnly = changesAccess || /^\/v1\/(keys|sessions)(\/|$)/.test(c.req.path);
    if (secretOnly && caller.kind !== 'secret')
      throw forbidden('Keys, sessions and the workspace itself are managed with a secret key only.');
    c.set('caller', caller);
    await next();
    // The unit of work has committed (or rolled back) by now. Forgetting after a failure too is
    // harmless: the next request looks its caller up afresh.
    if (changesAccess) callers.forgetWorkspace(caller.workspaceId);
  };
}
