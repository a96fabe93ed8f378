/**
 * Every docs page of the static build at a laptop's width: a reader scrolls down, never sideways.
 * (The metrics grid's page once stretched to 2,234 px: an args-table description held the metric
 * names joined by bare commas, a word no line could break.)
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, openStaticStorybook, type StaticStorybook } from './static-storybook.js';

const index = JSON.parse(readFileSync(`${distDir}/index.json`, 'utf8')) as {
  entries: Record<string, { id: string; type: 'story' | 'docs' }>;
};
const docs = Object.values(index.entries).filter((entry) => entry.type === 'docs');

let storybook: StaticStorybook;

beforeAll(async () => {
  storybook = await openStaticStorybook();
});

afterAll(async () => {
  await storybook?.close();
});

describe('docs pages', () => {
  it('has docs pages to check', () => {
    expect(docs.length).toBeGreaterThanOrEqual(5);
  });

  it.each(docs.map((entry) => entry.id))('%s fits 1280 px without scrolling sideways', async (id) => {
    const page = await storybook.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const url = storybook.storyUrl(id).replace('viewMode=story', 'viewMode=docs');
      await page.goto(url);
      await page.waitForSelector('.sbdocs-content', { timeout: 60_000 });
      // Settled: the page stopped adding elements (the args tables render after the stories).
      await page.waitForFunction(
        () => {
          const w = window as unknown as { __count?: number; __since?: number };
          const count = document.getElementsByTagName('*').length;
          if (count !== w.__count) {
            w.__count = count;
            w.__since = performance.now();
            return false;
          }
          return performance.now() - (w.__since ?? 0) > 750;
        },
        undefined,
        { timeout: 60_000, polling: 100 },
      );
      const [scrollWidth, clientWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scrollWidth, `${id} is ${scrollWidth} px wide`).toBeLessThanOrEqual(clientWidth);
    } finally {
      await page.close();
    }
  });
});
