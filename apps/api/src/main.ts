import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from './db/open.js';
import { DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY, DEMO_WORKSPACE_ID, seedDemo } from './seed/demo.js';
import { startServer } from './server.js';

const HELP = `Chorus reference API

Usage: tsx src/main.ts [--port 8787] [--demo [--seed-scale N]]

  --port N          Port to listen on (default: PORT or 8787).
  --demo            Seed and serve the demo workspace "Acme Audio" with its public demo keys,
                    POST /demo/session and /demo/chorus-rating.js. \`npm start\` passes it.
  --seed-scale N    With --demo: seed N times the demo data (1 to 1000; or CHORUS_SEED_SCALE).
  -h, --help        This text.

Storage: PGlite in memory; CHORUS_DATA_DIR=/dir keeps PGlite on disk; DATABASE_URL=postgres://… uses PostgreSQL.

Without --demo the API serves only your own workspaces, and refuses the demo workspace's keys.
Create a workspace (with the server stopped when on PGlite, which one process opens at a time):

  npm run workspace -w @chorus/api -- create --name Acme --origin https://app.acme.example
`;

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    'seed-scale': { type: 'string', default: process.env.CHORUS_SEED_SCALE ?? '1' },
    port: { type: 'string', default: process.env.PORT ?? '8787' },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const scale = Number(values['seed-scale']);
if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
  console.error(`--seed-scale must be a whole number from 1 to 1000 (got ${values['seed-scale']})`);
  process.exit(2);
}

const started = Date.now();
const databaseUrl = process.env.DATABASE_URL;
const dataDir = process.env.CHORUS_DATA_DIR;
const db = await openDatabase({ databaseUrl, dataDir });
const seeded = values.demo ? await seedDemo(db, { scale }) : null;
const server = await startServer(db, {
  port: Number(values.port),
  hostname: 'localhost',
  ...(values.demo
    ? {
        demoSessionsFor: DEMO_WORKSPACE_ID,
        // The widget's bundle from this checkout (`npm start` builds it first), for pages trying the widget.
        demoWidgetScript: fileURLToPath(
          new URL('../../../packages/rating-widget/dist/chorus-rating.js', import.meta.url),
        ),
      }
    : // The demo keys are printed in the README: a database once used for the demo must not honour them.
      { blockedWorkspaces: [DEMO_WORKSPACE_ID] }),
});

const engine = databaseUrl
  ? 'PostgreSQL (DATABASE_URL)'
  : `PGlite ${dataDir ? `in ${dataDir}` : 'in memory'}`;
const ready = `Chorus API on ${server.url}  (${engine}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`;
if (values.demo) {
  console.log(`
${ready}
${seeded ? `Seeded the demo workspace: ${seeded.contacts} contacts, ${seeded.deals} deals, ${seeded.orders} orders, ${seeded.ratings} ratings.` : 'Demo workspace already present.'}

  Secret key (servers only):         ${DEMO_SECRET_KEY}
  Publishable key (rating widgets):  ${DEMO_PUBLISHABLE_KEY}
  Rating widget script:              ${server.url}/demo/chorus-rating.js

  Try:  curl -H "Authorization: Bearer ${DEMO_SECRET_KEY}" ${server.url}/v1/contacts?limit=3
  API reference: ${server.url}/   OpenAPI: ${server.url}/openapi.json
`);
} else {
  const [{ count }] = (await db.query<{ count: number }>(
    'select count(*)::int as count from workspaces where id <> $1',
    [DEMO_WORKSPACE_ID],
  )) as [{ count: number }];
  console.log(`
${ready}
${
  count > 0
    ? `Serving ${count} workspace${count === 1 ? '' : 's'}.`
    : `No workspace yet. ${
        databaseUrl || dataDir
          ? 'Stop the server and create one with the same DATABASE_URL or CHORUS_DATA_DIR:'
          : 'This server keeps its data in memory: set CHORUS_DATA_DIR=/some/dir (or DATABASE_URL), create one, and start again:'
      }

  npm run workspace -w @chorus/api -- create --name Acme --origin https://app.acme.example

It prints the workspace's secret and publishable keys once. (\`npm start\` runs the demo instead.)`
}
  API reference: ${server.url}/   OpenAPI: ${server.url}/openapi.json
`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await server.close();
    await db.close();
    process.exit(0);
  });
}
