import type { Sql } from '../db/database.js';

export interface BulkColumn {
  name: string;
  /** The PostgreSQL type of the array the values travel in. */
  type: 'text' | 'int8' | 'int4' | 'float8' | 'timestamptz' | 'date';
  /** How the unnested value becomes the column, e.g. `string_to_array(v, '|')` for a text[] column. */
  expression?: (value: string) => string;
}

/**
 * Inserts many rows in a few statements: each column travels as one array parameter and `unnest`
 * zips them back into rows, so there is no SQL built from values and no per-row round trip.
 */
export async function bulkInsert(
  tx: Sql,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
  chunk = 5000,
): Promise<void> {
  const names = columns.map((c) => c.name).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => (c.expression ? c.expression(aliases[i]!) : aliases[i])).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `insert into ${table} (${names}) select ${select} from unnest(${arrays}) as u(${aliases.join(', ')})`;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await tx.query(
      sql,
      columns.map((_, i) => part.map((row) => row[i] ?? null)),
    );
  }
}
