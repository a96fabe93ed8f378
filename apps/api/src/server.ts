import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Database } from './db/database.js';
import { type AppOptions, createApp } from './app.js';
import { ChangeHub } from './changes/change-hub.js';
import { purgeIdempotencyKeys } from './http/idempotency.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** How long requests in flight may take to finish once the server is closing. */
const CLOSE_GRACE_MS = 5_000;

/** Serves the app on a loopback port (0 = any free one). */
export async function startServer(
  db: Database,
  {
    port = 0,
    hostname = '127.0.0.1',
    extend,
    ...options
  }: {
    port?: number;
    hostname?: string;
    /** Adds routes after the app's own: the bench mounts its ceiling route with it, production never. */
    extend?: (app: ReturnType<typeof createApp>) => void | Promise<void>;
  } & Omit<AppOptions, 'db'> = {},
): Promise<RunningServer> {
  // Kept here so that closing the server ends its open event streams, which would otherwise hold it open.
  const changes = options.changes ?? new ChangeHub(db, options.events);
  const app = createApp({ db, ...options, changes });
  await extend?.(app);
  // Idempotency records older than 24 h are already ignored; this deletes them, at start and hourly.
  const purge = () => void purgeIdempotencyKeys(db).catch((error) => console.error('purge failed', error));
  purge();
  const purger = setInterval(purge, 3_600_000);
  purger.unref();
  return new Promise<RunningServer>((resolve) => {
    // Idle keep-alive sockets outlive the clients' own idle timeout (undici: 4 s), so a client never
    // reuses a socket the server is closing at that moment (a spurious "socket closed" on a POST).
    const server = serve(
      { fetch: app.fetch, port, hostname, serverOptions: { keepAliveTimeout: 65_000 } },
      (info: AddressInfo) => {
        resolve({
          url: `http://${hostname}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              clearInterval(purger);
              server.close(() => done());
              // Idle keep-alive sockets would otherwise hold `close` open for a minute; the sockets of
              // event streams become idle once the hub has ended them.
              const sockets = server as {
                closeIdleConnections?: () => void;
                closeAllConnections?: () => void;
              };
              sockets.closeIdleConnections?.();
              void changes.close().then(() => setTimeout(() => sockets.closeIdleConnections?.(), 20));
              // Requests in flight get a grace period to finish, and no more: a socket that was busy
              // when the idle ones closed (a stream's reconnect arriving on it, say) would hold `close`
              // open for as long as it lives, and a test run's teardown with it.
              setTimeout(() => sockets.closeAllConnections?.(), CLOSE_GRACE_MS).unref();
            }),
        });
      },
    );
  });
}
