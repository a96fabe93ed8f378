import { PGlite } from '@electric-sql/pglite';
import { type Database, type Sql, TYPE_PARSERS } from './database.js';

/** PGlite in-process: in memory without a directory, persistent with one. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = await PGlite.create(dataDir ? { dataDir, parsers: TYPE_PARSERS } : { parsers: TYPE_PARSERS });
  const wrap = (target: Pick<PGlite, 'query'>): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(text, params as unknown[]);
      return result.rows;
    },
  });
  return {
    engine: 'pglite',
    ...wrap(pg),
    // In process there is no round trip to save: the prelude simply runs first.
    transaction: (work, prelude = []) =>
      pg.transaction(async (tx) => {
        for (const { text, params = [] } of prelude) await tx.query(text, params as unknown[]);
        return work(wrap(tx));
      }),
    listen: (channel, onPayload) => pg.listen(channel, onPayload),
    close: () => pg.close(),
  };
}
