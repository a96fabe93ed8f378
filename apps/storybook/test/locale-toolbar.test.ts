import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaticStorybook, type StaticStorybook } from './static-storybook.js';

/*
 * The toolbar's locale changes the elements' language, not only their numbers: read off the static
 * build in Chromium, on first load (`globals` in the URL, as a shared link has them) and when the
 * toolbar switches it on an open story.
 */

let storybook: StaticStorybook;

beforeAll(async () => {
  storybook = await openStaticStorybook();
});

afterAll(async () => {
  await storybook?.close();
});

/** Every text in the story's elements, shadow roots included, whitespace and bidi isolates collapsed. */
const storyText = (page: Page) =>
  page.evaluate(() => {
    const texts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(document.querySelector('#storybook-root') ?? document.body);
    return texts
      .join(' ')
      .replace(/[\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ');
  });

async function expectText(page: Page, text: string) {
  await expect.poll(() => storyText(page), { timeout: 20_000 }).toContain(text);
}

describe('the locale toolbar', () => {
  it.each([
    ['rating-widget-rating--stars', 'de-DE', 'Ihre Bewertung', 'Your rating'],
    ['rating-widget-rating--stars', 'ar-EG', 'تقييمك', 'Your rating'],
    ['rating-widget-rating--stars', 'ja-JP', 'あなたの評価', 'Your rating'],
    ['pipeline-pipeline-board--live', 'de-DE', 'Offene Pipeline', 'Open pipeline'],
    ['pipeline-pipeline-board--live', 'ar-EG', 'مسار المبيعات المفتوح', 'Open pipeline'],
    ['metrics-metrics-grid--sales-dashboard', 'ja-JP', '期間', 'Period'],
    // The page's own words too: its heading was English in every language.
    ['pages-sales-workspace--sales-workspace', 'ja-JP', '営業', 'Where the leads come from'],
  ])('opens %s in %s in that language', async (id, locale, translated, english) => {
    const page = await storybook.browser.newPage();
    await page.goto(storybook.storyUrl(id, `locale:${locale}`));
    await expectText(page, translated);
    expect(await storyText(page)).not.toContain(english);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
    await page.close();
  });

  it('switches an open story’s language, a rating widget’s too, when the toolbar changes', async () => {
    const page = await storybook.browser.newPage();
    await page.goto(storybook.storyUrl('rating-widget-rating--stars'));
    await expectText(page, 'Your rating');
    // What the toolbar does: Storybook's own event on the preview's channel.
    await page.evaluate(() =>
      (
        window as unknown as {
          __STORYBOOK_PREVIEW__: { channel: { emit(event: string, data: unknown): void } };
        }
      ).__STORYBOOK_PREVIEW__.channel.emit('updateGlobals', { globals: { locale: 'de-DE' } }),
    );
    await expectText(page, 'Ihre Bewertung');
    expect(await storyText(page)).not.toContain('Your rating');
    await page.close();
  });
});
