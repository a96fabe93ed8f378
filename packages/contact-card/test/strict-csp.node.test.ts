/**
 * The contact card under the strict policy of issue 23 (`STRICT_CSP`: no inline styles, Trusted
 * Types enforced): a bundled page served from loopback with the policy as a header, in Debian's
 * Chromium, against the real API. Any `securitypolicyviolation` fails the test, and the avatar's
 * colour, set through the CSSOM, must be visibly applied.
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
import type { Contact } from '@chorus/sdk';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { avatarHue } from '../src/lifecycle.js';
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

async function demoContacts(query: string): Promise<Contact[]> {
  const response = await fetch(`${api.url}/v1/contacts?${query}`, {
    headers: { Authorization: `Bearer ${api.secretKey}` },
  });
  return ((await response.json()) as { data: Contact[] }).data;
}

/** Every free-text field of each contact holds a hostile string, a different one per field and card. */
const hostile = (contacts: Contact[]): Contact[] =>
  contacts.map((contact, i) => {
    const pick = (n: number) => HOSTILE_STRINGS[(i + n) % HOSTILE_STRINGS.length]!;
    return {
      ...contact,
      firstName: pick(0),
      lastName: pick(1),
      title: pick(2),
      email: pick(3),
      phone: pick(4),
      tags: [pick(5).slice(0, 40), pick(6).slice(0, 40)],
    };
  });

const card = (page: Page, selector: string) => page.locator(`chorus-contact-card${selector}`);

it('renders every state (editing in the dark theme, not found, failing, hostile data) with no violation and the avatar coloured', async () => {
  const { page, reports } = await watchedPage(browser);
  const [customer] = await demoContacts('lifecycleStage=customer&limit=1');
  const data: StrictCspPageData = {
    api: api.url,
    token: await sessionToken(api.url, api.secretKey),
    customerId: customer!.id,
    hostile: hostile(await demoContacts('limit=5')),
  };
  await page.goto(site.origin);
  await page.waitForFunction(() => 'renderPage' in window);
  await page.evaluate((d) => (window as unknown as { renderPage(d: unknown): void }).renderPage(d), data);

  await card(page, '#editing').locator('[part=name]').waitFor();
  await card(page, '#editing').getByRole('button', { name: /^Edit/ }).click();
  await card(page, '#editing').locator('select[name=lifecycleStage]').waitFor();
  await card(page, '#missing').getByRole('alert').waitFor();
  await card(page, '#failing').locator('[role=alert] button').waitFor();
  await card(page, '#editing').locator('.activities, [part=activities], ol, ul').first().waitFor();
  // The last two stay as first rendered: Lit's styleMap, for one, only reaches the CSSOM on a re-render.
  for (const index of [0, 1, 2]) {
    await card(page, `.hostile >> nth=${index}`).getByRole('button', { name: /^Edit/ }).click();
  }

  // The avatar's hue is on the element and its colour is computed from it (no hue: no background).
  const avatar = card(page, '#editing').locator('[part=avatar]');
  expect(await avatar.evaluate((el) => getComputedStyle(el).getPropertyValue('--_hue'))).toBe(
    String(avatarHue(customer!.id)),
  );
  expect(await avatar.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  const hues = await page
    .locator('chorus-contact-card.hostile [part=avatar]')
    .evaluateAll((els) => els.map((el) => getComputedStyle(el).getPropertyValue('--_hue')));
  expect(hues).toEqual(data.hostile.map((contact) => String(avatarHue(contact.id))));

  // Hostile text stays text: nothing ran, no link to a script URL.
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const hrefs = await page
    .locator('chorus-contact-card a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs.filter((href) => !/^(mailto|tel):/.test(href ?? ''))).toEqual([]);
  expect(reports).toEqual<PageReports>({ violations: [], errors: [] });
});
