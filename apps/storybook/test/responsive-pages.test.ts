/**
 * The sales workspace as a phone, a tablet and a laptop show it (static build, Chromium): nothing
 * overlaps, nothing scrolls sideways, the board keeps a usable width, the page keeps a margin, and
 * opening a deal shows it without jumping the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaticStorybook, type StaticStorybook } from './static-storybook.js';

let storybook: StaticStorybook;

beforeAll(async () => {
  storybook = await openStaticStorybook();
});

afterAll(async () => {
  await storybook?.close();
});

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

describe('the sales workspace', () => {
  it.each([375, 768, 1280])(
    'at %i px: no overlap, no sideways scroll, a usable board, a still page',
    async (width) => {
      const page = await storybook.browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.goto(storybook.storyUrl('pages-sales-workspace--sales-workspace'));
        // Scrolled to the board first, as a user would: the click below must not scroll by itself, so
        // the page's position before and after opening a deal measures only what opening does.
        await page.locator('demo-sales-workspace chorus-pipeline-board').scrollIntoViewIfNeeded();
        const card = page.locator('demo-sales-workspace chorus-pipeline-board [part~="card"]').first();
        await card.waitFor({ state: 'visible', timeout: 30_000 });
        await page.locator('demo-sales-workspace chorus-metrics-grid [part~="value"]').first().waitFor();
        const scrolledBefore = await page.evaluate(() => window.scrollY);

        // Opening a deal: its contact's card appears, and the page does not jump to it.
        await card.click();
        await page
          .locator('demo-sales-workspace aside chorus-contact-card [part~="name"]')
          .waitFor({ timeout: 30_000 });
        await page.waitForTimeout(100);
        const scrolledAfter = await page.evaluate(() => window.scrollY);

        const layout = await page.evaluate(() => {
          const root = document.querySelector('demo-sales-workspace')!.shadowRoot!;
          const box = (name: string, element: Element | null) => {
            const rect = element!.getBoundingClientRect();
            return { name, left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
          };
          return {
            boxes: [
              box('tiles', root.querySelector('chorus-metrics-grid')),
              box('board', root.querySelector('chorus-pipeline-board')),
              box('opened deal', root.querySelector('aside')),
            ],
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          };
        });
        const [tiles, board, aside] = layout.boxes as [Box, Box, Box];
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
        const overlaps = [
          [tiles, board],
          [tiles, aside],
          [board, aside],
        ]
          .filter(([a, b]) => overlap(a!, b!) > 1)
          .map(([a, b]) => `${a!.name} × ${b!.name}`);
        expect(overlaps).toEqual([]);
        // The board keeps the width of the page (less its margins) when the opened deal cannot sit beside it.
        expect(board.right - board.left).toBeGreaterThanOrEqual(Math.min(width - 48, 600));
        // A margin between the page and the viewport's edges.
        expect(tiles.left).toBeGreaterThanOrEqual(12);
        expect(width - board.right).toBeGreaterThanOrEqual(12);
        // Beside the board (wide) the opened deal needs no scroll; below it (narrow), it is brought into view.
        if (width >= 1280) expect(scrolledAfter).toBe(scrolledBefore);
        else expect(aside.top).toBeLessThan(900);
      } finally {
        await page.close();
      }
    },
  );
});
