import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type {
  BoardDeal,
  ChorusDealMovedEvent,
  ChorusDealMoveEvent,
  ChorusDealOpenEvent,
} from '../src/index.js';
import { call, expectNoAxeViolations, textOf, until, withProvider } from '@chorus/testing/browser';
import {
  alertText,
  announcement,
  boardFixture,
  boardOf,
  cardOf,
  columnOf,
  dealOn,
  mount,
  readBoard,
  shadow,
  titlesIn,
} from './support.js';

let demo: BrowserApiInfo;

beforeAll(async () => {
  demo = await testApi.demo();
  await page.viewport(1320, 900);
});

/** Money as the header shows it, straight from Intl: compact when its group's total is 100,000 units or more. */
function money(amount: number, currency: string, total = amount) {
  return Math.abs(total) / 100 >= 100_000
    ? new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      }).format(amount / 100)
    : new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount / 100);
}

const patches = async () => (await testApi.requests()).filter((r) => r.method === 'PATCH');

/** A connected board on a fresh workspace's pipeline, loaded. */
async function connectedBoard(live: 'on' | 'off' = 'on') {
  const api = await testApi.freshWorkspace();
  const fixture = await boardFixture(api);
  const root = mount(
    withProvider(
      api,
      html`<chorus-pipeline-board pipeline-id=${fixture.pipeline.id}></chorus-pipeline-board>`,
      { live },
    ),
  );
  const board = boardOf(root);
  await until(() => !!cardOf(board, fixture.deals[0].id), 'the cards');
  return { api, ...fixture, root, board };
}

/**
 * Focuses a card and presses keys one after another, each once focus is back on the card (a card
 * carried into another column is a new element there, focused on the next frame).
 */
async function keys(board: HTMLElement, dealId: string, ...sequence: string[]) {
  cardOf(board, dealId)!.focus();
  for (const key of sequence) {
    await until(
      () => (shadow(board).activeElement as HTMLElement | null)?.dataset['dealId'] === dealId,
      'focus on the card',
    );
    await userEvent.keyboard(key);
  }
}

