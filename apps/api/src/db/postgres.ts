import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { type Database, ISO_TYPE_PARSERS, type QueryOptions, type Sql, TYPE_PARSERS } from './database.js';

const typesWith = (parsers: typeof TYPE_PARSERS) =>
  ({
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      parsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text'),
  }) as pg.CustomTypesConfig;
const types = typesWith(TYPE_PARSERS);
const isoTypes = typesWith(ISO_TYPE_PARSERS);

/**
 * Connections: PostgreSQL's own rule of thumb, cores × 2 plus one, for a server on this machine
 * (the reference setup); DATABASE_POOL_SIZE overrides it for a server elsewhere.
 */
export const defaultPoolSize = () => Number(process.env.DATABASE_POOL_SIZE) || availableParallelism() * 2 + 1;

/**
 * Parameterised statements are prepared once per connection under a name derived from their text,
 * so a repeated query is bound and executed without being parsed and planned again. The texts are
 * the API's own (fixed fragments), so they are few; past this many, new ones run unnamed.
 */
const MAX_NAMED = 2_000;
const names = new Map<string, string>();
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `chorus_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A PostgreSQL server through a connection pool in pipeline mode: queries issued together go out
 * together, so a transaction's BEGIN and settings ride with its first query, and a read-only
 * transaction's COMMIT with the next transaction on its connection.
 */
export async function openPostgres(connectionString: string, max = defaultPoolSize()): Promise<Database> {
  const pool = new pg.Pool({ connectionString, types, max, pipeline: true } as pg.PoolConfig);
  await pool.query('select 1');
  const run = (
    target: Pick<pg.Pool, 'query'>,
    text: string,
    params: readonly unknown[] = [],
    options?: QueryOptions,
  ) =>
    params.length === 0 && !options?.isoTimestamps
      ? target.query(text)
      : target.query({
          name: params.length === 0 ? undefined : statementName(text),
          text,
          values: params as unknown[],
          types: options?.isoTimestamps ? isoTypes : types,
        });
  const wrap = (target: Pick<pg.Pool, 'query'>): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = [], options?: QueryOptions) {
      return (await run(target, text, params, options)).rows as T[];
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(work, prelude = [], { readOnly = false } = {}) {
      const client = await pool.connect();
      let opened: Promise<unknown> | undefined;
      const tx: Sql = {
        async query<T>(text: string, params: readonly unknown[] = [], options?: QueryOptions) {
          if (opened) return (await run(client, text, params, options)).rows as T[];
          // The first query opens the transaction: BEGIN, the prelude and the query leave in one write
          // (one packet, one round trip). Its rows are handed over only once BEGIN and the prelude have
          // succeeded: a query that ran without the tenant's role must never be read.
          const socket = socketOf(client);
          socket?.cork();
          let first: Promise<pg.QueryResult>;
          try {
            opened = Promise.all([
              client.query('begin'),
              ...prelude.map(({ text, params }) => run(client, text, params)),
            ]);
            // Awaited with the first query and again at the end; a failure must not count as unhandled.
            opened.catch(() => {});
            first = run(client, text, params, options);
          } finally {
            socket?.uncork();
          }
          const [, result] = await Promise.all([opened, first]);
          return result.rows as T[];
        },
      };
      const outcome = await work(tx).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (!opened) {
        client.release();
        if (!outcome.ok) throw outcome.error;
        return outcome.value;
      }
      if (readOnly) {
        // A read-only transaction's end changes nothing, so the answer need not wait for it. The
        // connection goes back to the pool at once: the next transaction's BEGIN is written behind
        // this COMMIT (or ROLLBACK) on the same connection, so it never sees this one's settings.
        // The COMMIT is held back until this turn of the event loop ends, so that it leaves in one
        // write with that BEGIN when a request is waiting for the connection: one write (a system
        // call, a twentieth of a list request) fewer per read.
        const socket = socketOf(client);
        socket?.cork();
        client.query(outcome.ok ? 'commit' : 'rollback').catch(() => {});
        client.release();
        if (socket) setImmediate(() => socket.uncork());
        await opened;
        if (!outcome.ok) throw outcome.error;
        return outcome.value;
      }
      try {
        // If opening failed, that is the cause of whatever the work ran into.
        await opened;
        if (!outcome.ok) throw outcome.error;
        await client.query('commit');
        return outcome.value;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onPayload) => listenOn(connectionString, channel, onPayload),
    close: () => pool.end(),
  };
}

/** The client's socket, to write several messages as one packet (pg keeps it on `connection.stream`). */
function socketOf(client: pg.PoolClient): { cork(): void; uncork(): void } | undefined {
  const stream = (client as unknown as { connection?: { stream?: { cork?: unknown; uncork?: unknown } } })
    .connection?.stream;
  return typeof stream?.cork === 'function' && typeof stream.uncork === 'function'
    ? (stream as { cork(): void; uncork(): void })
    : undefined;
}

/**
 * LISTEN on a connection of its own. When it drops, a new one listens again after a short wait;
 * notifications sent in between are lost, which the change feed makes good by reading its table
 * (each stream resumes from the last id it sent).
 */
async function listenOn(
  connectionString: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  // Until stopped, a lost or refused connection is tried again every second.
  const retry = () =>
    setTimeout(() => {
      if (!stopped) void connect().catch(retry);
    }, 1_000).unref();
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', () => {
      next.end().catch(() => {});
      if (!stopped) retry();
    });
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    // Stopped while connecting: this connection would outlive the stop and keep the process alive.
    if (stopped) return void (await next.end().catch(() => {}));
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}
