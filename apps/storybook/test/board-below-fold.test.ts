/**
 * The sales workspace on a phone (static build, Chromium): the board starts below the tiles, out
 * of the window, and its columns still hold their cards before anyone scrolls, so a full-page
 * capture or a print shows them. (Its virtualized columns once rendered only what the window
 * showed: every column stood empty until the page was scrolled to it.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStaticStorybook, type StaticStorybook } from './static-storybook.js';

let storybook: StaticStorybook;

beforeAll(async () => {
  storybook = await openStaticStorybook();
});

afterAll(async () => {
  await storybook?.close();
});

it('at 375 px every column of the sales workspace’s board holds its first card without scrolling', async () => {
  const page = await storybook.browser.newPage({ viewport: { width: 375, height: 800 } });
  try {
    await page.goto(storybook.storyUrl('pages-sales-workspace--sales-workspace'));
    const board = page.locator('demo-sales-workspace chorus-pipeline-board');
    await board.locator('section.column').first().waitFor({ state: 'attached', timeout: 30_000 });
    // Each column shows a card, or says it has none; waited for, as the board loads from the API.
    const columns = () =>
      board.evaluate((element) =>
        [...element.shadowRoot!.querySelectorAll('section.column')].map((column) => ({
          name: column.querySelector('h3')?.textContent?.trim(),
          cards: column.querySelectorAll('[part~="card"]').length,
          empty: !!column.querySelector('.empty'),
          top: column.getBoundingClientRect().top,
        })),
      );
    await expect
      .poll(async () => (await columns()).filter((column) => column.cards === 0 && !column.empty), {
        timeout: 15_000,
      })
      .toEqual([]);
    const shown = await columns();
    expect(shown.filter((column) => column.cards > 0).length).toBeGreaterThanOrEqual(3);
    // The board was out of the window the whole time: nothing scrolled it into view.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(Math.min(...shown.map((column) => column.top))).toBeGreaterThan(800);
  } finally {
    await page.close();
  }
});
