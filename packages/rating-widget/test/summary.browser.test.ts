import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { RatingSummary } from '@chorus/sdk';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, mount, shadowTextOf, until } from '@chorus/testing/browser';
import type { ChorusRatingSummary } from '../src/index.js';
import { dwell, inShadow } from './support.js';

let api: BrowserApiInfo;

beforeEach(async () => {
  api = await testApi.freshWorkspace();
  localStorage.clear();
  document.body.replaceChildren();
});

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

describe('<chorus-rating-summary>', () => {
  it('shows the average to one decimal, the count and the distribution from 5 to 1 stars', async () => {
    const element = mount(
      html`<chorus-rating-summary locale="en-US" .summary=${stars}></chorus-rating-summary>`,
    ).firstElementChild as ChorusRatingSummary;
    await element.updateComplete;
    expect(inShadow(element, '[part=average]')!.textContent).toBe('4.3');
    expect(inShadow(element, '[role=img]')!.getAttribute('aria-label')).toBe('Rated 4.3 out of 5');
    expect(shadowTextOf(element)).toContain('10 ratings');
    const rows = [...element.shadowRoot!.querySelectorAll('li')].map((li) =>
      [...li.querySelectorAll('span')].map((cell) => cell.textContent).join(' '),
    );
    expect(rows).toEqual(['5 stars 5', '4 stars 3', '3 stars 1', '2 stars 0', '1 star 1']);
    await expectNoAxeViolations(element);
    element.variant = 'compact';
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('li')).toBeNull();
    element.locale = 'de-DE';
    await element.updateComplete;
    expect(inShadow(element, '[part=average]')!.textContent).toContain('4,3');
  });

  it('refuses a secret key before sending anything, and says so', async () => {
    const root = mount(html`<chorus-rating-summary
      base-url=${api.url}
      publishable-key="sk_live_4c8f1e2a9b7d3c5e6f0a1b2c3d4e5f60"
      subject="product:secret"
    ></chorus-rating-summary>`);
    const summary = root.querySelector('chorus-rating-summary')!;
    await until(() => !!inShadow(summary, '[role=alert]'), 'the error state');
    // The browser's own record of what this page fetched: no summary request went out.
    const sent = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('subject=product%3Asecret'));
    expect(sent).toEqual([]);
  });

  it('loads from the API, refreshes when a rating of its subject is stored, and adds JSON-LD only when asked', async () => {
    const root = mount(html`<chorus-rating-summary
        base-url=${api.url}
        publishable-key=${api.publishableKey}
        subject="product:live"
        item-name="Monitor X1"
        structured-data
      ></chorus-rating-summary
      ><chorus-rating base-url=${api.url} publishable-key=${api.publishableKey} subject="product:live"></chorus-rating>`);
    const summary = root.querySelector('chorus-rating-summary')!;
    const rating = root.querySelector('chorus-rating')!;
    await until(() => shadowTextOf(summary).includes('No ratings yet'), 'empty summary');
    expect(summary.querySelector('script')).toBeNull();
    await dwell();
    await rating.updateComplete;
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[2]!.click();
    await rating.updateComplete;
    rating.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
    await until(() => shadowTextOf(summary).includes('1 rating'), 'refreshed summary');
    expect(inShadow(summary, '[part=average]')!.textContent).toMatch(/^3\.0/);
    const jsonLd = JSON.parse(summary.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Monitor X1',
      aggregateRating: {
        '@type': 'AggregateRating',
        ratingValue: 3,
        ratingCount: 1,
        bestRating: 5,
        worstRating: 1,
      },
    });
    await expectNoAxeViolations(root);
  });

  it('NPS: promoters, passives and detractors with the score', async () => {
    const element = mount(html`<chorus-rating-summary
      .summary=${
        {
          subject: 'service:support',
          scale: 'nps10',
          count: 4,
          average: 7.5,
          distribution: [],
          nps: { promoters: 2, passives: 1, detractors: 1, score: 25 },
        } satisfies RatingSummary
      }
    ></chorus-rating-summary>`).firstElementChild as ChorusRatingSummary;
    await element.updateComplete;
    const rows = [...element.shadowRoot!.querySelectorAll('li')].map((li) =>
      [...li.querySelectorAll('span')].map((cell) => cell.textContent).join(' '),
    );
    expect(rows).toEqual(['Promoters 2', 'Passives 1', 'Detractors 1']);
    expect(shadowTextOf(element)).toMatch(/^25 Net Promoter Score 4 ratings/);
    await expectNoAxeViolations(element);
  });
});