describe('<chorus-pipeline-board> connected', () => {
  it("shows the seeded pipeline's columns with the counts, totals and weighted totals the API computes", async () => {
    const root = mount(
      withProvider(
        demo,
        html`<chorus-pipeline-board pipeline-id="pip_demonewbusiness"></chorus-pipeline-board>`,
      ),
    );
    const board = boardOf(root);
    const api = await readBoard(demo, 'pip_demonewbusiness');
    // Won and Lost are drop zones, shown only while a card is dragged: the columns are the open stages.
    const open = api.pipeline.stages.flatMap((stage, i) => (stage.kind === 'open' ? [{ stage, i }] : []));
    await until(() => shadow(board).querySelectorAll('section.column').length === open.length, 'columns');
    expect(shadow(board).querySelector('[part=drop-zone]')).toBeNull();
    const headers = [...shadow(board).querySelectorAll('section.column')].map((column) => ({
      name: textOf(column.querySelector('h3')),
      figures: textOf(column.querySelector('.figures')),
      definition: textOf(column.querySelector('[role=tooltip]')),
    }));
    expect(headers).toEqual(
      open.map(({ stage, i }) => {
        const figures = api.stages[i]!;
        expect(figures.stageId).toBe(stage.id);
        return {
          name: stage.name,
          figures: `${figures.count} deal${figures.count === 1 ? '' : 's'} ${money(figures.total, api.currency)} weighted ${money(figures.weighted, api.currency, figures.total)}`,
          definition: stage.definition,
        };
      }),
    );
    expect(textOf(shadow(board).querySelector('[part=total]'))).toBe(
      `Open pipeline ${api.totals.count} deals ${money(api.totals.total, api.currency)} weighted ${money(api.totals.weighted, api.currency, api.totals.total)}`,
    );
    // Only the cards in view are in the DOM: the columns are virtualized.
    await until(() => shadow(board).querySelectorAll('.card').length > 0, 'the cards');
    const rendered = shadow(board).querySelectorAll('.card').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(api.deals.length);
    await expectNoAxeViolations(board);
  });

  it('moves a deal with the keyboard, announces it, and keeps it after reload', async () => {
    const { api, board, deals, stages, pipeline } = await connectedBoard();
    const moved: ChorusDealMovedEvent[] = [];
    board.addEventListener('chorus-deal-moved', (e) => moved.push(e));
    const before = dealOn(await readBoard(api, pipeline.id), deals[1].id);

    await keys(board, deals[1].id, ' ');
    await until(() => announcement(board) === 'Desks picked up in Lead in, position 2 of 3.', 'the lift');
    await keys(board, deals[1].id, '{ArrowRight}');
    await until(() => columnOf(board, deals[1].id) === 1, 'the carried card in Qualified');
    await until(() => announcement(board) === 'Desks: Qualified, position 2 of 2.', 'position 2');
    await keys(board, deals[1].id, '{ArrowUp}');
    await until(() => announcement(board) === 'Desks: Qualified, position 1 of 2.', 'position 1');
    // A keyboard drag in progress is accessible too.
    await expectNoAxeViolations(board);
    await keys(board, deals[1].id, ' ');
    await until(() => moved.length === 1, 'the move to be saved');
    expect(announcement(board)).toBe('Deal Desks moved to Qualified, position 1 of 2.');
    expect(titlesIn(board, 1)).toEqual(['Desks', 'Lamps']);
    expect(board.shadowRoot!.activeElement).toBe(cardOf(board, deals[1].id));

    const after = dealOn(await readBoard(api, pipeline.id), deals[1].id);
    expect(after.stageId).toBe(stages[1]!.id);
    expect(Date.parse(after.stageEnteredAt)).toBeGreaterThan(Date.parse(before.stageEnteredAt));
    expect(moved[0]!.deal.stageEnteredAt).toBe(after.stageEnteredAt);

    // Reload: a new provider (a new cache) reads the board again.
    const reloaded = boardOf(
      mount(
        withProvider(api, html`<chorus-pipeline-board pipeline-id=${pipeline.id}></chorus-pipeline-board>`),
      ),
    );
    await until(() => columnOf(reloaded, deals[1].id) === 1, 'the reloaded board');
    // The place within the column too: first, above Lamps.
    await until(() => titlesIn(reloaded, 1).join() === 'Desks,Lamps', 'the order after reload');
  });

  it('shows Saving, then the move with Undo; Undo puts the deal back where it was, for every reader', async () => {
    const { api, board, deals, stages, pipeline } = await connectedBoard();
    const toast = () => shadow(board).querySelector<HTMLElement>('[part=toast]');
    const seen: string[] = [];
    const watch = new MutationObserver(() => {
      const text = textOf(toast());
      if (text && seen.at(-1) !== text) seen.push(text);
    });
    watch.observe(shadow(board), { subtree: true, childList: true, characterData: true });

    await keys(board, deals[1].id, ' ', '{ArrowRight}', ' ');
    await until(() => textOf(toast()) === '“Desks” moved to Qualified. Undo', 'the saved toast');
    watch.disconnect();
    // The saving state was shown before the answer came.
    expect(seen[0]).toBe('Saving “Desks”…');
    expect(dealOn(await readBoard(api, pipeline.id), deals[1].id).stageId).toBe(stages[1]!.id);
    await expectNoAxeViolations(board);

    await userEvent.click(toast()!.querySelector('button')!);
    await until(() => textOf(toast()) === '“Desks” moved back to Lead in.', 'the undone toast');
    // No Undo of an undo.
    expect(toast()!.querySelector('button')).toBeNull();
    await until(() => columnOf(board, deals[1].id) === 0, 'the card back in Lead in');
    // In its old place (second), on the server too.
    expect(titlesIn(board, 0)).toEqual(['Monitors', 'Desks', 'Chairs']);
    const server = await readBoard(api, pipeline.id);
    expect(server.deals.filter((d) => d.stageId === stages[0]!.id).map((d) => d.title)).toEqual([
      'Monitors',
      'Desks',
      'Chairs',
    ]);

    // Ctrl+Z on the board undoes too, while the toast offers it.
    await keys(board, deals[1].id, ' ', '{ArrowRight}', ' ');
    await until(() => textOf(toast()).endsWith('Undo'), 'the second saved toast');
    cardOf(board, deals[1].id)!.focus();
    await userEvent.keyboard('{Control>}z{/Control}');
    await until(() => columnOf(board, deals[1].id) === 0, 'the card back after Ctrl+Z');
  });

  it('moves a deal within its column and keeps that order after reload, for every reader', async () => {
    const { api, board, deals, pipeline } = await connectedBoard();
    const moved: ChorusDealMovedEvent[] = [];
    board.addEventListener('chorus-deal-moved', (e) => moved.push(e));
    await testApi.resetRequests();
    await keys(board, deals[2].id, ' ', '{ArrowUp}', '{ArrowUp}', ' ');
    await until(() => moved.length === 1, 'the reorder to be saved');
    expect(titlesIn(board, 0)).toEqual(['Chairs', 'Monitors', 'Desks']);
    expect(announcement(board)).toBe('Deal Chairs is now position 1 of 3 in Lead in.');
    expect(moved[0]!.from.id).toBe(moved[0]!.to.id);
    // One write, of the moved deal only: placed first, before Monitors.
    const writes = await patches();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.path).toBe(`/v1/deals/${deals[2].id}`);

    // A reload (a new provider, a new cache) shows the same order.
    const reloaded = boardOf(
      mount(
        withProvider(api, html`<chorus-pipeline-board pipeline-id=${pipeline.id}></chorus-pipeline-board>`),
      ),
    );
    await until(() => titlesIn(reloaded, 0).join() === 'Chairs,Monitors,Desks', 'the order after reload');
    // And so does any other reader of the API: the order is the stored ranks.
    const read = await readBoard(api, pipeline.id);
    const byRank = read.deals
      .filter((d) => d.stageId === pipeline.stages[0].id)
      .sort((a, b) => (a.rank < b.rank ? -1 : 1))
      .map((d) => d.title);
    expect(byRank).toEqual(['Chairs', 'Monitors', 'Desks']);
  });

  it("loads a column's next cards as it scrolls; the header keeps the server's figures", async () => {
    const api = await testApi.freshWorkspace();
    const { pipeline } = await boardFixture(api);
    const lead = pipeline.stages[0].id;
    // 3 deals from the fixture and 57 more: 60 in Lead in, more than the first read's 25 per column.
    for (let i = 0; i < 57; i++) {
      await call(api, 'POST', '/v1/deals', {
        title: `Extra ${i}`,
        value: { amount: 1000, currency: 'EUR' },
        pipelineId: pipeline.id,
        stageId: lead,
      });
    }
    const server = await readBoard(api, pipeline.id);
    const last = server.deals.filter((d) => d.stageId === lead).length;
    expect(last).toBe(50);
    await testApi.resetRequests();
    const board = boardOf(
      mount(
        withProvider(api, html`<chorus-pipeline-board pipeline-id=${pipeline.id}></chorus-pipeline-board>`),
      ),
    );
    const header = () => textOf(shadow(board).querySelector('section.column[data-list="0"] .figures'));
    const figures = `60 deals ${money(server.stages[0]!.total, 'EUR')} weighted ${money(server.stages[0]!.weighted, 'EUR', server.stages[0]!.total)}`;
    await until(() => header() === figures, 'the server figures');
    const list = shadow(board).querySelector<HTMLElement>('.cards[data-list="0"]')!;
    // Cards say their place among all 60, not among those loaded.
    expect(list.querySelector('[role=listitem]')?.getAttribute('aria-setsize')).toBe('60');
    await until(async () => {
      list.scrollTop = list.scrollHeight;
      await new Promise(requestAnimationFrame);
      return titlesIn(board, 0).includes('Extra 56');
    }, 'the last card, from the next page');
    const reads = (await testApi.requests()).filter((r) => r.method === 'GET').map((r) => r.path);
    expect(
      reads.filter((path) => path.startsWith(`/v1/pipelines/${pipeline.id}/board/stages/${lead}`)),
    ).toHaveLength(1);
    expect(reads.filter((path) => path === `/v1/pipelines/${pipeline.id}/board`)).toHaveLength(1);
    expect(header()).toBe(figures);
  });

  it('says a scope a page sets (a drill-down) once its deals are in, once, and the way back too', async () => {
    const api = await testApi.freshWorkspace();
    const { pipeline, deals, stages } = await boardFixture(api);
    // Lamps was lost before the page opened; the board does not follow the feed, so nothing else is said.
    await call(
      api,
      'PATCH',
      `/v1/deals/${deals[3].id}`,
      { stageId: stages[4]!.id, lostReason: 'Price' },
      { 'If-Match': '"1"' },
    );
    const board = boardOf(
      mount(
        withProvider(api, html`<chorus-pipeline-board pipeline-id=${pipeline.id}></chorus-pipeline-board>`, {
          live: 'off',
        }),
      ),
    );
    await until(() => !!cardOf(board, deals[0].id), 'the cards');
    const said: string[] = [];
    const region = shadow(board).querySelector('[role=status][aria-live]')!;
    const watch = new MutationObserver(() => said.push(textOf(region)));
    watch.observe(region, { subtree: true, childList: true, characterData: true });

    const day = 86_400_000;
    board.filter = {
      status: 'lost',
      closedFrom: new Date(Date.now() - 30 * day).toISOString(),
      closedTo: new Date(Date.now() + day).toISOString(),
    };
    await until(
      () => textOf(shadow(board).querySelector('.total.scope')).includes('1 deal'),
      'the lost deal',
    );
    await until(() => said.length > 0, 'the scope said');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Lost deals closed .+ – .+: 1 deal, €150\.00\.$/);

    await userEvent.click(shadow(board).querySelector<HTMLButtonElement>('.total.scope button')!);
    await until(() => said.length > 1, 'all deals said');
    await new Promise((resolve) => setTimeout(resolve, 500));
    watch.disconnect();
    expect(said.slice(1)).toEqual(['Open pipeline: 3 deals, €2,300.00.']);
  });

  it('filters and orders on the server when connected: the figures count what the filter keeps', async () => {
    const { board } = await connectedBoard();
    await testApi.resetRequests();
    const toolbar = shadow(board).querySelector('form')!;
    await userEvent.fill(toolbar.querySelector('input[name=search]')!, 'desk');
    const header = (list: number) =>
      textOf(shadow(board).querySelector(`section.column[data-list="${list}"] .figures`));
    await until(() => header(0) === '1 deal €800.00 weighted €80.00', 'the filtered figures');
    expect(titlesIn(board, 0)).toEqual(['Desks']);
    expect(header(1)).toBe('0 deals €0.00 weighted €0.00');
    await userEvent.fill(toolbar.querySelector('input[name=search]')!, '');
    await userEvent.selectOptions(toolbar.querySelector<HTMLSelectElement>('select[name=sort]')!, 'value');
    await until(() => titlesIn(board, 0).join() === 'Monitors,Desks,Chairs', 'ordered by value');
    expect(header(0)).toBe('3 deals €2,300.00 weighted €230.00');
    // The loaded cards are ordered at once while the server's ordered page is on its way,
    // so wait for that request rather than read the log at the moment the order shows.
    const boardReads = async () =>
      (await testApi.requests()).filter((r) => r.method === 'GET' && r.path.endsWith('/board'));
    const param = async (name: string) =>
      (await boardReads()).map((r) => new URLSearchParams(r.search).get(name));
    await until(async () => (await param('sort')).includes('value'), 'the board read ordered by value');
    expect(await param('q')).toContain('desk');
  });

  it('cancels a keyboard move with Escape: the card goes back and no request is sent', async () => {
    const { board, deals } = await connectedBoard();
    const starts: ChorusDealMoveEvent[] = [];
    board.addEventListener('chorus-deal-move', (e) => starts.push(e));
    await testApi.resetRequests();
    await keys(board, deals[0].id, ' ', '{ArrowRight}', '{ArrowRight}');
    await until(() => columnOf(board, deals[0].id) === 2, 'the carried card in Proposal');
    await keys(board, deals[0].id, '{Escape}');
    await until(() => columnOf(board, deals[0].id) === 0, 'the card back in Lead in');
    expect(announcement(board)).toBe('Move cancelled: Monitors is back in Lead in.');
    expect(titlesIn(board, 0)).toEqual(['Monitors', 'Desks', 'Chairs']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await patches()).toEqual([]);
    expect(starts).toEqual([]);
  });

  it('moves a deal by pointer drag and drop and keeps it after reload', async () => {
    const { api, board, deals, stages, pipeline } = await connectedBoard();
    const before = dealOn(await readBoard(api, pipeline.id), deals[2].id);
    const moved: ChorusDealMovedEvent[] = [];
    board.addEventListener('chorus-deal-moved', (e) => moved.push(e));
    const target = shadow(board).querySelector<HTMLElement>('section.column[data-list="2"]')!;
    await userEvent.dragAndDrop(cardOf(board, deals[2].id)!, target);
    await until(() => moved.length === 1, 'the drop to be saved');
    expect(columnOf(board, deals[2].id)).toBe(2);
    const after = dealOn(await readBoard(api, pipeline.id), deals[2].id);
    expect(after.stageId).toBe(stages[2]!.id);
    expect(Date.parse(after.stageEnteredAt)).toBeGreaterThan(Date.parse(before.stageEnteredAt));
    const reloaded = boardOf(
      mount(
        withProvider(api, html`<chorus-pipeline-board pipeline-id=${pipeline.id}></chorus-pipeline-board>`),
      ),
    );
    await until(() => columnOf(reloaded, deals[2].id) === 2, 'the reloaded board');
  });

  it('asks why a deal was lost, sends nothing without a reason, and closes it with one', async () => {
    const { api, board, deals, pipeline } = await connectedBoard();
    await testApi.resetRequests();
    await keys(board, deals[3].id, ' ', '{ArrowRight}', '{ArrowRight}', '{ArrowRight}', ' ');
    const dialog = () => shadow(board).querySelector('dialog');
    await until(() => !!dialog()?.open, 'the Lost dialog');
    expect(textOf(dialog()!.querySelector('h2'))).toBe('Why was “Lamps” lost?');
    await expectNoAxeViolations(board);
    const confirm = dialog()!.querySelector<HTMLButtonElement>('button[type=submit]')!;
    await userEvent.click(confirm);
    // Blanks are not a reason either.
    await userEvent.type(dialog()!.querySelector('textarea')!, '   ');
    await userEvent.click(confirm);
    expect(dialog()?.open).toBe(true);
    expect(await patches()).toEqual([]);
    await userEvent.fill(dialog()!.querySelector('textarea')!, 'Chose a competitor');
    await userEvent.click(confirm);
    await until(async () => dealOn(await readBoard(api, pipeline.id), deals[3].id).status === 'lost', 'lost');
    const deal = await call(api, 'GET', `/v1/deals/${deals[3].id}`);
    expect(deal).toMatchObject({ status: 'lost', lostReason: 'Chose a competitor' });
    // Lost is a drop zone, gone once the move is made: the card leaves the board.
    await until(() => columnOf(board, deals[3].id) === -1, 'the card off the board');
  });

  it("offers the workspace's lost reasons, and sends the one chosen", async () => {
    const { api, board, deals } = await connectedBoard();
    await keys(board, deals[3].id, ' ', '{ArrowRight}', '{ArrowRight}', '{ArrowRight}', ' ');
    const dialog = () => shadow(board).querySelector('dialog');
    await until(() => (dialog()?.querySelectorAll('input[type=radio]').length ?? 0) === 6, 'the reasons');
    const labels = [...dialog()!.querySelectorAll('label.choice')].map((label) => textOf(label));
    const reasons = await call<{ data: { label: string }[] }>(api, 'GET', '/v1/lost-reasons');
    expect(labels).toEqual([...reasons.data.map((reason) => reason.label), 'Other']);
    await expectNoAxeViolations(board);
    await userEvent.click(dialog()!.querySelectorAll<HTMLElement>('label.choice')[1]!);
    await userEvent.click(dialog()!.querySelector<HTMLButtonElement>('button[type=submit]')!);
    await until(
      async () => (await call(api, 'GET', `/v1/deals/${deals[3].id}`)).lostReason === reasons.data[1]!.label,
      'the chosen reason saved',
    );
  });

  it('shows Won and Lost as drop zones only while a card is carried, and drops on them by keyboard', async () => {
    const { api, board, deals } = await connectedBoard();
    const zones = () => [...shadow(board).querySelectorAll('[part=drop-zone]')].map((zone) => textOf(zone));
    expect(zones()).toEqual([]);
    // Lamps is in Qualified (column 1): two steps right is Won, the first zone.
    await keys(board, deals[3].id, ' ');
    await until(() => zones().length === 2, 'the drop zones');
    expect(zones()).toEqual(['Drop here: Won (won)', 'Drop here: Lost (lost)']);
    await keys(board, deals[3].id, '{ArrowRight}', '{ArrowRight}');
    await until(() => columnOf(board, deals[3].id) === 3, 'the card carried over Won');
    expect(announcement(board)).toBe('Lamps: Won, position 1 of 1.');
    await expectNoAxeViolations(board);
    await keys(board, deals[3].id, ' ');
    await until(async () => (await call(api, 'GET', `/v1/deals/${deals[3].id}`)).status === 'won', 'won');
    await until(() => zones().length === 0, 'the zones gone');
  });

  it('shows the zones while a card is dragged by pointer, and takes a drop on Won', async () => {
    const { api, board, deals } = await connectedBoard();
    const card = cardOf(board, deals[1].id)!;
    const transfer = new DataTransfer();
    card.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: transfer }));
    await until(() => !!shadow(board).querySelector('[part=drop-zone][data-kind=won]'), 'the Won zone');
    const won = shadow(board).querySelector<HTMLElement>('[part=drop-zone][data-kind=won]')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      won.dispatchEvent(
        new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }),
      );
    await until(async () => (await call(api, 'GET', `/v1/deals/${deals[1].id}`)).status === 'won', 'won');
    await until(() => !shadow(board).querySelector('[part=drop-zone]'), 'the zones gone');
  });

  it("shows a deal's next activity from its open tasks", async () => {
    const api = await testApi.freshWorkspace();
    const fixture = await boardFixture(api);
    const contact = await call(api, 'POST', '/v1/contacts', { firstName: 'Tess' });
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await call(api, 'POST', '/v1/activities', {
      type: 'call',
      contactId: contact.id,
      dealId: fixture.deals[0].id,
      dueAt: soon,
      body: 'Call about the quote',
    });
    const board = boardOf(
      mount(
        withProvider(
          api,
          html`<chorus-pipeline-board pipeline-id=${fixture.pipeline.id}></chorus-pipeline-board>`,
        ),
      ),
    );
    await until(() => !!cardOf(board, fixture.deals[0].id)?.querySelector('.next'), 'the next activity');
    const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(soon));
    expect(textOf(cardOf(board, fixture.deals[0].id)!.querySelector('.next'))).toBe(
      `Next: Call about the quote, ${date}`,
    );
    expect(cardOf(board, fixture.deals[1].id)!.querySelector('.next')).toBeNull();
  });

  it('adds a deal into a stage with a new contact, and shows it there', async () => {
    const { api, board, pipeline, stages } = await connectedBoard();
    const add = shadow(board).querySelector<HTMLButtonElement>('section.column[data-list="1"] button.add')!;
    expect(add.getAttribute('aria-label')).toBe('Add a deal to Qualified');
    await userEvent.click(add);
    const dialog = () => shadow(board).querySelector<HTMLDialogElement>('#quick-add');
    await until(() => !!dialog()?.open, 'the quick add form');
    expect(textOf(dialog()!.querySelector('h2'))).toBe('New deal in Qualified');
    await expectNoAxeViolations(board);
    await userEvent.fill(dialog()!.querySelector('input[name=title]')!, 'Speakers');
    await userEvent.fill(dialog()!.querySelector('input[name=amount]')!, '1200.50');
    await userEvent.fill(dialog()!.querySelector('input[name=firstName]')!, 'Nia');
    await userEvent.fill(dialog()!.querySelector('input[name=lastName]')!, 'Quick');
    await userEvent.click(dialog()!.querySelector<HTMLButtonElement>('button.primary')!);
    await until(() => !dialog(), 'the form closed');
    await until(() => titlesIn(board, 1).includes('Speakers'), 'the new card in Qualified');
    expect(announcement(board)).toBe('Deal Speakers added to Qualified.');
    // Seen too, not only heard: the card may be out of sight in its column.
    expect(textOf(shadow(board).querySelector('[part=toast]'))).toBe('Deal Speakers added to Qualified.');
    const created = (await readBoard(api, pipeline.id)).deals.find((d) => d.title === 'Speakers')!;
    expect(created).toMatchObject({ stageId: stages[1]!.id, value: { amount: 120_050, currency: 'EUR' } });
    const contact = await call(api, 'GET', `/v1/contacts/${created.contactId}`);
    expect(contact).toMatchObject({ firstName: 'Nia', lastName: 'Quick' });
  });

  it('finds an existing contact for a new deal by search', async () => {
    const { api, board, pipeline } = await connectedBoard();
    const zed = await call(api, 'POST', '/v1/contacts', { firstName: 'Zed', lastName: 'Zebrafinch' });
    await userEvent.click(
      shadow(board).querySelector<HTMLButtonElement>('section.column[data-list="0"] button.add')!,
    );
    const dialog = () => shadow(board).querySelector<HTMLDialogElement>('#quick-add');
    await until(() => !!dialog()?.open, 'the quick add form');
    await userEvent.fill(dialog()!.querySelector('input[name=search]')!, 'zebrafinch');
    await userEvent.keyboard('{Enter}');
    const found = () => dialog()?.querySelector<HTMLInputElement>(`input[name=contact][value="${zed.id}"]`);
    await until(() => !!found(), 'the contact found');
    expect(dialog()!.open).toBe(true);
    await userEvent.click(found()!);
    await userEvent.fill(dialog()!.querySelector('input[name=title]')!, 'Headphones');
    await userEvent.fill(dialog()!.querySelector('input[name=amount]')!, '99');
    await userEvent.click(dialog()!.querySelector<HTMLButtonElement>('button.primary')!);
    await until(() => !dialog(), 'the form closed');
    const created = (await readBoard(api, pipeline.id)).deals.find((d) => d.title === 'Headphones')!;
    expect(created.contactId).toBe(zed.id);
  });

  it("shows the API's problem details beside the fields they name, and adds nothing", async () => {
    const { api, board, pipeline } = await connectedBoard();
    await userEvent.click(
      shadow(board).querySelector<HTMLButtonElement>('section.column[data-list="0"] button.add')!,
    );
    const dialog = () => shadow(board).querySelector<HTMLDialogElement>('#quick-add')!;
    await until(() => !!dialog()?.open, 'the quick add form');
    await userEvent.fill(dialog().querySelector('input[name=title]')!, '   ');
    await userEvent.fill(dialog().querySelector('input[name=amount]')!, 'lots');
    await userEvent.click(dialog().querySelector<HTMLButtonElement>('button.primary')!);
    await until(() => textOf(dialog().querySelector('#qa-title-error')) !== '', 'the field errors');
    expect(textOf(dialog().querySelector('#qa-title-error'))).toBe(
      'Give the deal a title of up to 200 characters.',
    );
    expect(textOf(dialog().querySelector('#qa-amount-error'))).toBe(
      'Enter the value as a number, such as 1200 or 1200.50.',
    );
    expect(dialog().querySelector('input[name=title]')!.getAttribute('aria-invalid')).toBe('true');
    expect(dialog().querySelector('input[name=amount]')!.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(board);
    expect((await readBoard(api, pipeline.id)).deals).toHaveLength(4);
  });

  it('cancelling the Lost dialog keeps the deal where it was', async () => {
    const { board, deals } = await connectedBoard();
    await testApi.resetRequests();
    await keys(board, deals[3].id, ' ', '{ArrowRight}', '{ArrowRight}', '{ArrowRight}', ' ');
    await until(() => !!shadow(board).querySelector('dialog')?.open, 'the Lost dialog');
    await userEvent.keyboard('{Escape}');
    await until(() => !shadow(board).querySelector('dialog'), 'the dialog to close');
    await until(() => columnOf(board, deals[3].id) === 1, 'the card back in Qualified');
    expect(await patches()).toEqual([]);
  });

  it('rolls a refused move back and says why', async () => {
    const { api, board, deals, pipeline } = await connectedBoard();
    await keys(board, deals[0].id, ' ', '{ArrowRight}', '{ArrowRight}', '{ArrowRight}', '{ArrowRight}', ' ');
    await until(() => !!shadow(board).querySelector('dialog')?.open, 'the Lost dialog');
    // A script (or an autofill) can put more in the field than its maxlength: the server refuses it.
    shadow(board).querySelector('textarea')!.value = 'x'.repeat(600);
    await userEvent.click(shadow(board).querySelector<HTMLButtonElement>('dialog button[type=submit]')!);
    await until(() => alertText(board).startsWith('Could not move Monitors:'), 'the refusal');
    expect(alertText(board)).toContain('It is back in Lead in.');
    await until(() => columnOf(board, deals[0].id) === 0, 'the card back in Lead in');
    expect(dealOn(await readBoard(api, pipeline.id), deals[0].id).status).toBe('open');
  });

  it('refetches and tells the user when someone else changed the deal (412)', async () => {
    // Not live: a live board would have the new version before the move. This is the board that
    // has not heard yet (a dropped stream, or the second before the event arrives).
    const { api, board, deals, pipeline } = await connectedBoard('off');
    await call(api, 'PATCH', `/v1/deals/${deals[1].id}`, { title: 'Standing desks' }, { 'If-Match': '"1"' });
    await keys(board, deals[1].id, ' ', '{ArrowRight}', ' ');
    await until(() => alertText(board).includes('was changed by someone else'), 'the conflict message');
    expect(alertText(board)).toContain('The board has been reloaded.');
    await until(
      () => textOf(cardOf(board, deals[1].id)?.querySelector('.title')) === 'Standing desks',
      'the refetch',
    );
    expect(columnOf(board, deals[1].id)).toBe(0);
    expect(dealOn(await readBoard(api, pipeline.id), deals[1].id).stageId).toBe(pipeline.stages[0].id);
  });

  it('a cancelled chorus-deal-move keeps the deal and sends nothing', async () => {
    const { board, deals } = await connectedBoard();
    board.addEventListener('chorus-deal-move', (e) => e.preventDefault());
    await testApi.resetRequests();
    await keys(board, deals[0].id, ' ', '{ArrowRight}', ' ');
    await until(() => announcement(board) === 'Move cancelled: Monitors is back in Lead in.', 'the cancel');
    expect(columnOf(board, deals[0].id)).toBe(0);
    expect(await patches()).toEqual([]);
  });

  it('shows an error with a retry for a pipeline that does not exist', async () => {
    const board = boardOf(
      mount(
        withProvider(
          demo,
          html`<chorus-pipeline-board pipeline-id="pip_doesnotexist01"></chorus-pipeline-board>`,
        ),
      ),
    );
    await until(() => alertText(board).startsWith('The board could not be loaded'), 'the error', 20_000);
    expect(shadow(board).querySelector('.problem button')).not.toBeNull();
    await expectNoAxeViolations(board);
  });
});

