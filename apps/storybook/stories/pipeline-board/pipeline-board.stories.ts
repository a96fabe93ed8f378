import '@chorus/pipeline-board/define';
import {
  type BoardDeal,
  type ChorusDealMovedEvent,
  type ChorusDealMoveEvent,
  type ChorusDealOpenEvent,
  SORTS,
  type BoardSort,
} from '@chorus/pipeline-board';
import type { Pipeline } from '@chorus/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { bigBoard, DEALS, deal, PIPELINE } from './data.js';

/** The reason the last `chorus-deal-move` carried, from the story's spy. */
const lastLostReason = (spy: (event: ChorusDealMoveEvent) => void) =>
  (spy as unknown as { mock: { calls: [ChorusDealMoveEvent][] } }).mock.calls.at(-1)?.[0].lostReason;

interface BoardArgs {
  pipelineId?: string;
  pipeline?: Pipeline;
  deals?: BoardDeal[];
  rottingDays?: number;
  sort: BoardSort;
  cardFields: string;
  closedStages: 'zones' | 'columns';
  lostReasons?: string[];
  onMove: (event: ChorusDealMoveEvent) => void;
  onMoved: (event: ChorusDealMovedEvent) => void;
  onOpen: (event: ChorusDealOpenEvent) => void;
}

const KEYBOARD = `
**Using the board without a mouse.** Tab reaches the board's current card (one tab stop for the whole board); the arrow keys move between cards.

1. **Space** picks the focused card up: “Standing desks picked up in Lead in, position 2 of 2.”
2. **← / →** carry it to the previous or next stage, **↑ / ↓** move it within the column; each step is announced: “Standing desks: Qualified, position 1 of 3.”
3. **Space** (or Enter) drops it: “Deal Standing desks moved to Qualified, position 1 of 3.” Dropping on **Lost** first asks why.
4. **Escape** cancels: the card goes back and nothing is sent.

Announcements go to a polite live region; the instructions are each card's description. **Enter** on a card (or a click) fires \`chorus-deal-open\`.
`;

const meta = {
  title: 'Pipeline/Pipeline board',
  component: 'chorus-pipeline-board',
  args: {
    sort: 'board',
    cardFields: 'next-activity close-date owner',
    closedStages: 'zones',
    onMove: fn(),
    onMoved: fn(),
    onOpen: fn(),
  },
  argTypes: {
    pipelineId: {
      control: 'text',
      description: 'Connected: the pipeline to load (`pip_demonewbusiness` is seeded).',
    },
    sort: { control: 'inline-radio', options: SORTS },
    cardFields: {
      control: 'text',
      description: 'What cards show, space-separated: `next-activity`, `close-date`, `owner`.',
    },
    closedStages: { control: 'inline-radio', options: ['zones', 'columns'] },
    lostReasons: { control: 'object', description: 'Presentational: the reasons the Lost dialog offers.' },
    rottingDays: {
      control: 'number',
      description: 'Days after which a deal is stale where the stage sets none.',
    },
  },
  parameters: { docs: { description: { component: KEYBOARD } } },
  render: (args) => html`<chorus-pipeline-board
    pipeline-id=${ifDefined(args.pipelineId)}
    .pipeline=${args.pipeline}
    .deals=${args.deals ?? []}
    rotting-days=${ifDefined(args.rottingDays)}
    sort=${args.sort}
    card-fields=${args.cardFields}
    closed-stages=${args.closedStages}
    .lostReasons=${args.lostReasons ?? []}
    @chorus-deal-move=${args.onMove}
    @chorus-deal-moved=${args.onMoved}
    @chorus-deal-open=${args.onOpen}
  ></chorus-pipeline-board>`,
} satisfies Meta<BoardArgs>;

export default meta;
type Story = StoryObj<BoardArgs>;

const boardIn = (canvas: HTMLElement) => canvas.querySelector('chorus-pipeline-board')!;
const root = (canvas: HTMLElement) => boardIn(canvas).shadowRoot!;
const card = (canvas: HTMLElement, id: string) =>
  root(canvas).querySelector<HTMLElement>(`[data-deal-id="${id}"]`);
const columnOf = (canvas: HTMLElement, id: string) =>
  Number(card(canvas, id)?.closest<HTMLElement>('section.column')?.dataset['list'] ?? -1);

/**
 * The seeded demo pipeline, live: drag a card with the mouse, or move one with the keyboard (see
 * the docs page), then reload the story; both moves are kept.
 */
export const Live: Story = {
  name: 'Seeded pipeline (live)',
  args: { pipelineId: 'pip_demonewbusiness', rottingDays: 30 },
  play: async ({ canvasElement }) => {
    // Five open stages as columns; Won and Lost are drop zones that appear while a card is carried.
    await waitFor(() => expect(root(canvasElement).querySelectorAll('section.column')).toHaveLength(5), {
      timeout: 15_000,
    });
    await expect(root(canvasElement).querySelector('[part=drop-zone]')).toBeNull();
    await waitFor(() => expect(root(canvasElement).querySelector('.card')).not.toBeNull(), {
      timeout: 15_000,
    });
    await expect(root(canvasElement).querySelector('[part=total]')).toHaveTextContent(/Open pipeline/);
  },
};

