import '@chorus/lifecycle-funnel/define';
import { CAMPAIGN_COLUMNS, type Attribution, type CampaignColumn } from '@chorus/lifecycle-funnel';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';

interface TableArgs {
  period: '30d' | '90d' | '12m';
  attribution: Attribution;
  sort: CampaignColumn;
  direction: 'ascending' | 'descending';
}

const meta = {
  title: 'Components/Campaign table',
  component: 'chorus-campaign-table',
  args: { period: '90d', attribution: 'last_touch', sort: 'roi', direction: 'descending' },
  argTypes: {
    period: { control: 'inline-radio', options: ['30d', '90d', '12m'] },
    attribution: { control: 'inline-radio', options: ['last_touch', 'first_touch'] },
    sort: { control: 'select', options: [...CAMPAIGN_COLUMNS] },
    direction: { control: 'inline-radio', options: ['descending', 'ascending'] },
  },
  render: (args) =>
    html`<chorus-campaign-table
      period=${args.period}
      attribution=${args.attribution}
      sort=${args.sort}
      direction=${args.direction}
    ></chorus-campaign-table>`,
} satisfies Meta<TableArgs>;

export default meta;
type Story = StoryObj<TableArgs>;

const tableRoot = (canvas: HTMLElement) => {
  const table = canvas.querySelector('chorus-campaign-table');
  if (!table?.shadowRoot) throw new Error('no <chorus-campaign-table> yet');
  return table.shadowRoot;
};

/** The demo's campaigns of the last 90 days, best ROI first; sorting by cost from its header. */
export const Playground: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(tableRoot(canvasElement).querySelectorAll('tbody tr').length).toBeGreaterThan(0),
      {
        timeout: 15_000,
      },
    );
    const costHeader = [...tableRoot(canvasElement).querySelectorAll('thead th')][4]!;
    await userEvent.click(costHeader.querySelector('button')!);
    await expect(costHeader.getAttribute('aria-sort')).toBe('descending');
    await userEvent.keyboard('{Enter}');
    await expect(costHeader.getAttribute('aria-sort')).toBe('ascending');
  },
};

/** Revenue credited to the touch that brought each contact in. */
export const FirstTouch: Story = {
  args: { attribution: 'first_touch', sort: 'revenue' },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(tableRoot(canvasElement).querySelectorAll('tbody tr').length).toBeGreaterThan(0),
      {
        timeout: 15_000,
      },
    );
    await expect(tableRoot(canvasElement).querySelector('select')?.value).toBe('first_touch');
  },
};
