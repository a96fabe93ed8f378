import '@chorus/rating-widget/define-reviews';
import { THEMES, type Theme } from '@chorus/core';
import { type ChorusReviews, RATING_SCALES, type RatingScale } from '@chorus/rating-widget';
import type { PublicReview } from '@chorus/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { apiUrl } from '../../src/demo-api.js';
import { DEMO_PUBLISHABLE_KEY, SEEDED_PRODUCT, shadowText } from './support.js';

interface ReviewsArgs {
  subject: string;
  scale: RatingScale;
  pageSize: number;
  theme: Theme;
  locale?: string;
}

const meta: Meta<ReviewsArgs> = {
  title: 'Rating widget/Reviews',
  component: 'chorus-reviews',
  // Configured by attributes, as on a website: no <chorus-provider> around it.
  parameters: { chorusProvider: false },
  argTypes: {
    scale: { control: 'inline-radio', options: [...RATING_SCALES] },
    theme: { control: 'inline-radio', options: [...THEMES] },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
  },
  args: { subject: SEEDED_PRODUCT.subject, scale: 'stars5', pageSize: 5, theme: 'auto' },
  render: (args) => html`<chorus-reviews
    base-url=${apiUrl}
    publishable-key=${DEMO_PUBLISHABLE_KEY}
    subject=${args.subject}
    scale=${args.scale}
    page-size=${args.pageSize}
    theme=${args.theme}
    locale=${ifDefined(args.locale)}
  ></chorus-reviews>`,
};
export default meta;
type Story = StoryObj<ReviewsArgs>;

const reviewsIn = (canvas: HTMLElement) => canvas.querySelector('chorus-reviews') as ChorusReviews;
const shown = (element: ChorusReviews) => element.shadowRoot!.querySelectorAll('[part=review]').length;

/**
 * The seeded product's latest reviews, five at a time: "More reviews" pages on until a verified
 * customer's review (a rating kept on a contact) is on screen.
 */
export const LatestReviews: Story = {
  play: async ({ canvasElement }) => {
    const reviews = reviewsIn(canvasElement);
    await waitFor(() => expect(shown(reviews)).toBe(5), { timeout: 10_000 });
    for (let page = 1; !reviews.shadowRoot!.querySelector('[part=badge]') && page < 10; page++) {
      reviews.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
      await waitFor(() => expect(shown(reviews)).toBe((page + 1) * 5), { timeout: 10_000 });
    }
    await expect(shadowText(reviews)).toContain('Verified customer');
  },
};

const GIVEN: PublicReview[] = [
  {
    id: 'rat_01hx7f3k9q2m5v8w0000000001',
    scale: 'stars5',
    score: 5,
    comment: 'Clear sound, and they fold flat for travel.',
    verified: true,
    createdAt: '2026-03-02T10:00:00.000Z',
  },
  {
    id: 'rat_01hx7f3k9q2m5v8w0000000002',
    scale: 'stars5',
    score: 2,
    comment: 'Too tight after an hour.',
    verified: false,
    createdAt: '2026-02-11T16:30:00.000Z',
  },
];

/** Reviews given as a property: no request; the dates in the element's locale. */
export const Presentational: Story = {
  render: (args) =>
    html`<chorus-reviews locale=${ifDefined(args.locale)} theme=${args.theme} .reviews=${GIVEN}></chorus-reviews>`,
  args: { locale: 'en-GB' },
  play: async ({ canvasElement }) => {
    const reviews = reviewsIn(canvasElement);
    await waitFor(() => expect(shown(reviews)).toBe(2));
    await expect(shadowText(reviews)).toContain('2 Mar 2026');
    await expect(reviews.shadowRoot!.querySelectorAll('[part=badge]')).toHaveLength(1);
  },
};

/** No reviews of this subject yet. */
export const Empty: Story = {
  args: { subject: 'product:not-yet-reviewed' },
  play: async ({ canvasElement }) => {
    const reviews = reviewsIn(canvasElement);
    await waitFor(() => expect(shadowText(reviews)).toBe('No reviews yet'), { timeout: 10_000 });
  },
};

/** A subject the API refuses: plain words and "Try again"; the API's detail is in the console. */
export const Refused: Story = {
  args: { subject: 'not a subject' },
  play: async ({ canvasElement }) => {
    const reviews = reviewsIn(canvasElement);
    await waitFor(() => expect(shadowText(reviews)).toMatch(/^Reviews could not be loaded\.\s*Try again$/), {
      timeout: 10_000,
    });
  },
};
