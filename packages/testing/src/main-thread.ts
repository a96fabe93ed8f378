/**
 * Main-thread cost of a page load in Chromium, as a customer's slow phone would feel it: the CPU
 * throttled (CDP `Emulation.setCPUThrottlingRate`), the load traced, and the renderer main thread's
 * tasks (`RunTask`) summed and the longest picked out. Counting tasks, not script time, is what a
 * visitor waits on: parsing, compiling, running, style and layout alike.
 */
import type { Browser, Page } from 'playwright';

/** The slowdown the issue measures at (a mid-range phone against this machine). */
export const CPU_THROTTLE = 4;

const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

export interface MainThreadCost {
  /** All main-thread task time from the document's first parse to the end of the window, in ms. */
  busy: number;
  /** The longest single task, in ms. */
  longestTask: number;
  /** How many tasks ran. */
  tasks: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; beginData?: { url?: string } };
}

/**
 * The main-thread cost of the renderer that parsed `url`'s document, from its first parse on. The
 * trace holds every process; the page's renderer is the one whose main thread parsed that document.
 */
export function mainThreadCost(events: TraceEvent[], url: string): MainThreadCost {
  const parse = events.find(
    (event) => event.name === 'ParseHTML' && event.args?.beginData?.url?.startsWith(url),
  );
  if (!parse) throw new Error(`bench: the trace has no parse of ${url}; was the page loaded while tracing?`);
  const tasks = events.filter(
    (event) =>
      event.name === 'RunTask' &&
      event.ph === 'X' &&
      event.pid === parse.pid &&
      event.tid === parse.tid &&
      event.ts + (event.dur ?? 0) >= parse.ts,
  );
  const durations = tasks.map((event) => (event.dur ?? 0) / 1000);
  return {
    busy: durations.reduce((sum, ms) => sum + ms, 0),
    longestTask: Math.max(0, ...durations),
    tasks: tasks.length,
  };
}

/**
 * Opens a fresh page with the CPU throttled, on `blankUrl` first: an empty page of the measured
 * page's origin, so the throttle is set on the renderer that will load the measured page, not on an
 * about:blank one that the navigation leaves.
 */
export async function throttledPage(browser: Browser, blankUrl: string, rate = CPU_THROTTLE): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(blankUrl);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}

/**
 * Traces `load` (which navigates `page` to `url` and waits until the page is done) and returns the
 * main-thread cost of that document.
 */
export async function traceLoad(
  browser: Browser,
  page: Page,
  url: string,
  load: () => Promise<void>,
): Promise<MainThreadCost> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  // The trace is stopped whatever happens; a load that failed is reported, not measured.
  const failure = await load().then(
    () => undefined,
    (error: unknown) => error,
  );
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  if (failure) throw failure;
  return mainThreadCost(trace.traceEvents, url);
}
