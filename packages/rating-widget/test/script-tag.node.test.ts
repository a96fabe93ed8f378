/**
 * The script-tag bundle on a website of its own: Debian's Chromium opens a static page served on
 * loopback with a strict CSP and hostile CSS, and the ratings are checked where they land, in the API's
 * database.
 */
import { startTestApi, type TestApi, type TestWorkspace } from '@chorus/api/testing';
import { chromiumLaunchOptions } from '@chorus/api/testing/browser';
import { contactReference } from '@chorus/sdk/contact-reference';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type PageOptions, type StaticSite, startStaticSite } from './page.js';

let api: TestApi;
let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let workspace: TestWorkspace;
/** What the page reported: console errors, uncaught errors, CSP violations, dialogs. */
let reports: { errors: string[]; violations: string[]; dialogs: string[] };

// Per client and key: room for a test's own requests, little enough for the 429 test to exhaust.
const PER_CLIENT = { capacity: 12, refillPerSecond: 0.2 };

beforeAll(async () => {
  site = await startStaticSite(() => api.url);
  api = await startTestApi({
    extraOrigins: [site.origin],
    rateLimits: { perKey: { capacity: 600, refillPerSecond: 10 }, perClient: PER_CLIENT },
  });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await site?.close();
});

beforeEach(async () => {
  workspace = await api.createWorkspace();
  context = await browser.newContext();
  page = await context.newPage();
  reports = { errors: [], violations: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') reports.errors.push(message.text());
  });
  page.on('pageerror', (error) => reports.errors.push(error.message));
  page.on('dialog', (dialog) => {
    reports.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.exposeFunction('reportViolation', (text: string) => reports.violations.push(text));
  // Added by the browser, outside the page's CSP: it only listens.
  await page.addInitScript(() => {
    // Whether the bundle defined the elements while the page had none of them yet.
    void customElements.whenDefined('chorus-rating').then(() => {
      (window as unknown as { definedBeforeElements: boolean }).definedBeforeElements =
        document.querySelector('chorus-rating') === null;
    });
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
});

afterEach(async () => {
  await context?.close();
});

const open = async (options: Partial<PageOptions> & { subject: string }, origin = site.origin) => {
  const url = site.url({ api: api.url, publishableKey: workspace.publishableKey, ...options });
  await page.goto(url.replace(site.origin, origin));
  await page.waitForFunction(
    () => customElements.get('chorus-rating') && customElements.get('chorus-rating-summary'),
  );
};

/** Lets the page be open long enough for a submission to count as a person's (the API wants 1.5 s). */
const dwell = () => page.waitForFunction(() => performance.now() > 1700);

const rowsAtServer = () =>
  api.db.query<{
    contact_id: string | null;
    subject: string;
    scale: string;
    score: number;
    comment: string | null;
    source: string;
    origin: string;
  }>(
    'select subject, scale, score, comment, source, origin, contact_id from ratings where workspace_id = $1 order by created_at',
    [workspace.workspaceId],
  );

/** The outbox's entries in the page's storage: one key per rating. */
const outbox = () =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('chorus-rating-outbox:')));

const rating = (scale = 'stars5') => page.locator(`chorus-rating[scale=${scale}]`);
const summary = () => page.locator('chorus-rating-summary');

describe('a quick visitor', () => {
  it('a rating sent within 1.5 s of page load is held, shown as sending, and stored', async () => {
    await open({ subject: 'product:quick' });
    await rating().locator('label').nth(3).click();
    const clickedAt = await page.evaluate(() => performance.now());
    await rating().getByRole('button', { name: 'Send rating' }).click();
    // Only a test of the hold if the click came before the API's minimum time on the page.
    expect(clickedAt).toBeLessThan(1500);
    expect(await rating().getByRole('button').textContent()).toBe('Sending…');
    // Sent once the page has been open 1.5 s: up to that much later than the click, plus the request.
    await expect
      .poll(() => rating().getByRole('status').textContent(), { timeout: 10_000 })
      .toBe('Thank you!');
    expect((await rowsAtServer()).map((r) => [r.subject, r.score])).toEqual([['product:quick', 4]]);
    expect(reports).toEqual({ errors: [], violations: [], dialogs: [] });
  });

  it('a rating held that way is in the outbox from the click on: a reload during the hold stores it once', async () => {
    await open({ subject: 'product:quick-reload' });
    await rating().locator('label').nth(1).click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    expect(await page.evaluate(() => performance.now())).toBeLessThan(1500);
    expect(await outbox()).toHaveLength(1);
    await page.reload();
    await expect
      .poll(async () => (await rowsAtServer()).map((r) => [r.subject, r.score]), { timeout: 15_000 })
      .toEqual([['product:quick-reload', 2]]);
    await expect.poll(outbox, { timeout: 5_000 }).toEqual([]);
  });
});

describe('the follow-up question', () => {
  it('asks after the rating is stored, and its answer amends that rating, once', async () => {
    await open({ subject: 'product:follow-up', followUp: '' });
    await dwell();
    await rating().locator('label').nth(1).click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Thank you!');
    const answer = rating().getByRole('textbox', { name: 'What could we do better?' });
    await answer.fill('Ship to Norway, please.');
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => answer.count()).toBe(0);
    await expect.poll(async () => (await rowsAtServer())[0]?.comment).toBe('Ship to Norway, please.');
    expect(await rowsAtServer()).toHaveLength(1);
    expect((await rowsAtServer())[0]).toMatchObject({ subject: 'product:follow-up', score: 2 });
    expect(await rating().getByRole('status').textContent()).toBe('Thank you!');
    expect(await outbox()).toEqual([]);
    expect(reports).toEqual({ errors: [], violations: [], dialogs: [] });
  });

  it('asks a question of your own, and not at all after a rating that came with a comment', async () => {
    await open({ subject: 'service:follow-up', followUp: 'What made you choose us?', comment: 'optional' });
    await dwell();
    await rating().locator('label').nth(4).click();
    await rating().getByRole('textbox').fill('Fast.');
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Thank you!');
    expect(await rating().getByRole('textbox').count()).toBe(0);

    await open({ subject: 'service:follow-up-own', followUp: 'What made you choose us?' });
    await dwell();
    await rating().locator('label').nth(4).click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect
      .poll(() => rating().getByRole('textbox', { name: 'What made you choose us?' }).count())
      .toBe(1);
  });
});

