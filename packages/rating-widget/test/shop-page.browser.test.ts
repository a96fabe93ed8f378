/**
 * The widget on a shop's own page (issue 17, items 2 and 4): it takes the page's background, text
 * and colour scheme, its states look different, its labels sit where they belong, and a
 * right-to-left page in Arabic stays as wide as the screen with one digit system.
 */
import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { RatingSummary } from '@chorus/sdk';
import { html } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations, mount, shadowTextOf, until } from '@chorus/testing/browser';
import type { ChorusErrorEvent, ChorusRating, ChorusRatingSummary } from '../src/index.js';
import { inShadow } from './support.js';

let api: BrowserApiInfo;

beforeEach(async () => {
  api = await testApi.freshWorkspace();
  localStorage.clear();
  document.body.replaceChildren();
});

afterEach(() => {
  document.documentElement.removeAttribute('dir');
});

/** A widget inside a shop's block of the given style. */
const onShop = (style: string, attributes: { scale?: string; theme?: string; subject?: string } = {}) =>
  mount(
    html`<div style=${style}>
      <chorus-rating
        base-url=${api.url}
        publishable-key=${api.publishableKey}
        subject=${attributes.subject ?? 'product:m1'}
        scale=${attributes.scale ?? 'stars5'}
        theme=${attributes.theme ?? 'auto'}
      ></chorus-rating>
    </div>`,
  ).querySelector('chorus-rating')!;

const rendered = async (element: ChorusRating) => {
  await until(() => !!inShadow(element, 'button'), 'rendered');
  return element;
};
const style = (element: Element) => getComputedStyle(element);
const base = (element: Element) => inShadow(element, '[part~=base]')!;
const box = (element: Element) => inShadow(element, '[part~=base]')!.getBoundingClientRect();

const summaryOf = (summary: RatingSummary, locale = 'en-US') =>
  mount(html`<div style="width: 1280px">
    <chorus-rating-summary locale=${locale} .summary=${summary}></chorus-rating-summary>
  </div>`).querySelector('chorus-rating-summary') as ChorusRatingSummary;

const stars: RatingSummary = {
  subject: 'product:m1',
  scale: 'stars5',
  count: 10,
  average: 4.25,
  distribution: [
    { score: 5, count: 5 },
    { score: 4, count: 3 },
    { score: 3, count: 1 },
    { score: 2, count: 0 },
    { score: 1, count: 1 },
  ],
  nps: null,
};

