import '@chorus/lifecycle-funnel/define';
import { FUNNEL_LAYOUTS, type ChorusStageSelectEvent, type FunnelLayout } from '@chorus/lifecycle-funnel';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { demoClient } from '../../src/demo-api.js';

interface FunnelArgs {
  period: '30d' | '90d' | '12m';
  layout: FunnelLayout;
  view: 'chart' | 'table';
  channel?: string;
  onChorusStageSelect: (event: ChorusStageSelectEvent) => void;
}

const meta = {
  title: 'Components/Lifecycle funnel',
  component: 'chorus-lifecycle-funnel',
  args: { period: '90d', layout: 'vertical', view: 'chart', onChorusStageSelect: fn() },
  argTypes: {
    period: { control: 'inline-radio', options: ['30d', '90d', '12m'] },
    layout: { control: 'inline-radio', options: [...FUNNEL_LAYOUTS] },
    view: { control: 'inline-radio', options: ['chart', 'table'] },
    channel: {
      control: 'select',
      options: [undefined, 'email', 'event', 'paid', 'social', 'partner', 'referral'],
    },
  },
  render: (args) =>
    html`<chorus-lifecycle-funnel
      period=${args.period}
      layout=${args.layout}
      view=${args.view}
      channel=${args.channel ?? ''}
      @chorus-stage-select=${args.onChorusStageSelect}
    ></chorus-lifecycle-funnel>`,
} satisfies Meta<FunnelArgs>;

export default meta;
type Story = StoryObj<FunnelArgs>;

const funnelRoot = (canvas: HTMLElement) => {
  const funnel = canvas.querySelector('chorus-lifecycle-funnel');
  if (!funnel?.shadowRoot) throw new Error('no <chorus-lifecycle-funnel> yet');
  return funnel.shadowRoot;
};
const stages = (canvas: HTMLElement) => [
  ...funnelRoot(canvas).querySelectorAll<HTMLButtonElement>('[part=stage]'),
];

/** The last 90 days of the demo; choosing "Sales qualified" fires `chorus-stage-select` with it. */
export const Playground: Story = {
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(stages(canvasElement)).toHaveLength(7), { timeout: 15_000 });
    await userEvent.click(stages(canvasElement)[3]!);
    await expect(args.onChorusStageSelect).toHaveBeenCalledOnce();
    const event = (args.onChorusStageSelect as ReturnType<typeof fn>).mock
      .calls[0]![0] as ChorusStageSelectEvent;
    await expect(event.stage).toBe('sales_qualified');
    const funnel = await demoClient().get('/v1/metrics/funnel', {
      params: { query: { from: event.from, to: event.to } },
    });
    await expect(event.entered).toBe(funnel.stages[3]!.current.entered);
  },
};

/** Side by side, for a wide dashboard row. */
export const Horizontal: Story = {
  args: { layout: 'horizontal' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(stages(canvasElement)).toHaveLength(7), { timeout: 15_000 });
    const [first, second] = stages(canvasElement).map((stage) => stage.getBoundingClientRect());
    await expect(Math.round(second!.top)).toBe(Math.round(first!.top));
  },
};

/** The same numbers as a table, for screen readers and for reading across; only paid channels. */
export const AsTable: Story = {
  args: { view: 'table', channel: 'paid' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(funnelRoot(canvasElement).querySelectorAll('tbody tr')).toHaveLength(7), {
      timeout: 15_000,
    });
    await expect(funnelRoot(canvasElement).querySelector('caption')?.textContent).toContain(
      'beside the period before',
    );
  },
};
