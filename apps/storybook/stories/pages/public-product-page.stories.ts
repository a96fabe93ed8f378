import bundleUrl from '@chorus/rating-widget/chorus-rating.js?url';
import reviewsBundleUrl from '@chorus/rating-widget/chorus-reviews.js?url';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { apiUrl } from '../../src/demo-api.js';
import { DEMO_PUBLISHABLE_KEY, SEEDED_PRODUCT, shadowText } from '../rating-widget/support.js';

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A shop's product page as its own developers would write it: plain HTML, its own CSS, a strict
 * Content-Security-Policy, and the two lines from the README with `dist/chorus-rating.js`. Nothing
 * of Storybook's Lit or the ESM package reaches it: the frame has only the script-tag bundle.
 */
function productPage(): string {
  const widget = `base-url="${attribute(apiUrl)}" publishable-key="${DEMO_PUBLISHABLE_KEY}" subject="${SEEDED_PRODUCT.subject}"`;
  const bundle = new URL(bundleUrl, location.href).href;
  const reviewsBundle = new URL(reviewsBundleUrl, location.href).href;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${attribute(new URL(bundle).origin)}; style-src 'unsafe-inline'; connect-src ${attribute(apiUrl)}">
<title>${SEEDED_PRODUCT.name} - Acme Audio</title>
<style>
  /* The shop's own, careless, global CSS: the widget must look right anyway. */
  * { margin: 0; font-family: Georgia, serif; color: #222; }
  body { padding: 24px; background: #faf7f2; }
  button { all: unset; text-decoration: underline; }
  span { letter-spacing: 2px; text-transform: uppercase; }
  main { display: grid; gap: 16px; max-width: 36rem; }
</style>
<script type="module" async src="${attribute(bundle)}"></script>
<script type="module" async src="${attribute(reviewsBundle)}"></script>
</head>
<body>
<main>
  <h1>${SEEDED_PRODUCT.name}</h1>
  <p>Closed-back studio headphones. <span>Free shipping</span></p>
  <chorus-rating-summary ${widget} item-name="${SEEDED_PRODUCT.name}" structured-data></chorus-rating-summary>
  <h2>How do you like them?</h2>
  <chorus-rating ${widget} comment="optional"></chorus-rating>
  <h2>What customers wrote</h2>
  <chorus-reviews ${widget} page-size="3"></chorus-reviews>
</main>
</body>
</html>`;
}

const meta: Meta = {
  title: 'Pages/Public product page',
  parameters: { chorusProvider: false, layout: 'fullscreen' },
  render: () =>
    html`<iframe
      class="product-page"
      title="Product page of an online shop with the rating widget"
      srcdoc=${productPage()}
      width="100%"
      height="640"
    ></iframe>`,
};
export default meta;

/**
 * The shop's page with the widgets from its script tags: the summary of the product with its star
 * row, a form to rate it, and the latest reviews (a second script tag), on the shop's own background.
 */
export const ProductPage: StoryObj = {
  play: async ({ canvasElement }) => {
    const doc = await productPageReady(canvasElement);
    const summary = doc.querySelector('chorus-rating-summary')!;
    await waitFor(() => expect(shadowText(summary)).toMatch(/\d+ ratings/));
    await expect(summary.shadowRoot!.querySelector('[role=img]')!.getAttribute('aria-label')).toMatch(
      /^Rated \d\.\d out of 5$/,
    );
    // The latest reviews, three at a time: a shopper pages on to a verified customer's.
    const reviews = doc.querySelector('chorus-reviews')!;
    const shown = () => reviews.shadowRoot!.querySelectorAll('[part=review]').length;
    await waitFor(() => expect(shown()).toBe(3), { timeout: 10_000 });
    for (let page = 1; !reviews.shadowRoot!.querySelector('[part=badge]') && page < 10; page++) {
      reviews.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
      await waitFor(() => expect(shown()).toBe((page + 1) * 3), { timeout: 10_000 });
    }
    await expect(shadowText(reviews)).toContain('Verified customer');
  },
};

/**
 * Rate in the shop's page: the summary above the widget counts the new rating. A test only (`!dev`):
 * a page that rated on every view would change the demo each time someone opened it.
 */
export const ProductPageRated: StoryObj = {
  tags: ['!dev'],
  play: async ({ canvasElement }) => {
    const doc = await productPageReady(canvasElement);
    const frame = canvasElement.querySelector('iframe')!;
    const summary = doc.querySelector('chorus-rating-summary')!;
    await waitFor(() => expect(shadowText(summary)).toMatch(/\d+ ratings/));
    const before = Number(/(\d+) ratings/.exec(shadowText(summary))![1]);
    const rating = doc.querySelector('chorus-rating')!;
    // The frame's own clock: the API counts a rating as a person's after 1.5 s on that page.
    await waitFor(() => expect(frame.contentWindow!.performance.now()).toBeGreaterThan(1700), {
      timeout: 5000,
    });
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[4]!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    rating.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
    await waitFor(() => expect(shadowText(rating)).toBe('Thank you!'), { timeout: 10_000 });
    await waitFor(() => expect(shadowText(summary)).toContain(`${before + 1} ratings`));
  },
};

/** The frame's document once the script-tag widget has rendered its form. */
async function productPageReady(canvasElement: HTMLElement): Promise<Document> {
  const frame = canvasElement.querySelector('iframe')!;
  await waitFor(
    () =>
      expect(
        frame.contentDocument?.querySelector('chorus-rating')?.shadowRoot?.querySelector('button'),
      ).toBeTruthy(),
    { timeout: 10_000 },
  );
  return frame.contentDocument!;
}