/** The keyboard walkthrough, played: pick a deal up, carry it one stage right, drop it. */
export const KeyboardWalkthrough: Story = {
  name: 'Keyboard walkthrough',
  args: { pipeline: PIPELINE, deals: DEALS },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(card(canvasElement, 'deal_story02')).not.toBeNull());
    card(canvasElement, 'deal_story02')!.focus();
    await userEvent.keyboard(' ');
    const status = root(canvasElement).querySelector('[role=status][aria-live]')!;
    await waitFor(() =>
      expect(status).toHaveTextContent('Standing desks picked up in Lead in, position 2 of 2.'),
    );
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(columnOf(canvasElement, 'deal_story02')).toBe(1));
    await waitFor(() => expect(root(canvasElement).activeElement).toBe(card(canvasElement, 'deal_story02')));
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(status).toHaveTextContent('Standing desks: Qualified, position 1 of 3.'));
    await userEvent.keyboard(' ');
    await waitFor(() =>
      expect(status).toHaveTextContent('Deal Standing desks moved to Qualified, position 1 of 3.'),
    );
    await expect(args.onMoved).toHaveBeenCalledTimes(1);
  },
};

/**
 * Cards with their next activity (overdue said in words and in the warning colour), expected close
 * and owner initials. Carry a card with the keyboard and Won and Lost appear as drop zones; dropped
 * on Lost, the dialog offers the workspace's reasons with "Other".
 */
export const DropZonesAndReasons: Story = {
  name: 'Next activity, drop zones and lost reasons',
  args: {
    pipeline: PIPELINE,
    deals: DEALS,
    lostReasons: ['Chose a competitor', 'Price too high', 'No budget'],
  },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(card(canvasElement, 'deal_story01')).not.toBeNull());
    await expect(card(canvasElement, 'deal_story01')!.querySelector('.next')).toHaveTextContent(
      /^Overdue: Call back about room sizes/,
    );
    const zones = () => root(canvasElement).querySelectorAll('[part=drop-zone]');
    card(canvasElement, 'deal_story03')!.focus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(zones()).toHaveLength(2));
    for (let step = 0; step < 3; step++) {
      await waitFor(() =>
        expect((root(canvasElement).activeElement as HTMLElement | null)?.dataset['dealId']).toBe(
          'deal_story03',
        ),
      );
      await userEvent.keyboard('{ArrowRight}');
    }
    await waitFor(() =>
      expect(
        card(canvasElement, 'deal_story03')?.closest('[part=drop-zone]')?.getAttribute('data-kind'),
      ).toBe('lost'),
    );
    await userEvent.keyboard(' ');
    const dialog = () => root(canvasElement).querySelector('dialog');
    await waitFor(() => expect(dialog()?.open).toBe(true));
    await userEvent.click(dialog()!.querySelectorAll<HTMLElement>('label.choice')[1]!);
    await userEvent.click(dialog()!.querySelector<HTMLButtonElement>('button[type=submit]')!);
    await waitFor(() => expect(args.onMoved).toHaveBeenCalledTimes(1));
    await expect(lastLostReason(args.onMove)).toBe('Price too high');
  },
};

/** 10,000 deals over 8 stages, one column of 3,000: only the cards in view are rendered. */
export const TenThousandDeals: Story = {
  name: '10,000 deals',
  args: bigBoard(),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).querySelector('.card')).not.toBeNull(), {
      timeout: 15_000,
    });
    await expect(root(canvasElement).querySelector('section.column .figures')).toHaveTextContent(
      '3,000 deals',
    );
    await expect(root(canvasElement).querySelectorAll('.card').length).toBeLessThan(500);
  },
};

/** Deals past their stage's rotting threshold carry a Stale badge and a border. */
export const StaleDeals: Story = {
  name: 'Stale deals',
  args: { pipeline: PIPELINE, deals: DEALS, rottingDays: 5 },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(root(canvasElement).querySelectorAll('.card.stale').length).toBeGreaterThan(0),
    );
  },
};

/** Sorted by value within each column. */
export const SortedByValue: Story = {
  name: 'Sorted by value',
  args: { pipeline: PIPELINE, deals: DEALS, sort: 'value' },
};

/** A pipeline with no deals yet: every column says so. */
export const EmptyPipeline: Story = {
  name: 'Empty pipeline',
  args: { pipeline: PIPELINE, deals: [] },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(root(canvasElement).querySelector('.notice')).toHaveTextContent(
        'No deals in this pipeline yet.',
      ),
    );
  },
};

/** Some columns empty. */
export const EmptyColumns: Story = {
  name: 'Empty columns',
  args: { pipeline: PIPELINE, deals: DEALS.slice(0, 2) },
};

/** A pipeline the API does not know: a visible, announced error with a retry. */
export const LoadError: Story = {
  name: 'Error',
  args: { pipelineId: 'pip_doesnotexist01' },
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(root(canvasElement).querySelector('[role=alert]')).toHaveTextContent(/could not be loaded/),
      {
        timeout: 15_000,
      },
    );
  },
};

/** Titles and company names with markup in them are shown as text, never run. */
export const HostileText: Story = {
  name: 'Hostile titles',
  args: {
    pipeline: PIPELINE,
    deals: [
      deal('deal_story99', '<img src=x onerror=alert(1)> Free monitors', 0, 100_000, {
        companyName: '"><script>alert(1)</script>',
      }),
    ],
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(card(canvasElement, 'deal_story99')).not.toBeNull());
    await expect(root(canvasElement).querySelector('img, script')).toBeNull();
  },
};
