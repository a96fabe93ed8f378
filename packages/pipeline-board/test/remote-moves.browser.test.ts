import { testApi } from '@chorus/api/testing/browser-client';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { call, textOf, until, withProvider } from '@chorus/testing/browser';
import { announcement, boardFixture, boardOf, cardOf, columnOf, mount, shadow } from './support.js';

describe('a connected board on a live provider', () => {
  it('moves a card someone else moved, marks it briefly and says so, without taking the focus', async () => {
    const api = await testApi.freshWorkspace();
    const { pipeline, deals } = await boardFixture(api);
    const root = mount(
      withProvider(api, html`<chorus-pipeline-board pipeline-id=${pipeline.id}></chorus-pipeline-board>`),
    );
    const board = boardOf(root);
    await until(() => !!cardOf(board, deals[1].id), 'the cards');
    // Someone is reading the page: the focus is on the first card and must stay there.
    cardOf(board, deals[0].id)!.focus();
    await until(() => !!board.chorusEnvironment?.changes, 'the live feed');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Someone else moves Desks to Qualified, from another client.
    await call(
      api,
      'PATCH',
      `/v1/deals/${deals[1].id}`,
      { stageId: pipeline.stages[1].id },
      { 'If-Match': '"1"' },
    );
    await until(() => columnOf(board, deals[1].id) === 1, 'the card in its new column', 5_000);
    await until(
      () => announcement(board) === 'Deal Desks moved to Qualified by someone else.',
      'the announcement',
    );
    expect(cardOf(board, deals[1].id)!.classList.contains('marked')).toBe(true);
    // Shown in words too, for those who see the mark but do not hear the live region.
    expect(textOf(shadow(board).querySelector('[part=toast]'))).toBe(
      'Deal Desks moved to Qualified by someone else.',
    );
    expect((shadow(board).activeElement as HTMLElement | null)?.dataset['dealId']).toBe(deals[0].id);
    await until(() => !cardOf(board, deals[1].id)!.classList.contains('marked'), 'the mark to fade', 5_000);
    root.remove();
  });

  it('says its own move once, as its own, not as someone else’s', async () => {
    const api = await testApi.freshWorkspace();
    const { pipeline, deals } = await boardFixture(api);
    const root = mount(
      withProvider(api, html`<chorus-pipeline-board pipeline-id=${pipeline.id}></chorus-pipeline-board>`),
    );
    const board = boardOf(root);
    await until(() => !!cardOf(board, deals[0].id), 'the cards');
    await until(() => !!board.chorusEnvironment?.changes, 'the live feed');
    cardOf(board, deals[0].id)!.focus();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{ArrowRight}');
    await until(
      () =>
        (shadow(board).activeElement as HTMLElement | null)
          ?.closest('section.column')
          ?.getAttribute('data-list') === '1',
      'the carried card in the next column',
    );
    await userEvent.keyboard(' ');
    await until(
      () => announcement(board).startsWith('Deal Monitors moved to Qualified, position'),
      'its own announcement',
    );
    // The feed's echo of this move arrives too; the board stays with its own words.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(announcement(board)).toMatch(/^Deal Monitors moved to Qualified, position/);
    expect(cardOf(board, deals[0].id)!.classList.contains('marked')).toBe(false);
    // The toast still offers its own move's Undo: the echo does not replace it.
    expect(textOf(shadow(board).querySelector('[part=toast]'))).toBe('“Monitors” moved to Qualified. Undo');
    root.remove();
  });
});
