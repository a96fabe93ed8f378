import '../../src/pages/marketing.js';
import { Formatter } from '@chorus/core';
import { formatValue } from '@chorus/metrics-tiles';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { demoClient } from '../../src/demo-api.js';
import { RATED_PRODUCT, RATING_SOURCES_SHOWN } from '../../src/pages/marketing.js';
import { shownValue } from '../metrics-tiles/support.js';

const meta = {
  title: 'Pages/Marketing',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'The marketing third of the lifecycle, for the last 90 days: the funnel from subscriber to evangelist (filter it by a campaign or a channel, and the ROI and cost-per-lead tiles follow), lead conversion, every campaign with its leads, customers, revenue, cost and ROI, and one product’s ratings by source. Choose a stage and the contacts in it are listed: what a sales workspace does with the funnel’s `chorus-stage-select`.',
      },
    },
  },
  render: () => html`<demo-marketing></demo-marketing>`,
} satisfies Meta;

export default meta;

const pageRoot = () => {
  const page = document.querySelector('demo-marketing');
  if (!page?.shadowRoot) throw new Error('no rendered <demo-marketing>');
  return page.shadowRoot;
};
const inside = (selector: string) => {
  const found = pageRoot().querySelector(selector);
  if (!found?.shadowRoot) throw new Error(`no ${selector} yet`);
  return found.shadowRoot;
};
const stageButtons = () => [
  ...inside('chorus-lifecycle-funnel').querySelectorAll<HTMLButtonElement>('[part=stage]'),
];
const roiTile = () => pageRoot().querySelector('[data-campaign-tiles] chorus-metric-tile')!;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * As a new user would: the funnel for the last 90 days; a campaign picked, and the funnel and the ROI
 * tile change to that campaign's; "Sales qualified" chosen, and its contacts listed; ratings by source.
 */
export const Marketing: StoryObj = {
  play: async () => {
    await waitFor(() => expect(stageButtons()).toHaveLength(7), { timeout: 15_000 });
    const allRoi = await shownValue(roiTile());
    const before = text(stageButtons()[1]);

    const campaigns = await demoClient().get('/v1/campaigns', { params: { query: { limit: 200 } } });
    const speakers = campaigns.data.find((campaign) => campaign.name === 'Search ads: speakers');
    if (!speakers) throw new Error('the demo has no "Search ads: speakers" campaign: is the API seeded?');
    const filter = await waitFor(() => {
      const select =
        inside('chorus-lifecycle-funnel').querySelector<HTMLSelectElement>('select[name=filter]')!;
      expect([...select.options].map((option) => option.value)).toContain(`campaign:${speakers.id}`);
      return select;
    });
    await userEvent.selectOptions(filter, `campaign:${speakers.id}`);

    const funnel = pageRoot().querySelector('chorus-lifecycle-funnel')!;
    const from = funnel.getAttribute('from')!;
    const to = funnel.getAttribute('to')!;
    const expected = await demoClient().get('/v1/metrics', {
      params: { query: { names: 'campaign_roi', from, to, campaignId: speakers.id } },
    });
    const roi = expected.data[0]!.value;
    await waitFor(() => expect(text(stageButtons()[1])).not.toBe(before), { timeout: 15_000 });
    await waitFor(
      async () => {
        const shown = await shownValue(roiTile());
        expect(shown).not.toBe(allRoi);
        expect(shown).toBe(roi === null ? '—' : formatValue(new Formatter('en-US'), 'percent', roi));
      },
      { timeout: 15_000 },
    );

    await userEvent.click(stageButtons()[3]!);
    const contacts = await demoClient().get('/v1/contacts', {
      params: { query: { lifecycleStage: 'sales_qualified', limit: 20 } },
    });
    await waitFor(
      () => {
        expect(pageRoot().querySelector('[data-stage]')?.getAttribute('data-stage')).toBe('sales_qualified');
        expect(pageRoot().querySelectorAll('[data-contact]')).toHaveLength(contacts.data.length);
      },
      { timeout: 15_000 },
    );

    for (const source of RATING_SOURCES_SHOWN) {
      const summary = await demoClient().get('/v1/public/ratings/summary', {
        params: { query: { subject: RATED_PRODUCT.subject, scale: 'stars5', source } },
      });
      await waitFor(() =>
        expect(text(pageRoot().querySelector(`[data-source=${source}] td`))).toBe(String(summary.count)),
      );
    }
  },
};
