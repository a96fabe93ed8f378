/**
 * `npm run bench`: bundle sizes of the SDK against its dependencies, and what batching saves when
 * 100 contact cards read their contacts. Sizes come from real esbuild bundles; requests are counted
 * at a real API started in-process.
 */
import { startTestApi } from '@chorus/api/testing';
import { QueryClient } from '@tanstack/query-core';
import { createChorusClient } from '../src/index.js';
import { createChorusQueries } from '../src/query/index.js';
import { recordFigures } from '@chorus/testing/figures';
import { sized } from '@chorus/testing/smoke';
import { BUNDLES, measureBundle, PLAIN_CLIENT_BUDGET_BYTES } from './bundle.js';

const CARDS = 100;
const RUNS = sized(7, 1);

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function bundleTable() {
  const rows = [];
  for (const [name, source] of Object.entries(BUNDLES)) {
    const size = await measureBundle(source);
    rows.push({ bundle: name, min: kB(size.minified), 'min+gz': kB(size.gzipped), bytes: size.gzipped });
  }
  console.log('\nBundle sizes (esbuild, minified ESM for the browser, gzip -9)');
  console.table(rows.map(({ bytes: _bytes, ...row }) => row));
  const plain = rows[0]!.bytes;
  const verdict = plain <= PLAIN_CLIENT_BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`Plain client: ${plain} B min+gz, ${verdict} its ${kB(PLAIN_CLIENT_BUDGET_BYTES)} budget.`);
}

async function batchingTable() {
  const api = await startTestApi();
  try {
    const chorus = createChorusClient({ baseUrl: api.url, apiKey: api.secretKey });
    const ids = (await chorus.get('/v1/contacts', { params: { query: { limit: CARDS } } })).data.map(
      (c) => c.id,
    );

    // One card = one contact read; each run starts with empty caches, as a fresh page would.
    const strategies = {
      unbatched: () =>
        Promise.all(ids.map((id) => chorus.get('/v1/contacts/{id}', { params: { path: { id } } }))),
      batched: () => {
        const queryClient = new QueryClient();
        const queries = createChorusQueries(chorus);
        return Promise.all(ids.map((id) => queryClient.fetchQuery(queries.contacts.detail(id))));
      },
    };

    const results: Record<string, { requests: number; ms: number }> = {};
    for (const [name, run] of Object.entries(strategies)) {
      await run(); // warm-up: connections, JIT, the database's caches
      const times: number[] = [];
      let requests = 0;
      for (let index = 0; index < RUNS; index++) {
        api.resetRequestLog();
        const startedAt = performance.now();
        const contacts = await run();
        times.push(performance.now() - startedAt);
        if (contacts.length !== CARDS) throw new Error(`${name} returned ${contacts.length} contacts`);
        requests = api.requests.length;
      }
      results[name] = { requests, ms: median(times) };
    }

    const { unbatched, batched } = results as Record<
      'unbatched' | 'batched',
      { requests: number; ms: number }
    >;
    console.log(`\n${CARDS} contact cards' reads (median of ${RUNS} runs, in-process API on PGlite)`);
    console.table({
      unbatched: { requests: unbatched.requests, 'time to settle': `${unbatched.ms.toFixed(1)} ms` },
      batched: { requests: batched.requests, 'time to settle': `${batched.ms.toFixed(1)} ms` },
      'unbatched / batched': {
        requests: `${(unbatched.requests / batched.requests).toFixed(0)}×`,
        'time to settle': `${(unbatched.ms / batched.ms).toFixed(1)}×`,
      },
    });
    recordFigures('@chorus/sdk', [
      {
        name: `requests for ${CARDS} contact reads, batched`,
        value: batched.requests,
        unit: 'requests',
        budget: { max: 1 },
        peer: { name: 'unbatched', value: unbatched.requests },
      },
      {
        name: `time for ${CARDS} contact reads to settle, batched`,
        value: batched.ms,
        unit: 'ms',
        peer: { name: 'unbatched', value: unbatched.ms },
        note: `median of ${RUNS}, in-process API on PGlite`,
      },
    ]);
  } finally {
    await api.close();
  }
}

await bundleTable();
await batchingTable();