const stages = [
  {
    id: 'stg_a',
    name: 'Lead in',
    position: 0,
    kind: 'open',
    probability: 0.2,
    definition: 'Interest.',
    rottingDays: 5,
  },
  {
    id: 'stg_b',
    name: 'Proposal',
    position: 1,
    kind: 'open',
    probability: 0.5,
    definition: 'Sent.',
    rottingDays: null,
  },
  {
    id: 'stg_w',
    name: 'Won',
    position: 2,
    kind: 'won',
    probability: 1,
    definition: 'Signed.',
    rottingDays: null,
  },
] as const;
const pipeline = { id: 'pip_x', name: 'Demo', createdAt: '2026-01-01T00:00:00.000Z', stages: [...stages] };
const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
/** Ranks in the order deals are made, as the API gives new deals: each goes last. */
let made = 0;
const deal = (id: string, title: string, stageId: string, extra: Partial<BoardDeal> = {}): BoardDeal => ({
  id,
  title,
  value: { amount: 100_000, currency: 'EUR' },
  stageId,
  status: 'open',
  contactId: null,
  companyId: null,
  companyName: 'Acme',
  ownerId: 'usr_1',
  ownerName: 'Ada',
  expectedCloseDate: null,
  nextActivity: null,
  stageEnteredAt: days(2),
  closedAt: null,
  rank: `f${(made++).toString(16).padStart(6, '0')}`,
  version: 1,
  ...extra,
});

