/**
 * `npm run workspace -w @chorus/api -- create --name Acme --origin https://app.acme.example`:
 * creates a workspace with its first secret and publishable keys, on the database the server uses
 * (DATABASE_URL, or PGlite in CHORUS_DATA_DIR), and prints them once as JSON on stdout.
 */
import { parseArgs } from 'node:util';
import { OriginSchema, Workspace } from '@chorus/contract';
import { z } from '@hono/zod-openapi';
import { openDatabase } from './db/open.js';
import { provisionWorkspace } from './domain/workspace.js';

const HELP = `Usage: npm run workspace -w @chorus/api -- create --name NAME --origin ORIGIN [--origin ORIGIN …] [--currency EUR]

Creates a workspace with its first secret key (servers only) and publishable key (rating widgets),
and the origins (scheme://host[:port]) whose pages may use session tokens and the publishable key.
Prints them as JSON; the keys are shown only this once (the API keeps their hashes).

The database is the server's: DATABASE_URL=postgres://… or CHORUS_DATA_DIR=/dir (PGlite on disk;
stop the server first, PGlite is opened by one process at a time).`;

const Input = z.object({
  name: Workspace.shape.name,
  currency: Workspace.shape.currency,
  allowedOrigins: z.array(OriginSchema).min(1, 'give at least one --origin').max(50),
});

function fail(message: string): never {
  console.error(`${message}\n\n${HELP}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    origin: { type: 'string', multiple: true, default: [] },
    currency: { type: 'string', default: 'EUR' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (positionals[0] !== 'create' || positionals.length !== 1) fail('Say what to do: create.');

const databaseUrl = process.env.DATABASE_URL;
const dataDir = process.env.CHORUS_DATA_DIR;
if (!databaseUrl && !dataDir) {
  fail('Set DATABASE_URL or CHORUS_DATA_DIR: a workspace made in memory would vanish with this command.');
}
const parsed = Input.safeParse({
  name: values.name,
  currency: values.currency,
  allowedOrigins: values.origin,
});
if (!parsed.success) {
  fail(
    parsed.error.issues
      .map(
        (issue) =>
          `--${issue.path[0] === 'allowedOrigins' ? 'origin' : String(issue.path[0])}: ${issue.message}`,
      )
      .join('\n'),
  );
}

const db = await openDatabase({ databaseUrl, dataDir });
try {
  const created = await provisionWorkspace(db, parsed.data);
  console.log(JSON.stringify(created, null, 2));
  console.error(
    `Created ${created.workspace.id}. Keep the secret key on your server: it is not shown again. Start the API without --demo to serve it.`,
  );
} finally {
  await db.close();
}
