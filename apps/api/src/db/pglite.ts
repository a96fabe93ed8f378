import { PGlite } from '@electric-sql/pglite';
import { type Database, ISO_TYPE_PARSERS, type QueryOptions, type Sql, TYPE_PARSERS } from './database.js';
import { Turns } from './turns.js';

/**
 * PGlite in-process: in memory without a directory, persistent with one. It runs one statement (and
 * one transaction) at a time, so every use goes through one queue that takes turns between its users
 * (see `Turns`): a transaction or a lone query is one turn; a read-only transaction takes one turn per
 * query, so that a list read is not held up behind a whole dashboard, only behind one of its queries.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = await PGlite.create(dataDir ? { dataDir, parsers: TYPE_PARSERS } : { parsers: TYPE_PARSERS });
  const turns = new Turns();
  const rowsOf = async <T>(
    target: Pick<PGlite, 'query'>,
    text: string,
    params: readonly unknown[],
    options?: QueryOptions,
  ) =>
    (
      await target.query<T>(
        text,
        params as unknown[],
        options?.isoTimestamps ? { parsers: ISO_TYPE_PARSERS } : undefined,
      )
    ).rows;
  return {
    engine: 'pglite',
    query: (text, params = [], options) => turns.run({}, () => rowsOf(pg, text, params, options)),
    transaction: (work, prelude = [], { readOnly = false } = {}) => {
      if (readOnly) {
        // Each query its own transaction, the prelude (role and workspace) run first in each.
        const owner = {};
        const tx: Sql = {
          query: (text, params = [], options) =>
            turns.run(owner, () =>
              pg.transaction(async (t) => {
                for (const statement of prelude) await t.query(statement.text, statement.params as unknown[]);
                return rowsOf(t, text, params, options);
              }),
            ),
        };
        return work(tx);
      }
      // In process there is no round trip to save: the prelude simply runs first.
      return turns.run({}, () =>
        pg.transaction(async (t) => {
          for (const { text, params = [] } of prelude) await t.query(text, params as unknown[]);
          return work({ query: (text, params = [], options) => rowsOf(t, text, params, options) });
        }),
      );
    },
    listen: (channel, onPayload) => pg.listen(channel, onPayload),
    close: () => pg.close(),
  };
}
