import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from './db/open.js';
import { DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY, DEMO_WORKSPACE_ID, seedDemo } from './seed/demo.js';
import { startServer } from './server.js';

const { values } = parseArgs({
  options: {
    'seed-scale': { type: 'string', default: process.env.CHORUS_SEED_SCALE ?? '1' },
    port: { type: 'string', default: process.env.PORT ?? '8787' },
  },
});
const scale = Number(values['seed-scale']);
if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
  console.error(`--seed-scale must be a whole number from 1 to 1000 (got ${values['seed-scale']})`);
  process.exit(2);
}

const started = Date.now();
const databaseUrl = process.env.DATABASE_URL;
const dataDir = process.env.CHORUS_DATA_DIR;
const db = await openDatabase({ databaseUrl, dataDir });
const seeded = await seedDemo(db, { scale });
const server = await startServer(db, {
  port: Number(values.port),
  hostname: 'localhost',
  demoSessionsFor: DEMO_WORKSPACE_ID,
  // The widget's bundle from this checkout (`npm start` builds it first), for pages trying the widget.
  demoWidgetScript: fileURLToPath(
    new URL('../../../packages/rating-widget/dist/chorus-rating.js', import.meta.url),
  ),
});

const engine = databaseUrl
  ? 'PostgreSQL (DATABASE_URL)'
  : `PGlite ${dataDir ? `in ${dataDir}` : 'in memory'}`;
console.log(`
Chorus API on ${server.url}  (${engine}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
${seeded ? `Seeded the demo workspace: ${seeded.contacts} contacts, ${seeded.deals} deals, ${seeded.orders} orders, ${seeded.ratings} ratings.` : 'Demo workspace already present.'}

  Secret key (servers only):         ${DEMO_SECRET_KEY}
  Publishable key (rating widgets):  ${DEMO_PUBLISHABLE_KEY}
  Rating widget script:              ${server.url}/demo/chorus-rating.js

  Try:  curl -H "Authorization: Bearer ${DEMO_SECRET_KEY}" ${server.url}/v1/contacts?limit=3
  API reference: ${server.url}/   OpenAPI: ${server.url}/openapi.json
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await server.close();
    await db.close();
    process.exit(0);
  });
}
