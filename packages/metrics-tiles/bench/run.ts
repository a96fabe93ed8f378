/**
 * The metric tiles' figures: bundle bytes (min+gz) with their share of core and Lit, beside bare
 * Lit, and the time to first render of a 12-tile grid in Chromium against the real API: cold (one
 * request) and from a warm cache (the same provider rendering the grid again, no request).
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

const RUNS = sized(9, 1);
/** The most one render may take before the bench gives up and says which. */
const STEP_MS = 60_000;
const METRICS = [
  'customer_lifetime_value',
  'churn_rate',
  'lead_conversion_rate',
  'time_to_conversion',
  'win_rate',
  'pipeline_value',
  'weighted_pipeline_value',
  'lost_sales',
  'average_order_value',
  'csat',
  'nps',
  'issue_resolution_time',
].join(',');

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
    const to = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(origin);
    await tab.waitForFunction(() => 'renderGrid' in window, undefined, { timeout: STEP_MS });
    type Page = { setUp: (a: unknown) => void; renderGrid: (a: unknown) => Promise<number> };
    const cold: number[] = [];
    const warm: number[] = [];
    let coldRequests = 0;
    let warmRequests = 0;
    const count = () => api.requests.filter((r) => r.method === 'GET' && r.path === '/v1/metrics').length;
    for (let run = 0; run < RUNS + 1; run++) {
      // A new 30-day window each run, so the cold render really asks the server.
      const setup = {
        url: api.url,
        sessionToken: session.token,
        metrics: METRICS,
        from: new Date(to.getTime() - (30 + run) * 86_400_000).toISOString(),
        to: to.toISOString(),
      };
      await tab.evaluate((args) => (window as unknown as Page).setUp(args), setup);
      api.resetRequestLog();
      const render = (what: string) =>
        within(
          what,
          STEP_MS,
          tab.evaluate((args) => (window as unknown as Page).renderGrid(args), setup),
        );
      const first = await render('the grid to render from the API (cold)');
      coldRequests = count();
      api.resetRequestLog();
      const again = await render('the grid to render again from the cache (warm)');
      warmRequests = count();
      // The first run warms the page itself (module evaluation, style parsing); it is not counted.
      if (run > 0) {
        cold.push(first);
        warm.push(again);
      }
    }
    return {
      'cold (one request)': { ms: median(cold), requests: coldRequests },
      'warm cache (same provider)': { ms: median(warm), requests: warmRequests },
    };
  } finally {
    await browser.close();
    await api.close();
    server.close();
  }
}

const sizes = await componentSizes('@chorus/metrics-tiles/define', 'tile + grid', import.meta.dirname);
console.log('\n@chorus/metrics-tiles: bundle bytes (esbuild, minified ESM, gzip -9)');
console.table(Object.fromEntries(sizes.map((s) => [s.name, { min: kB(s.min), 'min+gz': kB(s.gzip) }])));
const budget = sizes[1]!;
console.log(
  `tiles + core + Lit: ${kB(budget.gzip)} of a 10 kB budget (${(budget.gzip / sizes[2]!.gzip).toFixed(2)}× bare Lit)`,
);
const times = await renderTimes();
console.log(`\nFirst render of a 12-tile grid in Chromium (median of ${RUNS}, after one warm-up)`);
console.table(
  Object.fromEntries(
    Object.entries(times).map(([mode, r]) => [
      mode,
      { 'ms to all values shown': r.ms.toFixed(1), 'GET /v1/metrics requests': r.requests },
    ]),
  ),
);

const cold = times['cold (one request)'];
const warm = times['warm cache (same provider)'];
recordFigures('@chorus/metrics-tiles', [
  { name: 'tile + grid alone, without core and Lit (min+gz)', value: sizes[0]!.gzip, unit: 'B' },
  {
    name: '12-tile grid, first render from a cold cache',
    value: cold.ms,
    unit: 'ms',
    note: `median of ${RUNS}`,
  },
  {
    name: 'GET /v1/metrics requests, cold 12-tile grid',
    value: cold.requests,
    unit: 'requests',
    budget: { max: 1 },
  },
  { name: '12-tile grid, render from a warm cache', value: warm.ms, unit: 'ms', note: `median of ${RUNS}` },
  {
    name: 'GET /v1/metrics requests, warm 12-tile grid',
    value: warm.requests,
    unit: 'requests',
    budget: { max: 0 },
  },
]);
