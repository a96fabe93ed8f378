import '../../src/pages/sales-workspace.js';
import { Formatter } from '@chorus/core';
import { formatValue, periodRange } from '@chorus/metrics-tiles';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { demoClient } from '../../src/demo-api.js';
import { labelOf, shownValue, tilesIn } from '../metrics-tiles/support.js';

interface Loaded {
  pipelineId: string;
}

/** The workspace's pipeline, found through the API rather than by a fixed id. */
async function firstPipeline(): Promise<Loaded> {
  const pipelines = await demoClient().get('/v1/pipelines', {});
  const pipeline = pipelines.data[0];
  if (!pipeline) throw new Error('The demo workspace has no pipeline: is the API seeded?');
  return { pipelineId: pipeline.id };
}

const meta = {
  title: 'Pages/Sales workspace',
  parameters: {
    // A margin from the viewport's edges, as the other pages have.
    layout: 'padded',
    docs: {
      description: {
        component:
          'Metrics on top, the pipeline board below, and the contact of the deal you open beside it. Move a deal (drag it, or focus it and press Space, an arrow, Space) and the pipeline tiles follow: the SDK invalidates the metrics a move changes, no page reload.',
      },
    },
  },
  loaders: [firstPipeline],
  render: (_args, { loaded }) =>
    html`<demo-sales-workspace pipeline-id=${(loaded as Loaded).pipelineId}></demo-sales-workspace>`,
} satisfies Meta;

export default meta;

const pageRoot = () => {
  const page = document.querySelector('demo-sales-workspace');
  if (!page?.shadowRoot) throw new Error('no rendered <demo-sales-workspace>');
  return page.shadowRoot;
};

/** The weighted pipeline tile, once the grid shows it with a value. */
async function weightedTile() {
  return waitFor(
    () => {
      const grid = pageRoot().querySelector('chorus-metrics-grid');
      const tile = tilesIn(grid?.shadowRoot ?? document.createDocumentFragment()).find(
        (t) => labelOf(t) === 'Weighted pipeline value',
      );
      if (!tile) throw new Error('no weighted pipeline tile yet');
      return tile;
    },
    { timeout: 15_000 },
  );
}

/** The weighted pipeline now, from the API: its value and how the tile writes it. */
async function weightedFromApi(): Promise<{ value: number | null; shown: string }> {
  // Ending now, as the grid's rolling window does at each fetch.
  const range = periodRange('30d', new Date(), {}, { exactEnd: true })!;
  const response = await demoClient().get('/v1/metrics', {
    params: { query: { names: 'weighted_pipeline_value', ...range } },
  });
  const { value } = response.data[0]!;
  return {
    value,
    shown: value === null ? '—' : formatValue(new Formatter('en-US'), 'money', value, response.currency),
  };
}

/** The tiles show the API's figures and the board its deals; nothing is opened or moved for you. */
export const SalesWorkspace: StoryObj = {
  name: 'Sales workspace',
  play: async () => {
    await workspaceReady();
  },
};

/** The weighted pipeline tile once it shows the API's figure, and the first card on the board. */
async function workspaceReady() {
  const tile = await weightedTile();
  const before = await weightedFromApi();
  await waitFor(async () => expect(await shownValue(tile)).toBe(before.shown), { timeout: 15_000 });
  await expect(tile.metric?.value).toBe(before.value);
  const board = pageRoot().querySelector('chorus-pipeline-board')!;
  const firstCard = await waitFor(
    () => {
      const card = board.shadowRoot?.querySelector<HTMLButtonElement>('[part~=card]');
      if (!card) throw new Error('no deal cards yet');
      return card;
    },
    { timeout: 15_000 },
  );
  return { tile, before, board, firstCard };
}

/**
 * Open a deal: its contact is shown beside the board. Move it with the keyboard: the weighted
 * pipeline tile shows the API's new figure without a reload. A test only (`!dev`): a page that moved
 * a deal on every view would change the demo each time someone opened it.
 */
export const SalesWorkspaceMove: StoryObj = {
  name: 'Sales workspace: open and move a deal',
  tags: ['!dev'],
  play: async ({ loaded }) => {
    const { pipelineId } = loaded as Loaded;
    const { tile, before, board, firstCard } = await workspaceReady();

    // Opening a deal shows its contact's card beside the board.
    const dealId = firstCard.dataset.dealId!;
    const deal = await demoClient().get('/v1/deals/{id}', { params: { path: { id: dealId } } });
    await userEvent.click(firstCard);
    await waitFor(() => expect(pageRoot().querySelector('aside h3')?.textContent).toBe(deal.title));
    if (deal.contactId) {
      const contact = await demoClient().get('/v1/contacts/{id}', {
        params: { path: { id: deal.contactId } },
      });
      await waitFor(
        () =>
          expect(
            pageRoot()
              .querySelector('aside chorus-contact-card')
              ?.shadowRoot?.querySelector('[part=name]')
              ?.textContent?.trim(),
          ).toBe(`${contact.firstName} ${contact.lastName}`),
        { timeout: 15_000 },
      );
    }

    // Moving it one stage right with the keyboard changes the weighted pipeline (stages differ in probability).
    // The card is found again: opening the deal may have re-rendered the column (the virtualizer
    // recycles its cards), and keys sent to a detached card move nothing.
    const card = await waitFor(
      () => {
        const found = board.shadowRoot?.querySelector<HTMLButtonElement>(
          `[part~=card][data-deal-id="${dealId}"]`,
        );
        if (!found?.isConnected) throw new Error(`the card of ${dealId} is not on the board`);
        return found;
      },
      { timeout: 15_000 },
    );
    card.focus();
    await waitFor(() => expect(board.shadowRoot?.activeElement).toBe(card));
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{ArrowRight}');
    // Carried into the next column, the card is a new element there, focused once it has rendered:
    // the drop goes to it, as a person's would (under load a key sent sooner reaches no card).
    await waitFor(
      () => {
        const carried = board.shadowRoot?.activeElement as HTMLElement | null;
        expect(carried?.dataset.dealId).toBe(dealId);
        expect(carried?.closest('section.column')?.getAttribute('data-list')).toBe('1');
      },
      { timeout: 15_000 },
    );
    await userEvent.keyboard(' ');
    await waitFor(
      async () => {
        const moved = await demoClient().get('/v1/deals/{id}', { params: { path: { id: dealId } } });
        expect(moved.stageId).not.toBe(deal.stageId);
      },
      { timeout: 15_000 },
    );
    // The tile shows money compactly (€1.3M), so the check is on the figure it holds, then its text.
    const after = await weightedFromApi();
    await expect(after.value).not.toBe(before.value);
    await waitFor(() => expect(tile.metric?.value).toBe(after.value), { timeout: 15_000 });
    await expect(await shownValue(tile)).toBe(after.shown);
    await expect(pipelineId).toBe(deal.pipelineId);
  },
};