describe('<chorus-rating> on a shop page', () => {
  it("takes the shop's background and text colour, on a light and on a dark page; a theme paints a padded card", async () => {
    const light = await rendered(onShop('background: #faf7f2; color: rgb(34, 34, 34)'));
    const dark = await rendered(
      onShop('background: #101418; color: rgb(238, 238, 238); color-scheme: dark', { scale: 'nps10' }),
    );
    for (const [element, text] of [
      [light, 'rgb(34, 34, 34)'],
      [dark, 'rgb(238, 238, 238)'],
    ] as const) {
      expect(style(base(element)).backgroundColor).toBe('rgba(0, 0, 0, 0)');
      expect(style(base(element)).padding).toBe('0px');
      expect(style(base(element)).color).toBe(text);
      await expectNoAxeViolations(element.parentElement!);
    }
    // The boxes of a dark page are not white.
    expect(style(inShadow(dark, '.box')!).backgroundColor).toBe('rgba(0, 0, 0, 0)');

    const card = await rendered(onShop('background: #faf7f2', { theme: 'dark' }));
    expect(style(base(card)).backgroundColor).toBe('rgb(22, 25, 29)');
    expect(Number.parseFloat(style(base(card)).paddingLeft)).toBeGreaterThanOrEqual(12);
    await expectNoAxeViolations(card.parentElement!);
  });

  it("takes its theme as core's elements do: a custom state, never an attribute written on the page's element", async () => {
    const element = await rendered(onShop('background: #faf7f2'));
    element.removeAttribute('theme');
    element.theme = 'dark';
    await element.updateComplete;
    expect(element.matches(':state(dark)')).toBe(true);
    expect(element.hasAttribute('theme')).toBe(false);
    expect(style(base(element)).backgroundColor).toBe('rgb(22, 25, 29)');
    element.theme = 'auto';
    await element.updateComplete;
    expect(element.matches(':state(dark), :state(light)')).toBe(false);
    expect(style(base(element)).backgroundColor).toBe('rgba(0, 0, 0, 0)');
  });

  it('puts the NPS end labels under the first and the last box, however wide the page', async () => {
    const element = await rendered(onShop('width: 1200px', { scale: 'nps10' }));
    const boxes = [...element.shadowRoot!.querySelectorAll('.box')].map((b) => b.getBoundingClientRect());
    const [low, high] = [...element.shadowRoot!.querySelectorAll('#ends span')].map((s) =>
      s.getBoundingClientRect(),
    );
    expect(Math.abs(low!.left - boxes[0]!.left)).toBeLessThanOrEqual(2);
    expect(Math.abs(high!.right - boxes.at(-1)!.right)).toBeLessThanOrEqual(2);
    expect(box(element).width).toBe(1200);
  });

  it('shows stars not chosen as light outlines and chosen ones filled', async () => {
    const element = await rendered(onShop('background: #fff; color: #222'));
    element.score = 2;
    await element.updateComplete;
    const [chosen, , notChosen] = [...element.shadowRoot!.querySelectorAll('.star')].map(style);
    expect(chosen!.color).toBe('rgb(180, 83, 9)');
    expect(notChosen!.color).toBe('rgba(0, 0, 0, 0)');
    expect(Number.parseFloat(notChosen!.webkitTextStrokeWidth)).toBeGreaterThan(0);
  });

  it('looks and reads different when disabled and while sending', async () => {
    const enabled = await rendered(onShop(''));
    const disabled = await rendered(onShop(''));
    disabled.disabled = true;
    await disabled.updateComplete;
    const button = (element: Element) => inShadow<HTMLButtonElement>(element, '[part=button]')!;
    expect(style(button(enabled)).opacity).toBe('1');
    expect(Number(style(button(disabled)).opacity)).toBeLessThan(0.6);
    expect(Number(style(inShadow(disabled, 'fieldset')!).opacity)).toBeLessThan(0.6);
    expect(button(disabled).disabled).toBe(true);

    // Sending: says so, keeps its focus, refuses a second click, and differs from both.
    enabled.score = 4;
    await enabled.updateComplete;
    button(enabled).focus();
    button(enabled).click();
    await enabled.updateComplete;
    expect(button(enabled).textContent!.trim()).toBe('Sending…');
    expect(base(enabled).getAttribute('aria-busy')).toBe('true');
    expect(button(enabled).getAttribute('aria-disabled')).toBe('true');
    expect(enabled.shadowRoot!.activeElement).toBe(button(enabled));
    const sending = style(button(enabled));
    expect(sending.backgroundColor).not.toBe(style(button(disabled)).backgroundColor);
    expect(sending.borderStyle).toBe('dashed');
    expect(sending.cursor).toBe('progress');
    await until(() => shadowTextOf(enabled) === 'Thank you!', 'thanks');
    expect(base(enabled).getAttribute('aria-busy')).toBe('false');
  });

  it('tells the shopper in plain words when a rating is refused; the API detail goes to chorus-error and the console', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const element = await rendered(onShop('', { subject: 'not a valid subject' }));
      const refused = vi.fn<(event: ChorusErrorEvent) => void>();
      document.addEventListener('chorus-error', refused);
      element.score = 1;
      await element.updateComplete;
      inShadow<HTMLButtonElement>(element, '[part=button]')!.click();
      await until(() => !!inShadow(element, '[role=alert]'), 'the error');
      document.removeEventListener('chorus-error', refused);
      expect(inShadow(element, '[role=alert]')!.textContent).toBe('Sorry, your rating could not be sent.');
      expect(shadowTextOf(element)).not.toContain('subject');
      expect(refused).toHaveBeenCalledTimes(1);
      const { error } = refused.mock.calls[0]![0];
      expect(error.status).toBe(400);
      expect(error.errors.map((e) => e.path).join()).toContain('subject');
      expect(errors.mock.calls.map((call) => String(call[0])).join()).toContain('subject');
      await expectNoAxeViolations(element);
    } finally {
      errors.mockRestore();
    }
  });
});