describe("the README's async tag: the widget works whichever loads first, the page or the script", () => {
  /** Rates 5 stars and waits for the thanks and the summary; what every order of loading must allow. */
  const rateAndSee = async () => {
    await expect.poll(() => summary().locator('[part=base]').textContent()).toContain('No ratings yet');
    await dwell();
    await rating().locator('label').nth(4).click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Thank you!');
    await expect.poll(() => summary().locator('[part=base]').textContent()).toContain('1 rating');
    expect(await rowsAtServer()).toHaveLength(1);
    expect(reports).toEqual({ errors: [], violations: [], dialogs: [] });
  };

  it('the page first: the document is parsed, and DOMContentLoaded fired, before the script arrives', async () => {
    await open({ subject: 'product:late-script', bundleDelayMs: 800 });
    const [contentLoaded, scriptRan] = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const script = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.includes('chorus-rating.js')) as PerformanceResourceTiming;
      return [navigation.domContentLoadedEventEnd, script.responseEnd];
    });
    // `async`: the page did not wait for the widget (a plain module script holds DOMContentLoaded).
    expect(contentLoaded).toBeLessThan(scriptRan);
    await rateAndSee();
  });

  it('the script first: it runs before the elements are parsed, and they upgrade when they come', async () => {
    await open({ subject: 'product:late-body', bodyDelayMs: 800 });
    const definedBeforeElements = await page.evaluate(
      () => (window as unknown as { definedBeforeElements?: boolean }).definedBeforeElements,
    );
    expect(definedBeforeElements).toBe(true);
    await rateAndSee();
  });
});

