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

/** A tile of the grid by its label, once the grid shows it. */
async function tileLabelled(label: string) {
  return waitFor(
    () => {
      const grid = pageRoot().querySelector('chorus-metrics-grid');
      const tile = tilesIn(grid?.shadowRoot ?? document.createDocumentFragment()).find(
        (t) => labelOf(t) === label,
      );
      if (!tile) throw new Error(`no ${label} tile yet`);
      return tile;
    },
    { timeout: 15_000 },
  );
}

/** The weighted pipeline tile, once the grid shows it with a value. */
const weightedTile = () => tileLabelled('Weighted pipeline value');

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

/** Waits for `find` to return an element (or a value), retrying until the timeout. */
const found = <T>(find: () => T | null | undefined, what: string) =>
  waitFor(
    () => {
      const value = find();
      if (value === null || value === undefined) throw new Error(`no ${what} yet`);
      return value;
    },
    { timeout: 15_000 },
  );

/**
 * What a new user does in a day, as issue 18 walks it: add a deal (quick add, with a new contact),
 * open it, edit its value, log a call on its contact, schedule a task that then shows on the board
 * card as the next activity, and carry it to Lost with a reason from the workspace's list. A test
 * only (`!dev`): it writes, and a page that wrote on every view would change the demo for everyone.
 */
export const SalesWorkspaceDay: StoryObj = {
  name: 'Sales workspace: a day with a deal',
  tags: ['!dev'],
  play: async () => {
    const { board } = await workspaceReady();
    const shadow = board.shadowRoot!;
    const title = `Walkthrough monitors ${Date.now().toString(36)}`;

    // Add a deal into the first stage, with a contact made on the spot.
    await userEvent.click(
      await found(() => shadow.querySelector<HTMLButtonElement>('button.add'), 'quick add'),
    );
    const form = await found(() => shadow.querySelector<HTMLDialogElement>('#quick-add[open]'), 'the form');
    await userEvent.type(form.querySelector('input[name=title]')!, title);
    await userEvent.type(form.querySelector('input[name=amount]')!, '4200');
    await userEvent.type(form.querySelector('input[name=firstName]')!, 'Wanda');
    await userEvent.type(form.querySelector('input[name=lastName]')!, 'Walker');
    await userEvent.click(form.querySelector<HTMLButtonElement>('button.primary')!);
    await waitFor(() => expect(shadow.querySelector('#quick-add')).toBeNull(), { timeout: 15_000 });

    // Find it on the board (a busy column shows its first cards; the search narrows it) and open it.
    await userEvent.type(shadow.querySelector<HTMLInputElement>('input[name=search]')!, title);
    const cardOf = () =>
      [...shadow.querySelectorAll<HTMLElement>('[part~=card]')].find(
        (card) => card.querySelector('.title')?.textContent === title,
      );
    await userEvent.click(await found(cardOf, 'the new card'));
    const dealCard = await found(
      () => pageRoot().querySelector('aside chorus-deal-card')?.shadowRoot ?? undefined,
      'the deal card',
    );
    await waitFor(() => expect(dealCard.querySelector('h2')).toHaveTextContent(title), { timeout: 15_000 });
    const dealId = cardOf()!.dataset.dealId!;

    // Edit its value: saved with If-Match.
    await userEvent.click(dealCard.querySelector<HTMLButtonElement>('header button')!);
    const amount = dealCard.querySelector<HTMLInputElement>('input[name=amount]')!;
    // Cleared by hand: testing-library's clear cannot focus an input inside a shadow root.
    amount.value = '';
    await userEvent.type(amount, '5000');
    await userEvent.click(dealCard.querySelector<HTMLButtonElement>('form.editor button[type=submit]')!);
    await waitFor(() => expect(dealCard.querySelector('[role=status]')).toHaveTextContent('Saved.'), {
      timeout: 15_000,
    });
    const saved = await demoClient().get('/v1/deals/{id}', { params: { path: { id: dealId } } });
    await expect(saved.value.amount).toBe(500_000);

    // Log a call on its contact, from the contact card beside it.
    const contactCard = await found(
      () => pageRoot().querySelector('aside chorus-contact-card')?.shadowRoot ?? undefined,
      'the contact card',
    );
    const logCall = await found(
      () =>
        [...contactCard.querySelectorAll<HTMLButtonElement>('[part=quick-actions] button')].find(
          (button) => button.textContent?.trim() === 'Log a call',
        ),
      'the Log a call button',
    );
    await userEvent.click(logCall);
    await userEvent.type(contactCard.querySelector('form.quick textarea')!, 'Talked through delivery dates');
    await userEvent.click(contactCard.querySelector<HTMLButtonElement>('form.quick button[type=submit]')!);
    await waitFor(
      () =>
        expect(contactCard.querySelector('.activities')).toHaveTextContent('Talked through delivery dates'),
      {
        timeout: 15_000,
      },
    );

    // Schedule a task on the deal: the board card shows it as the next activity.
    const schedule = dealCard.querySelector<HTMLFormElement>('form.schedule')!;
    await userEvent.type(schedule.querySelector('input[name=body]')!, 'Send the revised quote');
    const due = schedule.querySelector<HTMLInputElement>('input[name=due]')!;
    due.value = '2099-06-01T09:00';
    await userEvent.click(schedule.querySelector<HTMLButtonElement>('button[type=submit]')!);
    await waitFor(
      () => expect(cardOf()?.querySelector('.next')).toHaveTextContent(/^Next: Send the revised quote/),
      {
        timeout: 15_000,
      },
    );

    // Carry it to Lost with the keyboard and pick a reason from the workspace's list.
    const reasons = await demoClient().get('/v1/lost-reasons', {});
    const card = await found(cardOf, 'the card');
    card.focus();
    await userEvent.keyboard(' ');
    for (let step = 0; step < 8; step++) {
      const carried = await found(() => shadow.activeElement as HTMLElement | null, 'focus on the card');
      if (carried.closest('[part=drop-zone]')?.getAttribute('data-kind') === 'lost') break;
      await userEvent.keyboard('{ArrowRight}');
      await waitFor(() => expect((shadow.activeElement as HTMLElement | null)?.dataset.dealId).toBe(dealId), {
        timeout: 15_000,
      });
    }
    await expect(
      (shadow.activeElement as HTMLElement).closest('[part=drop-zone]')?.getAttribute('data-kind'),
    ).toBe('lost');
    await userEvent.keyboard(' ');
    const dialog = await found(
      () => shadow.querySelector<HTMLDialogElement>('#lost[open]'),
      'the Lost dialog',
    );
    const reason = reasons.data[0]!.label;
    await userEvent.click(
      await found(() => dialog.querySelector<HTMLElement>('label.choice'), 'the reasons'),
    );
    await userEvent.click(dialog.querySelector<HTMLButtonElement>('button[type=submit]')!);
    await waitFor(
      async () => {
        const lost = await demoClient().get('/v1/deals/{id}', { params: { path: { id: dealId } } });
        expect(lost).toMatchObject({ status: 'lost', lostReason: reason });
      },
      { timeout: 15_000 },
    );

    // Drill into Lost sales: the board shows the deals lost in the tiles' period, this one among them.
    const lostTile = await tileLabelled('Lost sales');
    await userEvent.click(lostTile.shadowRoot!.querySelector<HTMLButtonElement>('button[part=body]')!);
    const scope = await found(() => shadow.querySelector<HTMLElement>('.total.scope'), 'the scope line');
    await expect(scope).toHaveTextContent(/^Lost deals closed .+ – .+/);
    const lostStage = (await demoClient().get('/v1/pipelines', {})).data[0]!.stages.find(
      (s) => s.kind === 'lost',
    )!;
    await waitFor(
      () => {
        const columns = [...shadow.querySelectorAll<HTMLElement>('[part~=column]')];
        expect(columns.map((column) => column.querySelector('h3')?.textContent?.trim())).toEqual([
          lostStage.name,
        ]);
        expect(cardOf()?.closest('[part~=column]')).toBe(columns[0]);
      },
      { timeout: 15_000 },
    );
    // And back to every deal: the open stages return, the search typed above stays.
    await userEvent.click(scope.querySelector<HTMLButtonElement>('button')!);
    await waitFor(() => expect(shadow.querySelectorAll('[part~=column]').length).toBeGreaterThan(1), {
      timeout: 15_000,
    });
    await expect(shadow.querySelector('.total.scope')).toBeNull();
    await expect(shadow.querySelector<HTMLInputElement>('input[name=search]')!.value).toBe(title);
  },
};