describe('<chorus-pipeline-board> presentational', () => {
  it('renders hostile titles and company names as inert text', async () => {
    const hostile = '<img src=x onerror="window.hacked=1"><script>window.hacked=1</script>';
    const root = mount(
      html`<chorus-pipeline-board
        .pipeline=${pipeline}
        .deals=${[deal('deal_1', hostile, 'stg_a', { companyName: '"><svg onload="window.hacked=1">' })]}
      ></chorus-pipeline-board>`,
    );
    const board = boardOf(root);
    await until(() => !!cardOf(board, 'deal_1'), 'the card');
    expect(textOf(cardOf(board, 'deal_1')!.querySelector('.title'))).toBe(hostile);
    expect(shadow(board).querySelector('img, script, svg')).toBeNull();
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it('marks stale deals by the stage threshold, the page override and the board default', async () => {
    const root = mount(
      html`<chorus-pipeline-board
        rotting-days="30"
        .pipeline=${pipeline}
        .deals=${[
          deal('deal_1', 'Old lead', 'stg_a', { stageEnteredAt: days(6) }),
          deal('deal_2', 'Fresh lead', 'stg_a', { stageEnteredAt: days(1) }),
          deal('deal_3', 'Old proposal', 'stg_b', { stageEnteredAt: days(40) }),
          deal('deal_4', 'Newer proposal', 'stg_b', { stageEnteredAt: days(20) }),
        ]}
      ></chorus-pipeline-board>`,
    );
    const board = boardOf(root);
    await until(() => !!cardOf(board, 'deal_4'), 'the cards');
    const stale = () =>
      [...shadow(board).querySelectorAll('.card.stale')]
        .map((c) => (c as HTMLElement).dataset['dealId'])
        .sort();
    expect(stale()).toEqual(['deal_1', 'deal_3']);
    expect(textOf(cardOf(board, 'deal_1')!.querySelector('.age'))).toBe('6 days in stage Stale');
    board.stageRottingDays = { stg_b: 10 };
    await until(() => stale().length === 3, 'the override');
    expect(stale()).toEqual(['deal_1', 'deal_3', 'deal_4']);
  });

  it('shows only the won deals of a closed window when a page scopes it, and goes back to all', async () => {
    const closed = days(3);
    const board = boardOf(
      mount(
        html`<chorus-pipeline-board
          .pipeline=${pipeline}
          .deals=${[
            deal('deal_1', 'Monitors', 'stg_a'),
            deal('deal_2', 'Desks', 'stg_w', { status: 'won', closedAt: closed }),
            deal('deal_3', 'Chairs', 'stg_w', { status: 'won', closedAt: days(40) }),
          ]}
          .filter=${{ status: 'won', closedFrom: days(30), closedTo: days(0) }}
        ></chorus-pipeline-board>`,
      ),
    );
    await until(() => !!cardOf(board, 'deal_2'), 'the won card');
    const headers = () => [...shadow(board).querySelectorAll('[part~=column] h3')].map(textOf);
    expect(headers()).toEqual(['Won']);
    expect(cardOf(board, 'deal_3')).toBeNull();
    const scope = shadow(board).querySelector<HTMLElement>('.total.scope')!;
    expect(textOf(scope)).toMatch(/^Won deals closed .+ – .+ 1 deal €1,000\.00 Show all deals$/);
    await expectNoAxeViolations(board);
    await userEvent.click(scope.querySelector('button')!);
    await until(() => headers().length === 2, 'the open stages back');
    expect(headers()).toEqual(['Lead in', 'Proposal']);
    expect(shadow(board).querySelector('.total.scope')).toBeNull();
  });

  it('moves without a server: replaces .deals and fires move, moved and open events', async () => {
    const deals = [deal('deal_1', 'Monitors', 'stg_a'), deal('deal_2', 'Desks', 'stg_b')];
    const board = boardOf(
      mount(html`<chorus-pipeline-board .pipeline=${pipeline} .deals=${deals}></chorus-pipeline-board>`),
    );
    const events: string[] = [];
    board.addEventListener('chorus-deal-move', (e) => events.push(`${e.type}:${e.to.name}`));
    board.addEventListener('chorus-deal-moved', (e) => events.push(`${e.type}:${e.deal.stageId}`));
    board.addEventListener('chorus-deal-open', (e: ChorusDealOpenEvent) =>
      events.push(`${e.type}:${e.deal.id}`),
    );
    await until(() => !!cardOf(board, 'deal_1'), 'the card');
    await keys(board, 'deal_1', ' ', '{ArrowRight}', ' ');
    await until(() => board.deals[0]!.stageId === 'stg_b', 'the move');
    expect(events).toEqual(['chorus-deal-move:Proposal', 'chorus-deal-moved:stg_b']);
    // Carried across at the same height: the top of Proposal.
    expect(titlesIn(board, 1)).toEqual(['Monitors', 'Desks']);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(cardOf(board, 'deal_2')!);
    // What a screen reader's activation sends: a click with no pointer behind it.
    cardOf(board, 'deal_1')!.click();
    expect(events.slice(2)).toEqual([
      'chorus-deal-open:deal_1',
      'chorus-deal-open:deal_2',
      'chorus-deal-open:deal_1',
    ]);
  });

  it('filters by text, owner and value, sorts within columns, and says when nothing matches', async () => {
    const deals = [
      deal('deal_1', 'Monitors', 'stg_a', { value: { amount: 50_000, currency: 'EUR' } }),
      deal('deal_2', 'Desks', 'stg_a', {
        value: { amount: 250_000, currency: 'EUR' },
        ownerId: 'usr_2',
        ownerName: 'Bo',
      }),
      deal('deal_3', 'Chairs', 'stg_a', {
        value: { amount: 150_000, currency: 'EUR' },
        companyName: 'Northwind',
      }),
    ];
    const board = boardOf(
      mount(html`<chorus-pipeline-board .pipeline=${pipeline} .deals=${deals}></chorus-pipeline-board>`),
    );
    await until(() => titlesIn(board, 0).length === 3, 'the cards');
    const toolbar = shadow(board).querySelector('form')!;
    await userEvent.selectOptions(toolbar.querySelector<HTMLSelectElement>('select[name=sort]')!, 'value');
    await until(() => titlesIn(board, 0).join() === 'Desks,Chairs,Monitors', 'sorted by value');
    await userEvent.fill(toolbar.querySelector('input[name=search]')!, 'north');
    await until(() => titlesIn(board, 0).join() === 'Chairs', 'the company search');
    await userEvent.fill(toolbar.querySelector('input[name=search]')!, '');
    await userEvent.selectOptions(toolbar.querySelector<HTMLSelectElement>('select[name=owner]')!, 'usr_2');
    await until(() => titlesIn(board, 0).join() === 'Desks', 'the owner filter');
    await userEvent.selectOptions(toolbar.querySelector<HTMLSelectElement>('select[name=owner]')!, '');
    await userEvent.fill(toolbar.querySelector('input[name=min]')!, '1000');
    await userEvent.fill(toolbar.querySelector('input[name=max]')!, '2000');
    await userEvent.keyboard('{Tab}');
    await until(() => titlesIn(board, 0).join() === 'Chairs', 'the value range');
    expect(textOf(shadow(board).querySelector('section.column[data-list="0"] .figures'))).toBe(
      '1 deal €1,500.00 weighted €300.00',
    );
    await userEvent.fill(toolbar.querySelector('input[name=search]')!, 'nothing like this');
    await until(
      () => textOf(shadow(board).querySelector('.notice')) === 'No deals match these filters.',
      'no matches',
    );
    await expectNoAxeViolations(board);
  });

  it("shows a stage's definition on focus of its button, and Escape hides it", async () => {
    const board = boardOf(
      mount(html`<chorus-pipeline-board .pipeline=${pipeline} .deals=${[]}></chorus-pipeline-board>`),
    );
    await until(() => !!shadow(board).querySelector('.about'), 'the headers');
    const about = shadow(board).querySelector<HTMLButtonElement>('.about')!;
    const definition = shadow(board).querySelector<HTMLElement>('#definition-0')!;
    expect(getComputedStyle(definition).display).toBe('none');
    about.focus();
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await until(() => getComputedStyle(definition).display === 'block', 'the definition shown');
    expect(textOf(definition)).toBe('Interest.');
    await userEvent.keyboard('{Escape}');
    await until(() => getComputedStyle(definition).display === 'none', 'the definition dismissed');
  });

  it('shows the definition above the cards under it, and long ones in full', async () => {
    const long = {
      ...stages[0],
      definition: 'Asked for a call back, with a budget owner named and a date agreed. '.repeat(3),
    };
    const board = boardOf(
      mount(
        html`<chorus-pipeline-board
          .pipeline=${{ ...pipeline, stages: [long, ...stages.slice(1)] }}
          .deals=${[deal('deal_1', 'Monitors', 'stg_a'), deal('deal_2', 'Desks', 'stg_a')]}
        ></chorus-pipeline-board>`,
      ),
    );
    await until(() => !!cardOf(board, 'deal_2'), 'the cards');
    const about = shadow(board).querySelector<HTMLButtonElement>('.about')!;
    const definition = shadow(board).querySelector<HTMLElement>('#definition-0')!;
    await userEvent.hover(about);
    await until(() => getComputedStyle(definition).display === 'block', 'the definition shown');
    const box = definition.getBoundingClientRect();
    // It reaches over the first cards; at every point of it, it is what a pointer would hit.
    expect(box.bottom).toBeGreaterThan(cardOf(board, 'deal_1')!.getBoundingClientRect().top);
    for (const [x, y] of [
      [box.left + 8, box.top + 8],
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.right - 8, box.bottom - 8],
    ] as const) {
      const hit = shadow(board).elementFromPoint(x, y);
      expect(hit === definition || definition.contains(hit), `topmost at ${x},${y}`).toBe(true);
    }
  });

  it('lines the toolbar up: every label on one line, every control the same height', async () => {
    const board = boardOf(
      mount(
        html`<chorus-pipeline-board .pipeline=${pipeline} .deals=${[deal('deal_1', 'Monitors', 'stg_a')]}></chorus-pipeline-board>`,
      ),
    );
    await until(() => !!shadow(board).querySelector('[part=toolbar]'), 'the toolbar');
    const toolbar = shadow(board).querySelector('[part=toolbar]')!;
    const labels = [...toolbar.querySelectorAll('label > span')].map(
      (span) => span.getBoundingClientRect().top,
    );
    const controls = [...toolbar.querySelectorAll('input, select')].map((control) =>
      control.getBoundingClientRect(),
    );
    expect(controls.length).toBe(5);
    expect(new Set(labels.map(Math.round)).size, `label tops ${labels.join(', ')}`).toBe(1);
    expect(new Set(controls.map((box) => Math.round(box.height))).size, 'control heights').toBe(1);
    expect(new Set(controls.map((box) => Math.round(box.bottom))).size, 'control bottoms').toBe(1);
  });

  it('ends every column header at the same height when one wraps its figures', async () => {
    const board = boardOf(
      mount(
        html`<chorus-pipeline-board
          style="--chorus-pipeline-board-column-width: 240px; inline-size: 500px"
          .pipeline=${pipeline}
          .deals=${[deal('deal_1', 'Monitors', 'stg_a', { value: { amount: 9_999_999, currency: 'EUR' } })]}
        ></chorus-pipeline-board>`,
      ),
    );
    await until(() => !!cardOf(board, 'deal_1'), 'the card');
    const headers = [...shadow(board).querySelectorAll<HTMLElement>('[part~=column-header]')];
    const figures = headers.map((header) => header.querySelector('.figures')!.getBoundingClientRect().height);
    // The data makes one column's figures wrap where another's do not, or this would prove nothing.
    expect(Math.max(...figures)).toBeGreaterThan(Math.min(...figures) + 4);
    const bottoms = headers.map((header) => Math.round(header.getBoundingClientRect().bottom));
    expect(new Set(bottoms).size, `header bottoms ${bottoms.join(', ')}`).toBe(1);
  });

  it('keeps one tab stop on the board when the active card scrolls out of its column', async () => {
    const many = Array.from({ length: 300 }, (_, i) => deal(`deal_s${i}`, `Deal ${i}`, 'stg_a'));
    const root = mount(
      html`<chorus-pipeline-board .pipeline=${pipeline} .deals=${many}></chorus-pipeline-board>`,
    );
    const board = boardOf(root);
    await until(() => !!cardOf(board, 'deal_s0'), 'the first card');
    const tabStops = () => [...shadow(board).querySelectorAll<HTMLElement>('[part~=card][tabindex="0"]')];
    expect(tabStops().map((card) => card.dataset.dealId)).toEqual(['deal_s0']);

    // Scrolled as a wheel does, frame by frame, with focus elsewhere: the first card is no longer rendered.
    const list = shadow(board).querySelector<HTMLElement>('.cards[data-list="0"]')!;
    for (let frame = 0; frame < 20; frame++) {
      list.scrollTop += 400;
      await new Promise(requestAnimationFrame);
    }
    await until(() => !cardOf(board, 'deal_s0'), 'the first card to be unrendered');
    await until(() => tabStops().length === 1, 'a rendered card to hold the tab stop');
    const stop = tabStops()[0]!;
    expect(stop.dataset.dealId).not.toBe('deal_s0');
    stop.focus();
    expect(shadow(board).activeElement).toBe(stop);
  });

  it('fits a narrow container: the columns scroll sideways inside it, the page does not', async () => {
    const root = mount(
      html`<chorus-pipeline-board .pipeline=${pipeline} .deals=${[deal('deal_1', 'Monitors', 'stg_a')]}></chorus-pipeline-board>`,
      320,
    );
    const board = boardOf(root);
    await until(() => !!cardOf(board, 'deal_1'), 'the card');
    const columns = shadow(board).querySelector<HTMLElement>('[part=columns]')!;
    expect(columns.scrollWidth).toBeGreaterThan(columns.clientWidth);
    expect(board.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  });

  it('renders every column’s cards below the fold at 375 px, before the page is scrolled to them', async () => {
    // A phone's page: the board starts two screens down, under whatever the page shows first.
    const root = mount(
      html`<div style="block-size: ${2 * window.innerHeight}px"></div>
        <chorus-pipeline-board
          .pipeline=${pipeline}
          .deals=${[
            ...Array.from({ length: 40 }, (_, i) => deal(`deal_f${i}`, `Lead ${i}`, 'stg_a')),
            deal('deal_p', 'Proposal', 'stg_b'),
          ]}
        ></chorus-pipeline-board>`,
      375,
    );
    window.scrollTo(0, 0);
    const board = boardOf(root);
    await board.updateComplete;
    expect(board.getBoundingClientRect().top).toBeGreaterThan(window.innerHeight);
    await until(
      () => !!cardOf(board, 'deal_f0') && !!cardOf(board, 'deal_p'),
      'the first card of each column',
    );
    // The first column's own screen of cards and the usual overhang, not all forty and not one.
    const rendered = shadow(board).querySelectorAll('.cards[data-list="0"] [part~=card]').length;
    expect(rendered).toBeGreaterThan(5);
    expect(window.scrollY).toBe(0);
  });

  it('shows the next activity (overdue in words), the close date and the owner as initials, each by attribute', async () => {
    const overdue = {
      id: 'act_1',
      type: 'call' as const,
      body: 'Call back',
      dueAt: new Date(Date.now() - 86_400_000).toISOString(),
    };
    const deals = [
      deal('d1', 'Monitors', 'stg_a', {
        ownerName: 'Ada María Lovelace',
        expectedCloseDate: '2026-03-31',
        nextActivity: overdue,
      }),
      deal('d2', 'Desks', 'stg_a', {
        ownerId: null,
        ownerName: null,
        nextActivity: { ...overdue, id: 'act_2', body: '', dueAt: '2999-01-01T09:00:00.000Z' },
      }),
    ];
    const board = boardOf(
      mount(html`<chorus-pipeline-board .pipeline=${pipeline} .deals=${deals}></chorus-pipeline-board>`),
    );
    await until(() => !!cardOf(board, 'd2'), 'the cards');
    const card = cardOf(board, 'd1')!;
    const due = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(overdue.dueAt));
    expect(textOf(card.querySelector('.next'))).toBe(`Overdue: Call back, ${due}`);
    expect(card.querySelector('.next')!.classList.contains('overdue')).toBe(true);
    expect(textOf(card.querySelector('.close'))).toBe('Closes Mar 31, 2026');
    expect(textOf(card.querySelector('[part=avatar]'))).toBe('AL');
    expect(card.querySelector('[part=avatar]')!.getAttribute('aria-hidden')).toBe('true');
    expect(textOf(card.querySelector('.owner .visually-hidden'))).toBe('Ada María Lovelace');
    const other = cardOf(board, 'd2')!;
    expect(textOf(other.querySelector('.next'))).toBe('Next: Task, Jan 1, 2999');
    expect(other.querySelector('.next')!.classList.contains('overdue')).toBe(false);
    expect(textOf(other.querySelector('.owner'))).toBe('Unassigned');
    await expectNoAxeViolations(board);

    board.setAttribute('card-fields', 'owner');
    await until(() => !cardOf(board, 'd1')!.querySelector('.next'), 'the next activity hidden');
    expect(cardOf(board, 'd1')!.querySelector('.close')).toBeNull();
    expect(cardOf(board, 'd1')!.querySelector('[part=avatar]')).not.toBeNull();
  });

  it('shows Won and Lost as columns with closed-stages="columns"', async () => {
    const board = boardOf(
      mount(
        html`<chorus-pipeline-board closed-stages="columns" .pipeline=${pipeline} .deals=${[]}></chorus-pipeline-board>`,
      ),
    );
    await until(() => shadow(board).querySelectorAll('section.column').length === 3, 'three columns');
    expect(shadow(board).querySelector('section.column[data-kind=won]')).not.toBeNull();
  });

  it('offers the reasons it is given, and "Other" with free text', async () => {
    const deals = [deal('d1', 'Monitors', 'stg_a')];
    const lostPipeline = {
      ...pipeline,
      stages: [
        ...stages,
        { ...stages[2], id: 'stg_l', name: 'Lost', position: 3, kind: 'lost' as const, probability: 0 },
      ],
    };
    const board = boardOf(
      mount(
        html`<chorus-pipeline-board
          .pipeline=${lostPipeline}
          .deals=${deals}
          .lostReasons=${['Too dear', 'Went quiet']}
        ></chorus-pipeline-board>`,
      ),
    );
    const moves: ChorusDealMoveEvent[] = [];
    board.addEventListener('chorus-deal-move', (e) => moves.push(e));
    await until(() => !!cardOf(board, 'd1'), 'the card');
    await keys(board, 'd1', ' ', '{ArrowRight}', '{ArrowRight}', '{ArrowRight}', ' ');
    const dialog = () => shadow(board).querySelector('dialog');
    await until(() => !!dialog()?.open, 'the Lost dialog');
    expect([...dialog()!.querySelectorAll('label.choice')].map((l) => textOf(l))).toEqual([
      'Too dear',
      'Went quiet',
      'Other',
    ]);
    await userEvent.type(dialog()!.querySelector('textarea')!, 'Merged with a rival');
    // Typing an other reason chooses "Other".
    expect(dialog()!.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value).toBe('');
    await userEvent.click(dialog()!.querySelector<HTMLButtonElement>('button[type=submit]')!);
    await until(() => moves.length === 1, 'the move');
    expect(moves[0]!.lostReason).toBe('Merged with a rival');
  });

  it('shows empty columns and an empty pipeline, accessibly', async () => {
    const board = boardOf(
      mount(html`<chorus-pipeline-board .pipeline=${pipeline} .deals=${[]}></chorus-pipeline-board>`),
    );
    await until(() => shadow(board).querySelectorAll('.empty').length === 2, 'the empty columns');
    expect(textOf(shadow(board).querySelector('.notice'))).toBe('No deals in this pipeline yet.');
    expect(textOf(shadow(board).querySelector('[part=total]'))).toBe(
      'Open pipeline 0 deals €0.00 weighted €0.00',
    );
    await expectNoAxeViolations(board);
  });
});
