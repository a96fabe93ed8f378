import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/** Applies the numbered SQL files in `migrations/` that have not run yet, each in its own transaction. */
export async function migrate(db: Database): Promise<string[]> {
  await db.query(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  // One migrator at a time, also across processes sharing a PostgreSQL server.
  const applied: string[] = [];
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{3}_.+\.sql$/.test(name))
    .sort();
  for (const name of files) {
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(4207)');
      const done = await tx.query('select 1 from schema_migrations where name = $1', [name]);
      if (done.length > 0) return;
      const sql = readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8');
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (name) values ($1)', [name]);
      applied.push(name);
    });
  }
  return applied;
}

/** Splits on `;` at line ends, keeping `$$ … $$` blocks whole (the extended protocol takes one statement at a time). */
function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inDollar) continue;
    current += `${line}\n`;
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inDollar = !inDollar;
    if (!inDollar && line.trimEnd().endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
