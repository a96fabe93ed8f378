import '@chorus/rating-widget/define';
import { THEMES, type Theme } from '@chorus/core';
import {
  type ChorusRating,
  type ChorusRatingSummary,
  COMMENT_MODES,
  type CommentMode,
  RATING_SCALES,
  type RatingScale,
} from '@chorus/rating-widget';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { apiUrl } from '../../src/demo-api.js';
import { DEMO_PUBLISHABLE_KEY, dwell, SEEDED_PRODUCT, shadowText } from './support.js';

interface RatingArgs {
  scale: RatingScale;
  comment: CommentMode;
  theme: Theme;
  locale?: string;
}

/** NPS answers in the demo are about `survey:nps`; stars and CSAT about a seeded product. */
const subjectFor = (scale: RatingArgs['scale']) =>
  scale === 'nps10' ? 'survey:nps' : SEEDED_PRODUCT.subject;

const meta: Meta<RatingArgs> = {
  title: 'Rating widget/Rating',
  component: 'chorus-rating',
  // The widget is configured by attributes (a website has no provider): no <chorus-provider> around it.
  parameters: { chorusProvider: false },
  argTypes: {
    scale: { control: 'inline-radio', options: [...RATING_SCALES] },
    comment: { control: 'inline-radio', options: [...COMMENT_MODES] },
    theme: { control: 'inline-radio', options: [...THEMES] },
  },
  args: { scale: 'stars5', comment: 'off', theme: 'auto' },
  render: (args) => html`<chorus-rating
      base-url=${apiUrl}
      publishable-key=${DEMO_PUBLISHABLE_KEY}
      subject=${subjectFor(args.scale)}
      scale=${args.scale}
      comment=${args.comment}
      theme=${args.theme}
      locale=${ifDefined(args.locale)}
    ></chorus-rating
    ><chorus-rating-summary
      base-url=${apiUrl}
      publishable-key=${DEMO_PUBLISHABLE_KEY}
      subject=${subjectFor(args.scale)}
      scale=${args.scale}
      theme=${args.theme}
      locale=${ifDefined(args.locale)}
    ></chorus-rating-summary>`,
};
export default meta;
type Story = StoryObj<RatingArgs>;

const ratingIn = (canvas: HTMLElement) => canvas.querySelector('chorus-rating') as ChorusRating;
const summaryIn = (canvas: HTMLElement) =>
  canvas.querySelector('chorus-rating-summary') as ChorusRatingSummary;

/** Five stars beside the product's summary: choose a score and send it (the demo API keeps it). */
export const Stars: Story = {
  play: async ({ canvasElement }) => {
    const rating = ratingIn(canvasElement);
    await waitFor(() => expect(rating.shadowRoot!.querySelectorAll('input[type=radio]')).toHaveLength(5));
    await waitFor(() => expect(summaryIn(canvasElement).summary?.count).toBeGreaterThan(0));
  },
};

/**
 * Stars, sent: the summary beside it counts the rating. A test only (`!dev`): a story that rated on
 * every view would change the demo each time someone opened it.
 */
export const StarsSent: Story = {
  tags: ['!dev'],
  play: async ({ canvasElement }) => {
    const rating = ratingIn(canvasElement);
    const summary = summaryIn(canvasElement);
    await waitFor(() => expect(summary.summary).toBeDefined());
    const before = summary.summary!.count;
    await dwell();
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[3]!.click();
    await rating.updateComplete;
    rating.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
    await waitFor(() => expect(shadowText(rating)).toBe('Thank you!'), { timeout: 10_000 });
    await waitFor(() => expect(summary.summary?.count).toBe(before + 1));
  },
};

/** Net Promoter Score: 0-10 with its end labels; the summary shows promoters, passives and detractors. */
export const Nps: Story = {
  args: { scale: 'nps10' },
  play: async ({ canvasElement }) => {
    const rating = ratingIn(canvasElement);
    await waitFor(() => expect(rating.shadowRoot!.querySelectorAll('input[type=radio]')).toHaveLength(11));
    await expect(shadowText(rating)).toContain('Not at all likely');
  },
};

/** Customer satisfaction, 1-5, with an optional comment once a score is chosen. */
export const CsatWithComment: Story = {
  args: { scale: 'csat5', comment: 'optional' },
  play: async ({ canvasElement }) => {
    const rating = ratingIn(canvasElement);
    await waitFor(() => expect(rating.shadowRoot!.querySelectorAll('input[type=radio]')).toHaveLength(5));
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[4]!.click();
    await rating.updateComplete;
    await expect(rating.shadowRoot!.querySelector('textarea')).not.toBeNull();
  },
};

export const Dark: Story = { args: { theme: 'dark' } };

/** German plural forms and number format in the summary. */
export const German: Story = { args: { locale: 'de-DE' } };

/** The states a visitor can see, each as it looks. */
export const States: Story = {
  render: () => html`<div class="states">
    <chorus-rating
      base-url=${apiUrl}
      publishable-key=${DEMO_PUBLISHABLE_KEY}
      subject=${SEEDED_PRODUCT.subject}
      .status=${'thanks'}
    ></chorus-rating>
    <chorus-rating
      base-url=${apiUrl}
      publishable-key=${DEMO_PUBLISHABLE_KEY}
      subject=${SEEDED_PRODUCT.subject}
      .status=${'queued'}
    ></chorus-rating>
    <chorus-rating
      base-url=${apiUrl}
      publishable-key=${DEMO_PUBLISHABLE_KEY}
      subject=${SEEDED_PRODUCT.subject}
      .status=${'sending'}
      .score=${4}
    ></chorus-rating>
    <chorus-rating base-url=${apiUrl} publishable-key=${DEMO_PUBLISHABLE_KEY} subject=${SEEDED_PRODUCT.subject} disabled></chorus-rating>
  </div>`,
  play: async ({ canvasElement }) => {
    const [thanks, queued, sending] = [...canvasElement.querySelectorAll('chorus-rating')];
    await waitFor(() => expect(shadowText(thanks!)).toBe('Thank you!'));
    await expect(shadowText(queued!)).toBe('Saved, will send when online.');
    await expect(shadowText(sending!)).toContain('Sending…');
  },
};

/** A subject the API refuses: the error state, in words a shopper understands, and a retry button. */
export const RefusedByTheApi: Story = {
  render: () => html`<chorus-rating
    base-url=${apiUrl}
    publishable-key=${DEMO_PUBLISHABLE_KEY}
    subject="not a valid subject"
  ></chorus-rating>`,
  play: async ({ canvasElement }) => {
    const rating = ratingIn(canvasElement);
    await dwell();
    await rating.updateComplete;
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[0]!.click();
    await rating.updateComplete;
    rating.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
    await waitFor(() => expect(shadowText(rating)).toContain('Sorry, your rating could not be sent.'), {
      timeout: 10_000,
    });
    await expect(shadowText(rating)).toContain('Try again');
  },
};

/** Inside a plain form: the score is a form value, and `required` is validated. */
export const InAForm: Story = {
  render: () => html`<form class="form">
    <chorus-rating name="satisfaction" scale="csat5" required label="How was your delivery?"></chorus-rating>
    <button>Submit</button>
  </form>`,
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('form')!;
    const rating = ratingIn(canvasElement);
    await rating.updateComplete;
    await expect(form.checkValidity()).toBe(false);
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[2]!.click();
    await rating.updateComplete;
    await expect(new FormData(form).get('satisfaction')).toBe('3');
  },
};
