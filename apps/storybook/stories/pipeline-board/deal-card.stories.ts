import '@chorus/pipeline-board/define-deal-card';
import type { ChorusContactOpenEvent } from '@chorus/pipeline-board';
import { THEMES } from '@chorus/core';
import type { Deal, Pipeline } from '@chorus/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { demoClient } from '../../src/demo-api.js';
import { PIPELINE } from './data.js';

interface DealCardArgs {
  dealId?: string;
  deal?: Deal;
  pipeline?: Pipeline;
  theme?: (typeof THEMES)[number];
  onContactOpen: (event: ChorusContactOpenEvent) => void;
}

/** An open deal of the demo workspace with a contact, found through the API rather than by a fixed id. */
async function openDeal(): Promise<{ deal: Deal }> {
  const deals = await demoClient().get('/v1/deals', { params: { query: { status: 'open', limit: 20 } } });
  const deal = deals.data.find((d) => d.contactId && d.companyId);
  if (!deal) throw new Error('The demo workspace has no open deal with a contact: is the API seeded?');
  return { deal };
}

const meta = {
  title: 'Pipeline/Deal card',
  component: 'chorus-deal-card',
  args: { onContactOpen: fn() },
  argTypes: {
    dealId: { control: 'text', description: 'Connected: the deal to load (`deal-id`).' },
    deal: { control: 'object' },
    pipeline: { control: 'object' },
    theme: { control: 'inline-radio', options: THEMES },
  },
  render: (args) => html`<chorus-deal-card
    deal-id=${ifDefined(args.dealId)}
    .deal=${args.deal}
    .pipeline=${args.pipeline}
    theme=${ifDefined(args.theme)}
    @chorus-contact-open=${args.onContactOpen}
  ></chorus-deal-card>`,
} satisfies Meta<DealCardArgs>;

export default meta;
type Story = StoryObj<DealCardArgs>;

const root = (canvas: HTMLElement) => canvas.querySelector('chorus-deal-card')!.shadowRoot!;

/**
 * A seeded deal: its value, its stage with the stage's agreed definition and probability, close
 * date, owner, contact and company, days in stage, open tasks and activity. Edit saves with
 * `If-Match`; that is played in the sales workspace's test-only walk, so this page changes nothing.
 */
export const Connected: Story = {
  loaders: [openDeal],
  render: (args, { loaded }) =>
    meta.render({ ...args, dealId: args.dealId || (loaded as { deal: Deal }).deal.id }),
  play: async ({ canvasElement, loaded, args }) => {
    const { deal } = loaded as { deal: Deal };
    await waitFor(() => expect(root(canvasElement).querySelector('h2')).toHaveTextContent(deal.title), {
      timeout: 15_000,
    });
    await waitFor(() => expect(root(canvasElement).querySelector('[part=definition]')).not.toBeNull(), {
      timeout: 15_000,
    });
    const contact = await waitFor(
      () => {
        const button = root(canvasElement).querySelector<HTMLButtonElement>('dd button.link');
        if (!button || button.textContent?.trim() === '…') throw new Error('no contact name yet');
        return button;
      },
      { timeout: 15_000 },
    );
    await userEvent.click(contact);
    await expect(args.onContactOpen).toHaveBeenCalled();
  },
};

/** Given a deal and its pipeline, the card makes no request. */
export const Presentational: Story = {
  args: {
    pipeline: PIPELINE as Pipeline,
    deal: {
      id: 'deal_story01',
      title: 'Studio monitors for 12 rooms',
      value: { amount: 1_440_000, currency: 'EUR' },
      pipelineId: PIPELINE.id,
      stageId: PIPELINE.stages[1]!.id,
      status: 'open',
      contactId: null,
      companyId: null,
      ownerId: null,
      expectedCloseDate: '2026-09-30',
      lostReason: null,
      stageEnteredAt: new Date(Date.now() - 6 * 86_400_000).toISOString(),
      rank: 'a0',
      closedAt: null,
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
      version: 1,
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).querySelector('dl')).toHaveTextContent('€14,400.00'));
    await expect(root(canvasElement).querySelector('dl')).toHaveTextContent('6 days');
  },
};
