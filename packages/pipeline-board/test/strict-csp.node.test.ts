/**
 * The pipeline board under the strict policy of issue 23 (`STRICT_CSP`: no inline styles, Trusted
 * Types enforced): a bundled page served from loopback with the policy as a header, in Debian's
 * Chromium, against the real API. Any `securitypolicyviolation` fails the test.
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
import type { Pipeline } from '@chorus/sdk';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BoardDeal } from '../src/index.js';
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

const hostileText = (n: number) => HOSTILE_STRINGS[n % HOSTILE_STRINGS.length]!;

/** Four stages (two open, won, lost) and 60 deals, every name, definition, title and company hostile. */
function hostileBoard(): StrictCspPageData['hostile'] {
  const kinds = ['open', 'open', 'won', 'lost'] as const;
  const pipeline: Pipeline = {
    id: 'pip_hostile',
    name: hostileText(0),
    createdAt: '2026-01-01T00:00:00.000Z',
    stages: kinds.map((kind, i) => ({
      id: `stg_h${i}`,
      name: hostileText(i + 1).slice(0, 80),
      position: i,
      kind,
      probability: kind === 'won' ? 1 : kind === 'lost' ? 0 : 0.3,
      definition: hostileText(i + 2),
      rottingDays: 3,
    })),
  };
  const deals: BoardDeal[] = Array.from({ length: 60 }, (_, i) => ({
    id: `deal_h${i}`,
    title: hostileText(i),
    value: { amount: 100_000 + i, currency: 'EUR' },
    stageId: `stg_h${i % 2}`,
    status: 'open',
    contactId: null,
    companyId: null,
    companyName: hostileText(i + 3),
    ownerId: 'usr_h',
    ownerName: hostileText(i + 5),
    expectedCloseDate: null,
    nextActivity: null,
    stageEnteredAt: new Date(Date.now() - (i % 9) * 86_400_000).toISOString(),
    closedAt: null,
    rank: `a${String(i).padStart(5, '0')}`,
    version: 1,
  }));
  return { pipeline, deals };
}

/** Presses keys on a card of the hostile board, each once focus is back on it (a carried card is re-created). */
async function keysOnCard(page: Page, dealId: string, keys: string[]) {
  const focused = () =>
    page.waitForFunction(
      (id) =>
        (document.querySelector('#hostile')!.shadowRoot!.activeElement as HTMLElement | null)?.dataset[
          'dealId'
        ] === id,
      dealId,
      { timeout: 5000 },
    );
  await page.locator(`#hostile [data-deal-id=${dealId}]`).focus();
  for (const key of keys) {
    await focused();
    await page.keyboard.press(key);
  }
}

it('renders every state (dark connected board, stage tooltip, Lost dialog, not found, hostile data) with no violation', async () => {
  const { page, reports } = await watchedPage(browser);
  await page.setViewportSize({ width: 1320, height: 900 });
  const pipelines = (await fetch(`${api.url}/v1/pipelines`, {
    headers: { Authorization: `Bearer ${api.secretKey}` },
  }).then((response) => response.json())) as { data: Pipeline[] };
  const data: StrictCspPageData = {
    api: api.url,
    token: await sessionToken(api.url, api.secretKey),
    pipelineId: pipelines.data[0]!.id,
    hostile: hostileBoard(),
  };
  await page.goto(site.origin);
  await page.waitForFunction(() => 'renderPage' in window);
  await page.evaluate((d) => (window as unknown as { renderPage(d: unknown): void }).renderPage(d), data);

  const connected = page.locator('#connected');
  await connected.locator('[data-deal-id]').first().waitFor();
  await page.locator('#missing [role=alert] button').waitFor();
  // A stage's definition shows as a tooltip on focus of its button.
  await connected.locator('.about').first().focus();
  await expect
    .poll(() =>
      connected
        .locator('[role=tooltip]')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    )
    .not.toBe('none');

  // The Lost dialog, opened with the keyboard alone on the hostile board.
  await page.locator('#hostile [data-deal-id=deal_h0]').waitFor();
  await keysOnCard(page, 'deal_h0', [' ', 'ArrowRight', 'ArrowRight', 'ArrowRight', ' ']);
  const dialog = page.locator('#hostile dialog');
  await dialog.locator('textarea').waitFor();
  expect(await dialog.evaluate((el) => (el as HTMLDialogElement).open)).toBe(true);
  await dialog.locator('textarea').fill(hostileText(1));

  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('#hostile img, #hostile script').count()).toBe(0);
  expect(reports).toEqual<PageReports>({ violations: [], errors: [] });
});
