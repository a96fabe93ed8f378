import '../../src/pages/service-desk.js';
import type { MetricName } from '@chorus/metrics-tiles';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { demoClient } from '../../src/demo-api.js';
import { labelOf, metricCatalogue, shownValue, tilesIn } from '../metrics-tiles/support.js';

const SERVICE: MetricName[] = ['csat', 'nps', 'average_rating', 'issue_resolution_time'];

const meta = {
  title: 'Pages/Service',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'The service team’s morning page: CSAT, NPS, average rating and resolution time as the CRM computes them, and the latest ratings that came with a comment.',
      },
    },
  },
  render: () => html`<demo-service-desk></demo-service-desk>`,
} satisfies Meta;

export default meta;

const pageRoot = () => {
  const page = document.querySelector('demo-service-desk');
  if (!page?.shadowRoot) throw new Error('no rendered <demo-service-desk>');
  return page.shadowRoot;
};

/** The four tiles with the API's labels, the latest comments as the API lists them; then a 90-day view. */
export const Service: StoryObj = {
  play: async () => {
    const { metrics } = await metricCatalogue();
    const grid = await waitFor(() => {
      const found = pageRoot().querySelector('chorus-metrics-grid');
      if (!found?.shadowRoot) throw new Error('no grid yet');
      return found;
    });
    const tiles = await waitFor(
      () => {
        const found = tilesIn(grid.shadowRoot!);
        expect(found).toHaveLength(SERVICE.length);
        return found;
      },
      { timeout: 15_000 },
    );
    for (const [index, tile] of tiles.entries()) {
      await shownValue(tile);
      await expect(labelOf(tile)).toBe(metrics.get(SERVICE[index]!)!.label);
    }

    const latest = await demoClient().get('/v1/ratings', { params: { query: { limit: 50 } } });
    const commented = latest.data.filter((rating) => rating.comment).slice(0, 10);
    await waitFor(() => expect(pageRoot().querySelectorAll('[data-rating]')).toHaveLength(commented.length), {
      timeout: 15_000,
    });
    const first = commented[0];
    if (first) {
      await expect(pageRoot().querySelector(`[data-rating="${first.id}"] blockquote`)?.textContent).toBe(
        first.comment,
      );
    }

    // The period switcher: every tile reloads for the last 90 days and shows a value again.
    await userEvent.selectOptions(
      within(grid.shadowRoot as unknown as HTMLElement).getByRole('combobox', { name: 'Period' }),
      '90d',
    );
    await waitFor(() => expect(grid.getAttribute('period')).toBe('90d'));
    for (const tile of tilesIn(grid.shadowRoot!)) await shownValue(tile);
  },
};
