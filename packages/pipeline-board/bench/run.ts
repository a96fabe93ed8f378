/**
 * The board's figures: bundle bytes (min+gz) with its share of core and Lit, beside bare Lit; and
 * in Chromium, for 10,000 deals over 8 stages (one column of 3,000), presentational: time to first
 * render, script time of re-rendering after a move, and frames dropped while scrolling the 3,000-card
 * column, each beside a naive board that renders every card, measured in the same run.
 */
import { chromiumLaunchOptions } from '@chorus/api/testing/browser';
import { kB } from '@chorus/testing/bundle';
import { componentSizes } from '@chorus/testing/component-sizes';
import { recordFigures } from '@chorus/testing/figures';
import { serveBenchPage } from '@chorus/testing/page-server';
import { within } from '@chorus/testing/bounded';
import { sized } from '@chorus/testing/smoke';
import { median } from '@chorus/testing/stats';
import { chromium } from 'playwright';

/** `BENCH_DEALS=1000` measures another size of board (the page puts the same share in each column). */
const DEALS = Number(process.env['BENCH_DEALS']) || sized(10_000, 400);
/** The page puts 30% of the deals in the first column (3,000 of 10,000). */
const BIG_COLUMN = Math.round(DEALS * 0.3);
const count = (n: number) => n.toLocaleString('en-US');
const RUNS = sized(5, 1);
const MOVES = sized(9, 1);
const SCROLL_FRAMES = sized(120, 10);
/** The most any one step in the page may take before the bench gives up and says which. */
const STEP_MS = 60_000;

type Kind = 'virtualized' | 'naive';
interface BenchPage {
  firstRender(kind: Kind): Promise<number>;
  move(index: number): Promise<{ ms: number; cards: number }>;
  scroll(frames: number): Promise<{ dropped: number; worst: number; p95: number; deltas: number[] }>;
}

async function browserFigures() {
  const server = await serveBenchPage(new URL('./page.ts', import.meta.url).pathname);
  const { origin } = server;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await tab.goto(`${origin}/?deals=${DEALS}`);
    await tab.waitForFunction(() => 'firstRender' in window, undefined, { timeout: STEP_MS });
    const call = <T>(fn: (page: BenchPage, arg: never) => Promise<T>, arg?: unknown) =>
      within(
        `the bench page's ${fn.toString()} (${JSON.stringify(arg)})`,
        STEP_MS,
        tab.evaluate(
          ([source, value]) =>
            (new Function(`return ${source}`)() as (p: unknown, a: unknown) => Promise<T>)(window, value),
          [fn.toString(), arg] as const,
        ),
      );
    const results: Record<
      Kind,
      {
        first: number;
        move: number;
        cards: number;
        scroll: { dropped: number; worst: number; p95: number; deltas: number[] };
      }
    > = {} as never;
    for (const kind of ['virtualized', 'naive'] as const) {
      const first: number[] = [];
      const moves: number[] = [];
      let cards = 0;
      // One warm-up render (module evaluation, style parsing) that is not counted.
      for (let run = 0; run < RUNS + 1; run++) {
        const ms = await call((p, k: Kind) => p.firstRender(k), kind);
        if (run > 0) first.push(ms);
      }
      for (let i = 0; i < MOVES + 1; i++) {
        const moved = await call((p, index: number) => p.move(index), (100 + i * 250) % DEALS);
        cards = moved.cards;
        if (i > 0) moves.push(moved.ms);
      }
      const scroll = await call((p, frames: number) => p.scroll(frames), SCROLL_FRAMES);
      // BENCH_DELTAS=1 prints every frame interval, to tell a steady cost from one-off hitches.
      if (process.env['BENCH_DELTAS']) console.log(kind, scroll.deltas.map((d) => Math.round(d)).join(' '));
      results[kind] = { first: median(first), move: median(moves), cards, scroll };
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

const sizes = await componentSizes(
  '@chorus/pipeline-board/define',
  'board (with the virtualizer)',
  import.meta.dirname,
);
console.log('\n@chorus/pipeline-board: bundle bytes (esbuild, minified ESM, gzip -9)');
console.table(Object.fromEntries(sizes.map((s) => [s.name, { min: kB(s.min), 'min+gz': kB(s.gzip) }])));
console.log(
  `board + core + Lit: ${kB(sizes[1]!.gzip)} (${(sizes[1]!.gzip / sizes[2]!.gzip).toFixed(2)}× bare Lit)`,
);

const figures = await browserFigures();
const v = figures.virtualized;
const n = figures.naive;
console.log(
  `\n${count(DEALS)} deals over 8 stages (one column of ${count(BIG_COLUMN)}), presentational, Chromium: median of ${RUNS} first renders and ${MOVES} moves`,
);
console.table({
  'first render, ms (to the first painted frame with cards)': {
    virtualized: v.first.toFixed(1),
    naive: n.first.toFixed(1),
    'naive ÷ virtualized': `${(n.first / v.first).toFixed(1)}×`,
    goal: '≤ 150 ms, ≥ 10× faster',
  },
  'move, ms of script (one deal to the next stage)': {
    virtualized: v.move.toFixed(2),
    naive: n.move.toFixed(2),
    'naive ÷ virtualized': `${(n.move / v.move).toFixed(1)}×`,
    goal: '≤ 16 ms',
  },
  [`scrolling the ${count(BIG_COLUMN)}-card column, frames dropped of ${SCROLL_FRAMES}`]: {
    virtualized: v.scroll.dropped,
    naive: n.scroll.dropped,
    'naive ÷ virtualized': v.scroll.dropped ? `${(n.scroll.dropped / v.scroll.dropped).toFixed(1)}×` : '—',
    goal: 'smooth',
  },
  'scrolling, p95 / worst frame, ms': {
    virtualized: `${v.scroll.p95.toFixed(1)} / ${v.scroll.worst.toFixed(1)}`,
    naive: `${n.scroll.p95.toFixed(1)} / ${n.scroll.worst.toFixed(1)}`,
    'naive ÷ virtualized': '',
    goal: '',
  },
  'cards in the DOM': { virtualized: v.cards, naive: n.cards, 'naive ÷ virtualized': '', goal: '' },
});

recordFigures('@chorus/pipeline-board', [
  { name: 'board alone, without core and Lit (min+gz)', value: sizes[0]!.gzip, unit: 'B' },
  {
    name: 'board + core + Lit (min+gz)',
    value: sizes[1]!.gzip,
    unit: 'B',
    peer: { name: 'bare Lit', value: sizes[2]!.gzip },
  },
  {
    name: `first render, ${count(DEALS)} deals over 8 stages`,
    value: v.first,
    unit: 'ms',
    budget: { max: 150 },
    peer: { name: 'naive board', value: n.first },
    note: `median of ${RUNS}, to the first painted frame`,
  },
  {
    name: 'first render, naive board ÷ virtualized board',
    value: n.first / v.first,
    unit: '×',
    budget: { min: 10 },
  },
  {
    name: `move re-render, script, ${count(DEALS)} deals`,
    value: v.move,
    unit: 'ms',
    budget: { max: 16 },
    peer: { name: 'naive board', value: n.move },
    note: `median of ${MOVES}`,
  },
  {
    name: `frames dropped scrolling a ${count(BIG_COLUMN)}-card column (${SCROLL_FRAMES} frames)`,
    value: v.scroll.dropped,
    unit: 'frames',
    peer: { name: 'naive board', value: n.scroll.dropped },
  },
]);