describe('the script-tag bundle on a page with a strict CSP', () => {
  it('rates with the mouse (hover previews), submits, and the summary updates; nothing violates the CSP', async () => {
    await open({ subject: 'product:x1' });
    await expect.poll(() => summary().locator('[part=base]').textContent()).toContain('No ratings yet');
    await dwell();

    const stars = rating().locator('label');
    await expect.poll(() => stars.count()).toBe(5);
    await stars.nth(3).hover();
    // The hover preview lights stars 1-4; nothing is chosen yet.
    await expect.poll(() => rating().locator('.star.on').count()).toBe(4);
    expect(await rating().locator('input:checked').count()).toBe(0);
    await stars.nth(3).click();
    expect(await rating().locator('input:checked').getAttribute('aria-label')).toBe('4 of 5 stars');
    await rating().getByRole('button', { name: 'Send rating' }).click();

    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Thank you!');
    await expect.poll(() => summary().locator('[part=base]').textContent()).toContain('1 rating');
    expect(await summary().locator('[part=average]').textContent()).toMatch(/^4\.0/);
    expect(await rowsAtServer()).toEqual([
      {
        subject: 'product:x1',
        scale: 'stars5',
        score: 4,
        comment: null,
        source: 'website',
        origin: site.origin,
        contact_id: null,
      },
    ]);
    expect(reports).toEqual({ errors: [], violations: [], dialogs: [] });
  });

  it('rates NPS with the keyboard only (arrows, Home, End) and shows promoters', async () => {
    await open({ subject: 'service:support', scale: 'nps10' });
    await dwell();
    const radios = rating('nps10').locator('input[type=radio]');
    await expect.poll(() => radios.count()).toBe(11);
    await radios.first().focus();
    await page.keyboard.press('End');
    expect(await rating('nps10').locator('input:checked').getAttribute('aria-label')).toBe('10 of 10');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect(await rating('nps10').locator('input:checked').getAttribute('aria-label')).toBe('0 of 10');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    expect(await rating('nps10').locator('input:checked').getAttribute('aria-label')).toBe('9 of 10');
    // Keyboard focus never previews: only the chosen box is marked.
    expect(await rating('nps10').locator('input:checked + .box').count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect.poll(() => rating('nps10').getByRole('status').textContent()).toBe('Thank you!');
    await expect.poll(() => summary().locator('[part=base]').textContent()).toContain('Promoters');
    // The score leads, a whole number from -100 to 100.
    expect(await summary().locator('[part=average]').textContent()).toBe('100');
    expect(await summary().locator('[part=base]').textContent()).toContain('Net Promoter Score');
    expect((await rowsAtServer()).map((r) => [r.scale, r.score])).toEqual([['nps10', 9]]);
    expect(reports).toEqual({ errors: [], violations: [], dialogs: [] });
  });

  it("is neither broken by the page's global CSS nor leaks into it", async () => {
    await open({ subject: 'product:x1' });
    const send = rating().getByRole('button', { name: 'Send rating' });
    await expect.poll(() => send.isVisible()).toBe(true);
    const box = await send.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(24);
    // Its own size, not the page's 6px root or 40px spans.
    expect(await send.evaluate((button) => getComputedStyle(button).fontSize)).toBe('14px');
    expect(await rating().locator('.star').first().isVisible()).toBe(true);
    expect(await page.locator('#page-text').evaluate((p) => getComputedStyle(p).color)).toBe(
      'rgb(255, 0, 0)',
    );
    expect(reports.violations).toEqual([]);
  });
});

describe('losing none, counting none twice', () => {
  it('offline: keeps the rating through a reload and stores exactly one when the API is reachable again', async () => {
    const blocked = (route: { abort(code: string): Promise<void> }) => route.abort('internetdisconnected');
    await page.route(`${api.url}/**`, blocked);
    await open({ subject: 'product:offline' });
    await dwell();
    await rating().locator('label').nth(4).click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Saved, will send when online.');
    expect(await outbox()).toHaveLength(1);

    await page.reload();
    // Still offline after the reload: the widget says the rating is on its way instead of asking again.
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Saved, will send when online.');
    expect(await rowsAtServer()).toEqual([]);

    await page.unroute(`${api.url}/**`, blocked);
    // The outbox's backoff (a few seconds) sends it; the browser's `online` event would too.
    await expect
      .poll(() => rating().getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Thank you!');
    await expect.poll(() => summary().locator('[part=base]').textContent()).toContain('1 rating');
    expect((await rowsAtServer()).map((r) => r.score)).toEqual([5]);
    expect(await outbox()).toEqual([]);
    expect(reports.violations).toEqual([]);
  });

  it('an answer lost on the way back: the retry carries the same key and the API stores one row', async () => {
    let lost = 0;
    await page.route(`${api.url}/v1/public/ratings`, async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.continue();
      lost += 1;
      await route.fetch(); // reaches the API and is stored...
      await route.abort('connectionreset'); // ...but the page never hears back
    });
    await open({ subject: 'product:lost' });
    await dwell();
    await rating().locator('label').nth(2).click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect
      .poll(() => rating().getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Thank you!');
    expect(lost).toBe(1);
    expect((await rowsAtServer()).map((r) => r.score)).toEqual([3]);
  });

  it('a server error (503) keeps the rating in the outbox; the backoff sends it once', async () => {
    let failures = 0;
    await page.route(`${api.url}/v1/public/ratings`, async (route) => {
      if (route.request().method() !== 'POST' || failures > 0) return route.continue();
      failures += 1;
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: '{"type":"about:blank","title":"Unavailable","status":503}',
      });
    });
    await open({ subject: 'product:503' });
    await dwell();
    await rating().locator('label').nth(1).click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    // The server answered, busy: not "when online", and the visitor may push it.
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Saved, will send shortly.');
    expect(await rating().getByRole('button', { name: 'Try again' }).isEnabled()).toBe(true);
    await expect
      .poll(() => rating().getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Thank you!');
    expect(failures).toBe(1);
    expect((await rowsAtServer()).map((r) => r.score)).toEqual([2]);
  });

  it('50 rapid retries of one submission store one row', async () => {
    await open({ subject: 'product:burst' });
    await dwell();
    const statuses = await page.evaluate(
      async ({ url, key }) => {
        const send = () =>
          fetch(`${url}/v1/public/ratings`, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${key}`,
              'Content-Type': 'application/json',
              'Idempotency-Key': 'one-submission-0001',
            },
            body: JSON.stringify({ subject: 'product:burst', score: 2, elapsedMs: 4000 }),
          }).then(
            async (response) =>
              [response.status, response.ok ? ((await response.json()) as { id: string }).id : ''] as const,
          );
        const burst = await Promise.all(Array.from({ length: 50 }, send));
        // Once stored, a retry is a replay: answered before any rate limit, so never a 429 however many.
        const later = [];
        for (let i = 0; i < 20; i++) later.push(await send());
        return [...burst, ...later];
      },
      { url: api.url, key: workspace.publishableKey },
    );
    // Only a retry racing the first one (not yet stored) can meet the per-client limit; every one that
    // passed names the same rating, and the 20 sent after it was stored (more than the limit) all did.
    expect(statuses.every(([status]) => status === 201 || status === 429)).toBe(true);
    expect(statuses.slice(50).map(([status]) => status)).toEqual(Array(20).fill(201));
    expect(new Set(statuses.filter(([status]) => status === 201).map(([, id]) => id)).size).toBe(1);
    expect((await rowsAtServer()).map((r) => r.score)).toEqual([2]);
  });
});

describe('a known customer', () => {
  it("a contact reference signed by the site's server keeps the rating on that contact", async () => {
    const created = await fetch(`${api.url}/v1/contacts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${workspace.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ firstName: 'Kim' }),
    });
    const contact = (await created.json()) as { id: string };
    // The site's server signs with its secret key, as the README shows; the page only sees the result.
    const reference = await contactReference(workspace.secretKey, contact.id);
    await open({ subject: 'product:x1', contact: reference });
    await dwell();
    await rating().locator('label').nth(4).click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Thank you!');
    expect((await rowsAtServer()).map((r) => [r.score, r.contact_id])).toEqual([[5, contact.id]]);
  });
});

describe('abuse', () => {
  it('too fast or honeypot filled: the visitor (a bot) is thanked, and nothing is stored', async () => {
    await open({ subject: 'product:bot' });
    // A script posting straight after load, under the 1.5 s a person needs (the widget itself holds
    // a quick visitor's rating until then: see "a quick visitor").
    const status = await page.evaluate(
      async ({ url, key }) =>
        (
          await fetch(`${url}/v1/public/ratings`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ subject: 'product:bot', scale: 'stars5', score: 1, elapsedMs: 300 }),
          })
        ).status,
      { url: api.url, key: workspace.publishableKey },
    );
    expect(status).toBe(201);

    await open({ subject: 'product:bot' });
    await page.evaluate(() => localStorage.clear());
    await rating()
      .locator('.hp')
      .evaluate((input: HTMLInputElement) => {
        input.value = 'https://spam.example';
      });
    await dwell();
    await rating().locator('label').first().click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Thank you!');
    expect(await rowsAtServer()).toEqual([]);
  });

  it('rate limited: a 429 keeps the rating, says it will be sent, and sends it once the limit allows', async () => {
    await open({ subject: 'product:busy' });
    // The page's own two requests plus these exhaust this key's per-client bucket.
    for (let i = 0; i < PER_CLIENT.capacity; i++) {
      await fetch(`${api.url}/v1/public/ratings/summary?subject=product:busy`, {
        headers: { Authorization: `Bearer ${workspace.publishableKey}`, Origin: site.origin },
      });
    }
    await dwell();
    await rating().locator('label').nth(1).click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Saved, will send shortly.');
    expect(await rowsAtServer()).toEqual([]);
    expect(await outbox()).toHaveLength(1);
    // Retry-After (up to 5 s at this refill rate) with jitter, then once.
    await expect
      .poll(() => rating().getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Thank you!');
    expect((await rowsAtServer()).map((r) => r.score)).toEqual([2]);
    expect(await outbox()).toEqual([]);
  });

  it('the publishable key reads no contacts, deals or metrics, and a page of a disallowed origin is refused', async () => {
    for (const path of ['/v1/contacts', '/v1/deals', '/v1/metrics?names=win_rate', '/v1/ratings']) {
      const response = await fetch(`${api.url}${path}`, {
        headers: { Authorization: `Bearer ${workspace.publishableKey}`, Origin: site.origin },
      });
      expect(response.status, path).toBe(403);
    }
    await open({ subject: 'product:x1' }, site.otherOrigin);
    await expect.poll(() => summary().getByRole('alert').textContent()).toBe('Ratings could not be loaded.');
    await dwell();
    await rating().locator('label').first().click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    // The shopper reads a sentence; the developer finds the API's reason in the console.
    await expect
      .poll(() => rating().getByRole('alert').textContent())
      .toBe('Sorry, your rating could not be sent.');
    expect(reports.errors.join('\n')).toContain(`The origin ${site.otherOrigin} is not allowed`);
    expect(await rowsAtServer()).toEqual([]);
  });
});

