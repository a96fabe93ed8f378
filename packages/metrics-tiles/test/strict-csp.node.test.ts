/**
 * The metric tile and grid under the strict policy of issue 23 (`STRICT_CSP`: no inline styles,
 * Trusted Types enforced): a bundled page served from loopback with the policy as a header, in
 * Debian's Chromium, against the real API. Any `securitypolicyviolation` fails the test, and the
 * target bar, sized through the CSSOM, must be visibly filled.
 */
import { startTestApi, type TestApi } from '@chorus/api/testing';
import { chromiumLaunchOptions } from '@chorus/api/testing/browser';
import {
  HOSTILE_STRINGS,
  type PageReports,
  type StrictCspSite,
  serveStrictCspPage,
  sessionToken,
  watchedPage,
} from '@chorus/testing/strict-csp';
import type { MetricsResponse } from '@chorus/sdk';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { targetProgress } from '../src/metric-model.js';
import type { StrictCspPageData } from './strict-csp.page.js';

let api: TestApi;
let site: StrictCspSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveStrictCspPage(new URL('./strict-csp.page.ts', import.meta.url).pathname, () => api.url);
  api = await startTestApi({ extraOrigins: [site.origin] });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await site?.close();
});

/** Seeded metrics with a value, each with a hostile label and definition and a target it is halfway to. */
async function hostileMetrics(): Promise<StrictCspPageData['hostile']> {
  const to = new Date();
  const from = new Date(to.getTime() - 365 * 86_400_000);
  const search = new URLSearchParams({
    names: 'win_rate,pipeline_value,average_order_value,churn_rate,time_to_conversion',
    from: from.toISOString(),
    to: to.toISOString(),
    interval: 'month',
  });
  const response = await fetch(`${api.url}/v1/metrics?${search}`, {
    headers: { Authorization: `Bearer ${api.secretKey}` },
  });
  if (!response.ok) throw new Error(`GET /v1/metrics: ${response.status} ${await response.text()}`);
  const { data } = (await response.json()) as MetricsResponse;
  return data
    .filter((metric) => (metric.value ?? 0) > 0)
    .map((metric, i) => ({
      metric: {
        ...metric,
        label: HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]!,
        definition: HOSTILE_STRINGS[(i + 1) % HOSTILE_STRINGS.length]!,
      },
      target: metric.direction === 'up_is_good' ? metric.value! * 2 : metric.value! / 2,
    }));
}

it('renders every state (dark grid with targets and thresholds, definition open, error, no range, hostile data) with no violation and the target bars filled', async () => {
  const { page, reports } = await watchedPage(browser);
  const data: StrictCspPageData = {
    api: api.url,
    token: await sessionToken(api.url, api.secretKey),
    hostile: await hostileMetrics(),
  };
  expect(data.hostile.length).toBeGreaterThanOrEqual(3);
  await page.goto(site.origin);
  await page.waitForFunction(() => 'renderPage' in window);
  await page.evaluate((d) => (window as unknown as { renderPage(d: unknown): void }).renderPage(d), data);

  const connected = page.locator('chorus-metric-tile#connected');
  await connected.locator('[part=value]').waitFor();
  await connected.locator('[part=info]').click();
  await connected.locator('[part=definition]').waitFor();
  await page.locator('chorus-metrics-grid chorus-metric-tile [part=target]').first().waitFor();
  await page.locator('chorus-metrics-grid chorus-metric-tile [part=value]').nth(3).waitFor();
  await page.locator('chorus-metric-tile#failing [role=alert] button').waitFor();
  await page.locator('chorus-metric-tile#no-range [role=alert]').waitFor();
  await page.locator('chorus-metric-tile.hostile [part=definition]').first().waitFor({ state: 'attached' });

  // Each hostile tile's bar is filled to its progress, as first rendered (no re-render helped).
  const fills = await page
    .locator('chorus-metric-tile.hostile [part=target]')
    .evaluateAll((targets) =>
      targets.map(
        (target) =>
          target.querySelector('.fill')!.getBoundingClientRect().width /
          target.querySelector('.bar')!.getBoundingClientRect().width,
      ),
    );
  const expected = data.hostile.map(
    ({ metric, target }) => targetProgress(metric.value, target, metric.direction).ratio,
  );
  expect(fills).toHaveLength(expected.length);
  for (const [i, fill] of fills.entries()) expect(fill).toBeCloseTo(expected[i]!, 2);
  expect(expected.every((ratio) => ratio > 0.4 && ratio < 0.6)).toBe(true);
  // The connected tile's bar too, through the same computed style.
  const connectedFill = await connected
    .locator('.fill')
    .evaluate((fill) => Number.parseFloat(getComputedStyle(fill).inlineSize));
  expect(connectedFill).toBeGreaterThan(0);

  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(reports).toEqual<PageReports>({ violations: [], errors: [] });
});
