/**
 * The contact card's figures: bundle bytes (min+gz) with its share of core and Lit, and the time to
 * first render of 200 cards in Chromium, presentational and connected to the real API.
 */
import { startTestApi } from '@chorus/api/testing';
import { chromiumLaunchOptions } from '@chorus/api/testing/browser';
import { kB } from '@chorus/testing/bundle';
import { componentSizes } from '@chorus/testing/component-sizes';
import { recordFigures } from '@chorus/testing/figures';
import { serveBenchPage } from '@chorus/testing/page-server';
import { within } from '@chorus/testing/bounded';
import { sized } from '@chorus/testing/smoke';
import { median } from '@chorus/testing/stats';
import { chromium } from 'playwright';

const CARDS = sized(200, 20);
const RUNS = sized(5, 1);
/** The most one render may take before the bench gives up and says which. */
const STEP_MS = 60_000;

async function renderTimes() {
  const server = await serveBenchPage(new URL('./page.ts', import.meta.url).pathname);
  const { origin } = server;
  const api = await startTestApi({ extraOrigins: [origin] });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const session = await fetch(`${api.url}/v1/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scopes: ['read'] }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const contacts = [];
    let cursor: string | null = null;
    do {
      const page: { data: unknown[]; nextCursor: string | null } = await fetch(
        `${api.url}/v1/contacts?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        {
          headers: { Authorization: `Bearer ${api.secretKey}` },
        },
      ).then((r) => r.json() as Promise<{ data: unknown[]; nextCursor: string | null }>);
      contacts.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor && contacts.length < CARDS);
    const tab = await browser.newPage();
    await tab.goto(origin);
    await tab.waitForFunction(() => 'renderCards' in window, undefined, { timeout: STEP_MS });
    const results: Record<string, { ms: number; requests: number }> = {};
    for (const mode of ['presentational', 'connected'] as const) {
      const times: number[] = [];
      let requests = 0;
      for (let run = 0; run < RUNS + 1; run++) {
        api.resetRequestLog();
        const ms = await within(
          `${CARDS} ${mode} cards to render`,
          STEP_MS,
          tab.evaluate(
            (args) =>
              (window as unknown as { renderCards: (a: unknown) => Promise<number> }).renderCards(args),
            { mode, contacts: contacts.slice(0, CARDS), api: { url: api.url, sessionToken: session.token } },
          ),
        );
        // The first run warms the page (module evaluation, style parsing); it is not counted.
        if (run > 0) times.push(ms);
        requests = api.requests.filter((r) => r.method === 'GET' && r.path === '/v1/contacts').length;
      }
      results[mode] = { ms: median(times), requests };
    }
    return results;
  } finally {
    await browser.close();
    await api.close();
    server.close();
  }
}

const sizes = await componentSizes('@chorus/contact-card/define', 'card', import.meta.dirname);
console.log('\n@chorus/contact-card: bundle bytes (esbuild, minified ESM, gzip -9)');
console.table(Object.fromEntries(sizes.map((s) => [s.name, { min: kB(s.min), 'min+gz': kB(s.gzip) }])));
const budget = sizes[1]!;
console.log(
  `card + core + Lit: ${kB(budget.gzip)} of a 10 kB budget (${(budget.gzip / sizes[2]!.gzip).toFixed(2)}× bare Lit)`,
);
const times = await renderTimes();
console.log(`\nFirst render of ${CARDS} compact cards in Chromium (median of ${RUNS}, after one warm-up)`);
console.table(
  Object.fromEntries(
    Object.entries(times).map(([mode, r]) => [
      mode,
      { 'ms to all names shown': r.ms.toFixed(1), 'GET /v1/contacts requests': r.requests },
    ]),
  ),
);

recordFigures('@chorus/contact-card', [
  { name: '<chorus-contact-card> alone, without core and Lit (min+gz)', value: sizes[0]!.gzip, unit: 'B' },
  {
    name: `first render of ${CARDS} compact cards, presentational`,
    value: times.presentational!.ms,
    unit: 'ms',
    note: `median of ${RUNS} in Chromium`,
  },
  {
    name: `first render of ${CARDS} compact cards, connected`,
    value: times.connected!.ms,
    unit: 'ms',
    note: `median of ${RUNS}, real API on PGlite`,
  },
  {
    // The SDK's batcher folds every card's read into one `?ids=` request per 100 ids.
    name: `GET /v1/contacts requests for ${CARDS} connected cards`,
    value: times.connected!.requests,
    unit: 'requests',
    budget: { max: Math.ceil(CARDS / 100) },
  },
]);