describe('hostile strings', () => {
  it('comments, product names and subjects stay text: stored verbatim, rendered inert, JSON-LD unbroken', async () => {
    const hostile = '</script><img src=x onerror="alert(1)"><script>alert(2)</script>';
    await open({ subject: 'product:x1', comment: 'optional', itemName: hostile, structuredData: true });
    await dwell();
    await rating().locator('label').nth(4).click();
    await rating().locator('textarea').fill(hostile);
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => rating().getByRole('status').textContent()).toBe('Thank you!');
    expect((await rowsAtServer())[0]?.comment).toBe(hostile);

    await expect.poll(() => page.locator('script[type="application/ld+json"]').count()).toBe(1);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({
      '@type': 'Product',
      name: hostile,
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 5, ratingCount: 1, bestRating: 5 },
    });
    expect(await page.locator('script[type="application/ld+json"]').textContent()).not.toContain('</script>');

    // A subject the API refuses is shown as the API's words, as text.
    await open({ subject: '<img src=x onerror="alert(3)">' });
    await dwell();
    await rating().locator('label').first().click();
    await rating().getByRole('button', { name: 'Send rating' }).click();
    await expect
      .poll(() => rating().getByRole('alert').textContent())
      .toBe('Sorry, your rating could not be sent.');
    expect(await page.locator('img').count()).toBe(0);
    expect(await rating().locator('img').count()).toBe(0);
    expect(reports.dialogs).toEqual([]);
    expect(reports.violations).toEqual([]);
  });
});
