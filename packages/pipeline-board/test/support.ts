import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
import type { BoardDeal, PipelineBoard } from '@chorus/sdk';
import { call, mount as mountTemplate, textOf } from '@chorus/testing/browser';
import type { TemplateResult } from 'lit';
import type { ChorusPipelineBoard } from '../src/index.js';
import '@chorus/core/define';
import '../src/define.js';

/**
 * Renders into a fresh container, the only one on the page, so boards do not pile up below each other
 * (a column renders its own screen of cards wherever it is: see "below the fold" in the tests).
 */
export const mount = (template: TemplateResult, width = 1240) =>
  mountTemplate(template, { width, padding: 16, alone: true });

export const readBoard = (api: BrowserApiInfo, pipelineId: string) =>
  call<PipelineBoard>(api, 'GET', `/v1/pipelines/${pipelineId}/board`);

/** A workspace of the test's own with a five-stage pipeline and a few deals in its first two stages. */
export async function boardFixture(api: BrowserApiInfo) {
  const pipeline = await call(api, 'POST', '/v1/pipelines', {
    name: 'Sales',
    stages: [
      { name: 'Lead in', probability: 0.1, definition: 'Interest shown.' },
      { name: 'Qualified', probability: 0.3, definition: 'Budget confirmed.', rottingDays: 10 },
      { name: 'Proposal', probability: 0.6, definition: 'Proposal sent.' },
      { name: 'Won', kind: 'won', probability: 1, definition: 'Signed.' },
      { name: 'Lost', kind: 'lost', probability: 0, definition: 'Said no.' },
    ],
  });
  const deal = (title: string, amount: number, stage: number) =>
    call(api, 'POST', '/v1/deals', {
      title,
      value: { amount, currency: 'EUR' },
      pipelineId: pipeline.id,
      stageId: pipeline.stages[stage].id,
    });
  const deals = [
    await deal('Monitors', 120_000, 0),
    await deal('Desks', 80_000, 0),
    await deal('Chairs', 30_000, 0),
    await deal('Lamps', 15_000, 1),
  ];
  return { pipeline, deals, stages: pipeline.stages as { id: string; name: string }[] };
}

export const boardOf = (root: HTMLElement) =>
  root.querySelector('chorus-pipeline-board') as ChorusPipelineBoard;
export const shadow = (board: Element) => board.shadowRoot!;

export const cardOf = (board: Element, dealId: string) =>
  shadow(board).querySelector<HTMLElement>(`[data-deal-id="${dealId}"]`);

/** The stage index a deal's card is shown in, or -1 when it is not rendered. */
export function columnOf(board: Element, dealId: string): number {
  const card = cardOf(board, dealId);
  const column = card?.closest<HTMLElement>('section.column');
  return column ? Number(column.dataset['list']) : -1;
}

/** The titles shown in one column, top to bottom. */
export const titlesIn = (board: Element, list: number) =>
  [...shadow(board).querySelectorAll(`section.column[data-list="${list}"] .card .title`)]
    .map((title) => ({ title: textOf(title), top: title.getBoundingClientRect().top }))
    .sort((a, b) => a.top - b.top)
    .map((entry) => entry.title);

export const announcement = (board: Element) =>
  textOf(shadow(board).querySelector('[role=status][aria-live]'));
export const alertText = (board: Element) => textOf(shadow(board).querySelector('.problem[role=alert]'));

export const dealOn = (board: PipelineBoard, id: string) => board.deals.find((d) => d.id === id) as BoardDeal;
