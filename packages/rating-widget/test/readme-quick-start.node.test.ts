/**
 * The README's quick start, as a newcomer follows it: its lines saved as an HTML file and opened from
 * disk (`file://`), against the demo API serving the built bundle. If the README or the demo stops
 * working this way, this fails.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startTestApi, type TestApi } from '@chorus/api/testing';
import { chromiumLaunchOptions } from '@chorus/api/testing/browser';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const quickStart = readme.match(/## Quick start[\s\S]*?```html\n([\s\S]*?)```/)?.[1];
const bundle = fileURLToPath(new URL('../dist/chorus-rating.js', import.meta.url));

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi({ demoWidgetScript: bundle });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe("the README's quick start", () => {
  it('works as an HTML file opened from disk: rate, and the summary updates', async () => {
    expect(quickStart, 'the README has no html block under "Quick start"').toBeTruthy();
    expect(quickStart).toContain('http://localhost:8787/demo/chorus-rating.js');
    const file = join(mkdtempSync(join(tmpdir(), 'chorus-quick-start-')), 'rate.html');
    // The demo API runs on a free port here instead of 8787; nothing else of the lines changes.
    writeFileSync(file, quickStart!.replaceAll('http://localhost:8787', api.url));

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(file).href);
    const rating = page.locator('chorus-rating');
    const summary = page.locator('chorus-rating-summary');
    await expect.poll(() => summary.locator('[part=base]').textContent()).toContain('No ratings yet');
    // A person spends a moment on the page; the API refuses submissions faster than 1.5 s.
    await page.waitForFunction(() => performance.now() > 1700);

    await rating.locator('label').nth(4).click();
    await rating.getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => rating.getByRole('status').textContent()).toBe('Thank you!');
    await expect.poll(() => summary.locator('[part=base]').textContent()).toContain('1 rating');

    const rows = await api.db.query<{ score: number; source: string; origin: string | null }>(
      "select score, source, origin from ratings where subject = 'product:monitor-x1'",
    );
    expect(rows).toEqual([{ score: 5, source: 'website', origin: 'null' }]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
