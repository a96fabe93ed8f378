import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { RatingSummary } from '@chorus/sdk';
import { html } from 'lit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, mount, shadowTextOf, until } from '@chorus/testing/browser';
import '../src/define-reviews.js';
import '../src/define.js';
import type { ChorusRating, ChorusRatingSummary, ChorusReviews } from '../src/index.js';

let api: BrowserApiInfo;

beforeAll(async () => {
  api = await testApi.freshWorkspace();
});

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
  document.documentElement.dir = '';
});

const nps: RatingSummary = {
  subject: 'product:m1',
  scale: 'nps10',
  count: 12,
  average: 7.5,
  distribution: [],
  nps: { score: 25, promoters: 6, passives: 3, detractors: 3 },
};

const stars: RatingSummary = {
  subject: 'product:m1',
  scale: 'stars5',
  count: 3,
  average: 4,
  distribution: [
    { score: 5, count: 1 },
    { score: 4, count: 1 },
    { score: 3, count: 1 },
    { score: 2, count: 0 },
    { score: 1, count: 0 },
  ],
  nps: null,
};

/** Text without the bidi isolates that wrap what a sentence quotes. */
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');
const labels = (element: Element) =>
  [...element.shadowRoot!.querySelectorAll('input[type=radio]')].map((input) =>
    plain(input.getAttribute('aria-label') ?? input.closest('label')?.textContent?.trim() ?? ''),
  );

/**
 * Nothing the visitor sees paints past the element's box. The off-screen honeypot (`.hp`) is left
 * out: where it sits on a right-to-left page is issue 17's item 2, the widget's own fix.
 */
function expectNoOverflow(element: Element) {
  const box = element.getBoundingClientRect();
  const outside = [...element.shadowRoot!.querySelectorAll('*:not(.hp)')]
    .filter((child) => {
      const rect = child.getBoundingClientRect();
      return rect.width > 1 && (rect.right > box.right + 0.5 || rect.left < box.left - 0.5);
    })
    .map((child) => `${child.tagName.toLowerCase()}.${child.className}`);
  expect(outside).toEqual([]);
}

describe('the rating widgets in other languages', () => {
  it('ask in German from their lang attribute, with German labels for every star', async () => {
    const element = mount(
      html`<chorus-rating lang="de-AT" base-url=${api.url} publishable-key=${api.publishableKey} subject="product:m1"></chorus-rating>`,
    ).firstElementChild as ChorusRating;
    await until(() => shadowTextOf(element).includes('Ihre Bewertung'), 'German legend');
    await until(() => labels(element).length === 5, 'five stars');
    expect(labels(element)).toEqual([1, 2, 3, 4, 5].map((n) => `${n} von 5 Sternen`));
    expect(shadowTextOf(element)).toContain('Bewertung senden');
    await expectNoAxeViolations(element);
  });

  it('summarise in German: count, plural forms of stars, and the average', async () => {
    const element = mount(
      html`<chorus-rating-summary locale="de-DE" .summary=${stars}></chorus-rating-summary>`,
    ).firstElementChild as ChorusRatingSummary;
    await until(() => shadowTextOf(element).includes('3 Bewertungen'), 'German count');
    // The average is seen as a figure and named by the star row.
    expect(shadowTextOf(element)).toContain('4,0');
    expect(element.shadowRoot!.querySelector('[role=img]')!.getAttribute('aria-label')).toBe(
      'Bewertet mit 4,0 von 5',
    );
    expect(shadowTextOf(element)).toContain('1 Stern');
    expect(shadowTextOf(element)).toContain('5 Sterne');
    await expectNoAxeViolations(element);
  });

  it('ask in Arabic right to left on an Arabic page, NPS end labels and numbers in one digit system', async () => {
    document.documentElement.lang = 'ar-EG';
    document.documentElement.dir = 'rtl';
    const element = mount(
      html`<chorus-rating scale="nps10" base-url=${api.url} publishable-key=${api.publishableKey} subject="product:m1"></chorus-rating>`,
    ).firstElementChild as ChorusRating;
    await until(() => shadowTextOf(element).includes('ما مدى احتمال أن توصي بنا'), 'Arabic legend');
    expect(shadowTextOf(element)).toContain('غير محتمل إطلاقًا');
    expect(shadowTextOf(element)).toContain('محتمل جدًا');
    await until(() => labels(element).length === 11, 'eleven answers');
    expect(labels(element)[10]).toBe('١٠ من ١٠');
    expect(labels(element).join(' ')).not.toMatch(/[0-9]/);
    const fieldset = element.shadowRoot!.querySelector('fieldset')!;
    expect(getComputedStyle(fieldset).direction).toBe('rtl');
    expectNoOverflow(element);
    await expectNoAxeViolations(element);
  });

  it('summarise in Arabic with its plural forms, the NPS by its Arabic name and Arabic digits', async () => {
    document.documentElement.lang = 'ar-EG';
    document.documentElement.dir = 'rtl';
    const root = mount(
      html`<chorus-rating-summary .summary=${nps}></chorus-rating-summary>
        <chorus-rating-summary .summary=${stars}></chorus-rating-summary>`,
    );
    const [npsSummary, starSummary] = [
      ...root.querySelectorAll('chorus-rating-summary'),
    ] as ChorusRatingSummary[];
    await until(() => plain(shadowTextOf(npsSummary!)).includes('٢٥ صافي نقاط الترويج (NPS)'), 'Arabic NPS');
    expect(plain(shadowTextOf(npsSummary!))).toContain('١٢ تقييمًا');
    expect(shadowTextOf(npsSummary!)).toContain('المروّجون');
    // Three ratings: the "few" form; one star and two stars in words.
    expect(plain(shadowTextOf(starSummary!))).toContain('٣ تقييمات');
    expect(plain(shadowTextOf(starSummary!))).toContain('نجمة واحدة');
    expect(plain(shadowTextOf(starSummary!))).toContain('نجمتان');
    expect(plain(shadowTextOf(starSummary!))).not.toMatch(/[0-9]/);
    expectNoOverflow(npsSummary!);
    expectNoOverflow(starSummary!);
    await expectNoAxeViolations(root);
  });

  it('say in Japanese that a product has no reviews yet, from the chunk of the reviews', async () => {
    const element = mount(
      html`<chorus-reviews locale="ja-JP" base-url=${api.url} publishable-key=${api.publishableKey} subject="product:none"></chorus-reviews>`,
    ).firstElementChild as ChorusReviews;
    await until(() => shadowTextOf(element).includes('レビューはまだありません'), 'Japanese empty state');
    await expectNoAxeViolations(element);
  });
});
