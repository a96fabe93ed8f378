import '../../src/pages/sales-workspace.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { apiUrl, demoClient, demoSessions } from '../../src/demo-api.js';
import { labelOf, tilesIn } from '../metrics-tiles/support.js';

interface Loaded {
  pipelineId: string;
}

async function firstPipeline(): Promise<Loaded> {
  const pipelines = await demoClient().get('/v1/pipelines', {});
  const pipeline = pipelines.data[0];
  if (!pipeline) throw new Error('The demo workspace has no pipeline: is the API seeded?');
  return { pipelineId: pipeline.id };
}

/** One person's screen: a provider of their own (their own client, cache and change stream). */
const screen = (who: string, pipelineId: string, locale: string) => html`
  <section class="person" aria-label=${`${who}'s screen`} data-person=${who}>
    <h2 style="margin: 0 0 8px; font-size: 1rem">${who}'s screen</h2>
    <chorus-provider base-url=${apiUrl} locale=${locale} live="on" .getToken=${demoSessions.tokenGetter()}>
      <demo-sales-workspace pipeline-id=${pipelineId}></demo-sales-workspace>
    </chorus-provider>
  </section>
`;

const meta = {
  title: 'Pages/Two people',
  parameters: {
    layout: 'padded',
    // Two copies of one page stand for two people's separate screens; on a real page each landmark
    // is there once. Every other rule applies.
    a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } },
    docs: {
      description: {
        component:
          'Two sales workspaces on one pipeline, as two people would have them open: each has its own client and cache and follows the workspace’s changes (`GET /v1/events`). Move a deal on one side: the other side’s board moves it and its tiles follow within a second, with no reload and no polling.',
      },
    },
  },
  loaders: [firstPipeline],
  render: (_args, { loaded, globals }) => {
    const { pipelineId } = loaded as Loaded;
    const locale = typeof globals.locale === 'string' ? globals.locale : 'en-US';
    // Side by side at any width, like two monitors: each page lays itself out by its own width.
    return html`<div style="display: grid; gap: 24px; grid-template-columns: repeat(2, minmax(0, 1fr))">
      ${screen('Ana', pipelineId, locale)} ${screen('Ben', pipelineId, locale)}
    </div>`;
  },
} satisfies Meta;

export default meta;

const boardOf = (who: string) => {
  const page = document.querySelector(`[data-person="${who}"] demo-sales-workspace`);
  const board = page?.shadowRoot?.querySelector('chorus-pipeline-board');
  if (!board?.shadowRoot) throw new Error(`no board on ${who}'s screen yet`);
  return board;
};

const cardIn = (who: string, dealId: string) =>
  boardOf(who).shadowRoot!.querySelector<HTMLElement>(`[part~=card][data-deal-id="${dealId}"]`);

const columnOf = (who: string, dealId: string) =>
  cardIn(who, dealId)?.closest('section.column')?.getAttribute('data-list') ?? null;

const weightedTile = (who: string) => {
  const page = document.querySelector(`[data-person="${who}"] demo-sales-workspace`);
  const grid = page?.shadowRoot?.querySelector('chorus-metrics-grid');
  const tile = tilesIn(grid?.shadowRoot ?? document.createDocumentFragment()).find(
    (t) => labelOf(t) === 'Weighted pipeline value',
  );
  if (!tile?.metric) throw new Error(`no weighted pipeline figure on ${who}'s screen yet`);
  return tile;
};

/** Both screens show the board and the tiles; nothing is moved for you. */
export const TwoPeople: StoryObj = {
  name: 'Two people',
  play: async () => {
    await waitFor(() => expect(boardOf('Ana').shadowRoot!.querySelector('[part~=card]')).toBeTruthy(), {
      timeout: 15_000,
    });
    await waitFor(() => expect(boardOf('Ben').shadowRoot!.querySelector('[part~=card]')).toBeTruthy(), {
      timeout: 15_000,
    });
  },
};

/**
 * Ana moves a deal one stage right with the keyboard; Ben's board moves it and his weighted
 * pipeline tile follows within a second. Then the deal is put back, so the demo holds still. A test
 * only (`!dev`).
 */
export const TwoPeopleMove: StoryObj = {
  name: 'Two people: a move on one screen shows on the other',
  tags: ['!dev'],
  play: async () => {
    const first = await waitFor(
      () => {
        const card = boardOf('Ana').shadowRoot!.querySelector<HTMLElement>(
          'section.column[data-list="0"] [part~=card]',
        );
        if (!card?.dataset.dealId) throw new Error('no card in the first column yet');
        return card;
      },
      { timeout: 15_000 },
    );
    const dealId = first.dataset.dealId!;
    const original = await demoClient().get('/v1/deals/{id}', { params: { path: { id: dealId } } });
    await waitFor(() => expect(columnOf('Ben', dealId)).toBe('0'), { timeout: 15_000 });
    const bensFigure = await waitFor(() => weightedTile('Ben').metric!.value, { timeout: 15_000 });
    try {
      first.focus();
      await userEvent.keyboard(' ');
      await userEvent.keyboard('{ArrowRight}');
      await waitFor(
        () => {
          const carried = boardOf('Ana').shadowRoot!.activeElement as HTMLElement | null;
          expect(carried?.dataset.dealId).toBe(dealId);
          expect(carried?.closest('section.column')?.getAttribute('data-list')).toBe('1');
        },
        { timeout: 15_000 },
      );
      await userEvent.keyboard(' ');
      await waitFor(() => expect(columnOf('Ben', dealId)).toBe('1'), { timeout: 5_000 });
      // How fast is the bench's figure (write → last client); a test on a shared machine only waits.
      // Ben's tiles follow: the weighted pipeline changes (the stages differ in probability).
      await waitFor(() => expect(weightedTile('Ben').metric!.value).not.toBe(bensFigure), {
        timeout: 10_000,
      });
    } finally {
      // Put the deal back where it was, so the demo shows what it showed before.
      const now = await demoClient().get('/v1/deals/{id}', { params: { path: { id: dealId } } });
      if (now.stageId !== original.stageId) {
        await demoClient().patch('/v1/deals/{id}', {
          params: { path: { id: dealId }, header: { 'if-match': `"${now.version}"` } },
          // It was the first card of its column: `after: null` puts it back on top.
          body: { stageId: original.stageId, after: null },
        });
      }
    }
    await waitFor(() => expect(columnOf('Ben', dealId)).toBe('0'), { timeout: 10_000 });
  },
};
