// The page the bench loads in Chromium: a presentational board of 10,000 deals over 8 stages (one
// column of 3,000), and beside it, in turn, a naive board that renders every card of the same data.
import '@chorus/core/define';
// From source, not by package name: `typecheck` may run before this package's own build.
// The package's "sideEffects" lists src/define.ts too, or the bundler would drop this import.
import '../src/define.js';
import { assertDefined, until } from '@chorus/testing/bounded';
import { applyDealMove } from '@chorus/sdk/query';
import type { BoardDeal, ChorusPipelineBoard, Stage } from '../src/index.js';
import { html, LitElement, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

// The smoke run (`?deals=`) renders a small board: it proves the bench runs, not how fast.
const DEALS = Number(new URLSearchParams(location.search).get('deals') ?? 10_000);
const STAGES = 8;
const BIG_COLUMN = Math.round(DEALS * 0.3);

const stages: Stage[] = Array.from({ length: STAGES }, (_, i) => ({
  id: `stg_bench${i}`,
  name: ['Lead in', 'Contacted', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Won', 'Lost'][i]!,
  position: i,
  kind: i === 6 ? 'won' : i === 7 ? 'lost' : 'open',
  probability: [0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 1, 0][i]!,
  definition: 'The agreed entry criteria.',
  rottingDays: 14,
}));
const pipeline = { id: 'pip_bench', name: 'Bench', createdAt: '2026-01-01T00:00:00.000Z', stages };

/** Deterministic data: 3,000 deals in the first stage, the rest spread over the other seven. */
function makeDeals(): BoardDeal[] {
  const now = Date.now();
  return Array.from({ length: DEALS }, (_, i) => {
    const stage = i < BIG_COLUMN ? 0 : 1 + (i % (STAGES - 1));
    return {
      id: `deal_bench${String(i).padStart(6, '0')}`,
      title: `Deal ${i}: ${['Monitors', 'Desks', 'Chairs', 'Lamps', 'Licences'][i % 5]} for ${(i % 40) + 2} rooms`,
      value: { amount: ((i * 7919) % 500_000) + 10_000, currency: 'EUR' },
      stageId: stages[stage]!.id,
      status: stages[stage]!.kind,
      contactId: null,
      companyId: `com_bench${i % 300}`,
      companyName: `Company ${i % 300}`,
      ownerId: `usr_bench${i % 12}`,
      ownerName: `Owner ${i % 12}`,
      expectedCloseDate: null,
      nextActivity: null,
      stageEnteredAt: new Date(now - ((i * 37) % 60) * 86_400_000).toISOString(),
      closedAt: stages[stage]!.kind === 'open' ? null : new Date(now - (i % 60) * 86_400_000).toISOString(),
      // Integer keys in data order, as the API's backfill writes them.
      rank: `f${i.toString(16).padStart(6, '0')}`,
      version: 1,
    };
  });
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' });

/**
 * The board without virtualization: the same columns and the same card markup, every card
 * rendered. What a straightforward Lit board does.
 */
class NaiveBoard extends LitElement {
  static override properties = { deals: { attribute: false } };
  deals: BoardDeal[] = [];
  protected override createRenderRoot() {
    return this;
  }
  protected override render() {
    const byStage = new Map<string, BoardDeal[]>(stages.map((s) => [s.id, []]));
    for (const deal of this.deals) byStage.get(deal.stageId)?.push(deal);
    return html`<div class="columns">
      ${stages.map((stage) => {
        const deals = byStage.get(stage.id)!;
        return html`<section class="column">
          <h3>${stage.name}</h3>
          <p>${deals.length} deals</p>
          <div class="cards" role="list">
            ${repeat(
              deals,
              (deal) => deal.id,
              (
                deal,
                index,
              ) => html`<div role="listitem" aria-posinset=${index + 1} aria-setsize=${deals.length}>
                <button type="button" class="card" data-deal-id=${deal.id} draggable="true">
                  <span class="title">${deal.title}</span>
                  <span class="company">${deal.companyName}</span>
                  <span class="meta"><span>${money.format(deal.value.amount / 100)}</span><span>${deal.ownerName}</span></span>
                  <span class="age">${Math.floor((Date.now() - Date.parse(deal.stageEnteredAt)) / 86_400_000)} days in stage</span>
                </button>
              </div>`,
            )}
          </div>
        </section>`;
      })}
    </div>`;
  }
}
customElements.define('naive-board', NaiveBoard);

const style = document.createElement('style');
style.textContent = `
  naive-board .columns { display: grid; grid-auto-flow: column; grid-auto-columns: 248px; gap: 12px; overflow-x: auto; }
  naive-board .cards { height: 640px; overflow: auto; }
  naive-board .card { display: grid; gap: 4px; width: 100%; text-align: start; padding: 8px 12px; margin: 6px 0; font: inherit; }
`;
document.head.append(style);

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** After the next frame is produced: style, layout and paint of what was rendered. */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

type Kind = 'virtualized' | 'naive';
let deals = makeDeals();
let element: (HTMLElement & { deals: BoardDeal[]; updateComplete: Promise<boolean> }) | undefined;

function root(): HTMLElement {
  let slot = document.getElementById('slot');
  if (!slot) {
    slot = document.createElement('div');
    slot.id = 'slot';
    slot.style.width = '1600px';
    document.body.append(slot);
  }
  return slot;
}

const cardsShown = () => (element?.shadowRoot ?? element)?.querySelectorAll('.card').length ?? 0;

/** Milliseconds from rendering the board until its first frame with cards in every column is painted. */
async function firstRender(kind: Kind): Promise<number> {
  assertDefined('chorus-provider', 'chorus-pipeline-board', 'naive-board');
  render(html``, root());
  deals = makeDeals();
  await painted();
  const start = performance.now();
  render(
    kind === 'virtualized'
      ? html`<chorus-pipeline-board locale="en-US" .pipeline=${pipeline} .deals=${deals}></chorus-pipeline-board>`
      : html`<naive-board .deals=${deals}></naive-board>`,
    root(),
  );
  element = root().firstElementChild as typeof element;
  await element!.updateComplete;
  // The virtualizer places its cards after measuring: wait until they are there, then for the paint.
  await until(`cards of the ${kind} board to render`, () => cardsShown() > 0);
  await painted();
  return performance.now() - start;
}

/** Script time of re-rendering after one deal moves to the next stage (what a drop does to `.deals`). */
async function move(index: number): Promise<{ ms: number; cards: number }> {
  const deal = deals[index]!;
  const next = stages[(stages.findIndex((s) => s.id === deal.stageId) + 1) % 6]!;
  deals = applyDealMove(
    { pipeline, deals },
    { dealId: deal.id, stageId: next.id, at: new Date().toISOString() },
  ).deals;
  const before = cardsShown();
  const start = performance.now();
  element!.deals = deals;
  await element!.updateComplete;
  const ms = performance.now() - start;
  await painted();
  return { ms, cards: before };
}

/**
 * Scrolls the 3,000-card column down by a steady 120 px a frame for `frames` frames and counts
 * the frames that came late (a 60 Hz frame is 16.7 ms; each whole extra interval is one dropped).
 */
async function scroll(
  frames: number,
): Promise<{ dropped: number; worst: number; p95: number; deltas: number[] }> {
  const host = element!.shadowRoot ?? element!;
  const column = host.querySelector<HTMLElement>('.cards')!;
  column.scrollTop = 0;
  await painted();
  const deltas: number[] = [];
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    column.scrollTop += 120;
    await frame();
    const now = performance.now();
    deltas.push(now - last);
    last = now;
  }
  const interval = 1000 / 60;
  const dropped = deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / interval) - 1), 0);
  const sorted = [...deltas].sort((a, b) => a - b);
  return { dropped, worst: sorted.at(-1)!, p95: sorted[Math.floor(sorted.length * 0.95)]!, deltas };
}

Object.assign(window, { firstRender, move, scroll, chorusBench: { DEALS, STAGES, BIG_COLUMN } });
export type { ChorusPipelineBoard };