/**
 * The marketing link: the funnel under the board counts the Marketing page's window, and choosing a
 * stage there opens the same contacts panel, as many rows as the stage's figure (first page shown).
 * A test only (`!dev`): the page itself is the story above.
 */
export const SalesWorkspaceFunnel: StoryObj = {
  name: 'Sales workspace: from the funnel to its contacts',
  tags: ['!dev'],
  play: async () => {
    await workspaceReady();
    const funnel = pageRoot().querySelector('chorus-lifecycle-funnel')!;
    expect(funnel.getAttribute('layout')).toBe('horizontal');
    const link = pageRoot().querySelector<HTMLAnchorElement>('a[href*="pages-marketing--marketing"]');
    expect(link?.textContent?.trim()).toBe('Open the Marketing page');
    const stage = await waitFor(
      () => {
        const button = [
          ...(funnel.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part=stage]') ?? []),
        ].find((b) => b.querySelector('.name')?.textContent?.trim() === 'Lead');
        if (!button) throw new Error('no Lead stage yet');
        return button;
      },
      { timeout: 15_000 },
    );
    // The Marketing page's window: its last 90 days.
    expect(Date.parse(funnel.getAttribute('to')!) - Date.parse(funnel.getAttribute('from')!)).toBe(
      90 * 86_400_000,
    );
    const expected = await demoClient().get('/v1/metrics/funnel', {
      params: { query: { from: funnel.getAttribute('from')!, to: funnel.getAttribute('to')! } },
    });
    const entered = expected.stages.find((s) => s.stage === 'lead')!.current.entered;
    await userEvent.click(stage);
    const panel = () => pageRoot().querySelector('demo-stage-entries')?.shadowRoot;
    await waitFor(
      () => expect(panel()?.querySelectorAll('[data-contact]').length).toBe(Math.min(10, entered)),
      {
        timeout: 15_000,
      },
    );
    expect(panel()!.querySelector('[data-count]')?.getAttribute('data-count')).toBe(String(entered));
    expect(panel()!.querySelector('[data-shown]')?.textContent?.trim()).toBe(
      `Showing ${Math.min(10, entered)} of ${entered}`,
    );
    // Closing it takes the panel away.
    const close = [...panel()!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Close')!;
    await userEvent.click(close);
    await waitFor(() => expect(pageRoot().querySelector('demo-stage-entries')).toBeNull());
  },
};
