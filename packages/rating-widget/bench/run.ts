/**
 * The rating widget's figures: the script-tag bundle's bytes (min+gz) beside bare Lit and the SDK's
 * plain client (its budget is `@chorus/bench`'s table, the gate `npm test` holds it to); and, on the strict-CSP test page in Chromium, the time until
 * the widget can be used and from "Send" to "Thank you!" against the real API.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startTestApi } from '@chorus/api/testing';
import { kB, measureBundle } from '@chorus/testing/bundle';
import { recordFigures } from '@chorus/testing/figures';
import { within } from '@chorus/testing/bounded';
import { sized } from '@chorus/testing/smoke';
import { median } from '@chorus/testing/stats';
import { PEERS } from '@chorus/testing/runtime';
import { chromiumLaunchOptions } from '@chorus/api/testing/browser';
import { chromium } from 'playwright';
import { startStaticSite } from '../test/page.js';

const RUNS = sized(5, 1);
/** The most one step on the page may take before the bench gives up and says which. */
const STEP_MS = 30_000;

/** Bundles module text the way the script-tag bundle is built (minified ESM, Lit's production build). */
const bundle = (source: string) => measureBundle(source, { resolveDir: import.meta.dirname });

async function bytes() {
  const shipped = readFileSync(new URL('../dist/chorus-rating.js', import.meta.url));
  return {
    'dist/chorus-rating.js (script tag: Lit, SDK transport, both elements)': {
      min: shipped.length,
      gzip: gzipSync(shipped, { level: 9 }).length,
    },
    'bare Lit (one element)': await bundle(PEERS['bare Lit']),
    'SDK plain client (createChorusClient)': await bundle(
      `import { createChorusClient } from '@chorus/sdk'; globalThis.client = createChorusClient;`,
    ),
    'SDK transport the widget uses (createChorusFetch)': await bundle(
      `import { createChorusFetch } from '@chorus/sdk'; globalThis.client = createChorusFetch;`,
    ),
    'bare Lit + plain client (before any element)': await bundle(
      `import { createChorusClient } from '@chorus/sdk'; import { LitElement, html } from 'lit'; globalThis.client = createChorusClient; customElements.define('x-a', class extends LitElement { render() { return html\`a\`; } });`,
    ),
  };
}

async function timings() {
  let apiUrl = '';
  const site = await startStaticSite(() => apiUrl);
  const api = await startTestApi({ extraOrigins: [site.origin] });
  apiUrl = api.url;
  const browser = await chromium.launch(chromiumLaunchOptions());
  const ready: number[] = [];
  const sent: number[] = [];
  try {
    for (let run = 0; run < RUNS + 1; run++) {
      const workspace = await api.createWorkspace();
      const page = await browser.newPage();
      await page.goto(
        site.url({ api: api.url, publishableKey: workspace.publishableKey, subject: `product:bench${run}` }),
      );
      const readyAt = await within(
        'the script-tag widget to render its buttons',
        STEP_MS,
        page.evaluate(async () => {
          while (!document.querySelector('chorus-rating')?.shadowRoot?.querySelector('button')) {
            await new Promise(requestAnimationFrame);
          }
          return performance.now();
        }),
      );
      await page.waitForFunction(() => performance.now() > 1600);
      await page.locator('chorus-rating label').nth(4).click();
      const ms = await within(
        'the widget to say "Thank you!" after "Send"',
        STEP_MS,
        page.evaluate(async () => {
          const element = document.querySelector('chorus-rating')!;
          const start = performance.now();
          element.shadowRoot!.querySelector('button')!.click();
          while (element.shadowRoot!.querySelector('[role=status]')?.textContent !== 'Thank you!') {
            await new Promise(requestAnimationFrame);
          }
          return performance.now() - start;
        }),
      );
      // The first run warms the browser and the API; it is not counted.
      if (run > 0) {
        ready.push(readyAt);
        sent.push(ms);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await api.close();
    await site.close();
  }
  return { ready: median(ready), sent: median(sent) };
}

const sizes = await bytes();
console.log('\n@chorus/rating-widget: bundle bytes (esbuild, minified ESM, gzip -9)');
console.table(
  Object.fromEntries(
    Object.entries(sizes).map(([name, s]) => [name, { min: kB(s.min), 'min+gz': kB(s.gzip) }]),
  ),
);
const shipped = Object.values(sizes)[0]!.gzip;
const lit = sizes['bare Lit (one element)'].gzip;
const client = sizes['SDK plain client (createChorusClient)'].gzip;
console.log(
  `script-tag bundle: ${kB(shipped)}; ${(shipped / lit).toFixed(2)}× bare Lit, ${(shipped / client).toFixed(2)}× the plain client`,
);
const times = await timings();
console.log(`\nOn the strict-CSP page in Chromium (median of ${RUNS}, after one warm-up)`);
console.table({
  'page start → widget usable (ms)': times.ready.toFixed(1),
  '"Send" → "Thank you!" against the API (ms)': times.sent.toFixed(1),
});

recordFigures('@chorus/rating-widget', [
  {
    name: 'script-tag bundle (min+gz)',
    value: shipped,
    unit: 'B',
    // Gated once, where every bundle's budget is: the report shows that row beside this one.
    note: "its budget is @chorus/bench's table (npm test's size gate)",
    peer: { name: 'bare Lit', value: lit },
  },
  {
    name: 'script-tag bundle beside the SDK plain client (min+gz)',
    value: shipped,
    unit: 'B',
    peer: { name: 'SDK plain client', value: client },
  },
  {
    name: 'page start → widget usable, strict-CSP page',
    value: times.ready,
    unit: 'ms',
    note: `median of ${RUNS}`,
  },
  { name: '"Send" → "Thank you!" against the API', value: times.sent, unit: 'ms', note: `median of ${RUNS}` },
]);
