import { routes } from '@chorus/contract';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { BACKLOG_LIMIT, type ChangeEventDto, type ChangeHub } from '../changes/change-hub.js';
import { eventsExpired } from '../errors.js';
import type { AppEnv } from '../http/env.js';

export interface EventStreamOptions {
  /** How often a comment line keeps the stream open through proxies (default 15 s). */
  heartbeatMs?: number;
}

/**
 * `GET /v1/events`: the workspace's changes as Server-Sent Events. Mounted before the unit of work:
 * a stream must not hold a transaction (on PGlite that would stop every other request); it reads its
 * backlog in a short transaction of its own and then only forwards what the hub hands it.
 */
export function registerEventRoutes(
  app: OpenAPIHono<AppEnv>,
  hub: ChangeHub,
  { heartbeatMs = 15_000 }: EventStreamOptions = {},
) {
  app.openapi(routes.streamEvents, async (c) => {
    const caller = c.get('caller');
    const resumeFrom = c.req.valid('header')['last-event-id'] ?? c.req.valid('query').lastEventId;
    // Subscribed before the backlog is read, so nothing committed in between is missed; what both
    // deliver is sent once (ids only increase on the wire).
    const pending: ChangeEventDto[] = [];
    let forward: ((event: ChangeEventDto) => void) | undefined;
    let end = () => {};
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    const unsubscribe = await hub.subscribe(
      caller.workspaceId,
      (event) => (forward ? forward(event) : pending.push(event)),
      () => end(),
    );
    let backlog: ChangeEventDto[] = [];
    try {
      if (resumeFrom !== undefined) {
        const after = BigInt(resumeFrom);
        if (after < (await hub.prunedThrough())) throw eventsExpired(resumeFrom);
        backlog = await hub.backlog(caller.workspaceId, after);
        // Too far behind to replay: the client starts over, as past the retention window.
        if (backlog.length > BACKLOG_LIMIT) throw eventsExpired(resumeFrom);
      }
    } catch (error) {
      unsubscribe();
      throw error;
    }
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      // Ids sent on this stream: the backlog and the live events overlap, and a transaction that
      // committed late arrives live with an id below the last sent, so order alone cannot tell.
      const sent = new Set<string>();
      const send = async (event: ChangeEventDto) => {
        if (sent.has(event.id)) return;
        sent.add(event.id);
        if (sent.size > 2 * BACKLOG_LIMIT) sent.delete(sent.values().next().value as string);
        await stream.writeSSE({ id: event.id, event: event.type, data: JSON.stringify(event) });
      };
      let queue = Promise.resolve();
      const enqueue = (event: ChangeEventDto) => {
        queue = queue.then(() => send(event)).catch(() => {});
      };
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 2_000 });
      for (const event of backlog) enqueue(event);
      for (const event of pending.splice(0)) enqueue(event);
      forward = enqueue;
      const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => {}), heartbeatMs);
      let expiry: ReturnType<typeof setTimeout> | undefined;
      // The stream closes when this callback returns: when the client goes, the server stops, or a
      // session ends (the client reconnects with a fresh token).
      stream.onAbort(end);
      if (caller.expiresAt !== null) expiry = setTimeout(end, Math.max(0, caller.expiresAt - Date.now()));
      await ended;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
    });
  });
}
