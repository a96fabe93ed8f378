import '@chorus/rating-widget/define';
import { THEMES, type Theme } from '@chorus/core';
import { type ChorusRatingSummary, RATING_SCALES, type RatingScale } from '@chorus/rating-widget';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { apiUrl } from '../../src/demo-api.js';
import { DEMO_PUBLISHABLE_KEY, SEEDED_PRODUCT, shadowText } from './support.js';

interface SummaryArgs {
  subject: string;
  scale: RatingScale;
  variant: 'full' | 'compact';
  structuredData: boolean;
  theme: Theme;
}

const meta: Meta<SummaryArgs> = {
  title: 'Rating widget/Summary',
  component: 'chorus-rating-summary',
  parameters: { chorusProvider: false },
  argTypes: {
    scale: { control: 'inline-radio', options: [...RATING_SCALES] },
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    theme: { control: 'inline-radio', options: [...THEMES] },
  },
  args: {
    subject: SEEDED_PRODUCT.subject,
    scale: 'stars5',
    variant: 'full',
    structuredData: false,
    theme: 'auto',
  },
  render: (args) => html`<chorus-rating-summary
    base-url=${apiUrl}
    publishable-key=${DEMO_PUBLISHABLE_KEY}
    subject=${args.subject}
    scale=${args.scale}
    variant=${args.variant}
    theme=${args.theme}
    item-name=${SEEDED_PRODUCT.name}
    ?structured-data=${args.structuredData}
  ></chorus-rating-summary>`,
};
export default meta;
type Story = StoryObj<SummaryArgs>;

const summaryIn = (canvas: HTMLElement) =>
  canvas.querySelector('chorus-rating-summary') as ChorusRatingSummary;

/** The seeded product's ratings: average, count and the distribution from 5 to 1 stars. */
export const Full: Story = {
  play: async ({ canvasElement }) => {
    const summary = summaryIn(canvasElement);
    await waitFor(() => expect(summary.shadowRoot!.querySelectorAll('li')).toHaveLength(5));
    await expect(shadowText(summary)).toMatch(/\d+ ratings/);
  },
};

export const Compact: Story = {
  args: { variant: 'compact' },
  play: async ({ canvasElement }) => {
    const summary = summaryIn(canvasElement);
    await waitFor(() => expect(shadowText(summary)).toMatch(/\d+ ratings/));
    await expect(summary.shadowRoot!.querySelector('li')).toBeNull();
  },
};

/** The demo's quarterly NPS survey: promoters, passives, detractors and the score. */
export const NetPromoterScore: Story = {
  args: { subject: 'survey:nps', scale: 'nps10' },
  play: async ({ canvasElement }) => {
    const summary = summaryIn(canvasElement);
    await waitFor(() => expect(shadowText(summary)).toContain('Promoters'));
    await expect(shadowText(summary)).toContain('Net Promoter Score');
  },
};

/** With schema.org AggregateRating JSON-LD in the page (for a product, not for your own organisation). */
export const StructuredData: Story = {
  args: { structuredData: true },
  play: async ({ canvasElement }) => {
    const summary = summaryIn(canvasElement);
    await waitFor(() => expect(summary.querySelector('script[type="application/ld+json"]')).not.toBeNull());
    const data = JSON.parse(summary.querySelector('script[type="application/ld+json"]')!.textContent!);
    await expect(data).toMatchObject({ '@type': 'Product', name: SEEDED_PRODUCT.name });
  },
};

export const Dark: Story = { args: { theme: 'dark' } };