describe('<chorus-rating-summary> on a shop page', () => {
  it('keeps the distribution bars a readable width on a wide page', async () => {
    const element = summaryOf(stars);
    await element.updateComplete;
    for (const meter of element.shadowRoot!.querySelectorAll('meter'))
      expect(meter.getBoundingClientRect().width).toBeLessThanOrEqual(200);
  });

  it('leads an NPS summary with the score as a whole number, not the mean answer', async () => {
    const element = summaryOf({
      subject: 'service:support',
      scale: 'nps10',
      count: 3,
      average: 7.67,
      distribution: [],
      nps: { promoters: 2, passives: 0, detractors: 1, score: 33.3 },
    });
    await element.updateComplete;
    expect(inShadow(element, '[part=average]')!.textContent).toBe('33');
    expect(shadowTextOf(element)).toMatch(/^33 Net Promoter Score 3 ratings/);
    expect(shadowTextOf(element)).not.toContain('7.7');
    await expectNoAxeViolations(element);
  });

  it('says only "No ratings yet" when there are none', async () => {
    const element = summaryOf({
      subject: 'service:support',
      scale: 'csat5',
      count: 0,
      average: null,
      distribution: [5, 4, 3, 2, 1].map((score) => ({ score, count: 0 })),
      nps: null,
    });
    await element.updateComplete;
    expect(shadowTextOf(element)).toBe('No ratings yet');
  });
});

describe('right to left, in Arabic', () => {
  it('the honeypot does not widen a right-to-left page', async () => {
    document.documentElement.dir = 'rtl';
    const element = mount(
      html`<chorus-rating base-url=${api.url} publishable-key=${api.publishableKey} subject="product:m1" comment="optional"></chorus-rating>`,
    ).querySelector('chorus-rating')!;
    await rendered(element);
    const page = document.scrollingElement!;
    expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
  });

  it('writes every number in one digit system, with the label read number first', async () => {
    document.documentElement.dir = 'rtl';
    const summary = summaryOf(stars, 'ar-EG');
    const rating = await rendered(onShop('', { scale: 'nps10' }));
    rating.locale = 'ar-EG';
    await summary.updateComplete;
    await rating.updateComplete;
    // Counts, averages and scores alike: Arabic-Indic digits, no Western ones beside them.
    expect(shadowTextOf(summary)).toContain('٤٫٣');
    expect(shadowTextOf(summary)).toContain('١٠');
    expect(shadowTextOf(summary)).not.toMatch(/[0-9]/);
    expect(shadowTextOf(rating)).toContain('١٠');
    expect(shadowTextOf(rating)).not.toMatch(/[0-9]/);
    // "٥ نجوم", the Arabic label, reads number first: rightmost on a right-to-left line.
    // The Arabic catalogue arrives as its own chunk, the first time a widget asks for it.
    const labelText = () =>
      [...summary.shadowRoot!.querySelector('li span')!.childNodes].find(
        (node): node is Text => node instanceof Text && !!node.data.trim(),
      );
    await until(() => labelText()?.data === '٥ نجوم', 'the Arabic label');
    const text = labelText()!;
    const at = (index: number) => {
      const range = document.createRange();
      range.setStart(text, index);
      range.setEnd(text, index + 1);
      return range.getBoundingClientRect().left;
    };
    expect(at(0)).toBeGreaterThan(at(2));
  });
});
