/**
 * Browser commands (run in Node, on the Playwright page) that tell the visual suite when a story has
 * stopped loading: a story without a play function ends its test as soon as it is mounted, before its
 * data arrived, and a loading state held still for two screenshots would pass as the story.
 * Playwright's page sees every frame's requests (the product page's widget frame too), which a
 * `fetch` wrapper in the test page would not.
 */
import type { Page, Request } from 'playwright';
import type { BrowserCommand } from 'vitest/node';

interface Traffic {
  inFlight: Set<Request>;
  lastChange: number;
}

const watched = new WeakMap<Page, Traffic>();

/** A live story's change feed (GET /v1/events) stays open for as long as the story is shown. */
const isStream = (request: Request) => new URL(request.url()).pathname === '/v1/events';

function traffic(page: Page): Traffic {
  let found = watched.get(page);
  if (found) return found;
  const state: Traffic = { inFlight: new Set(), lastChange: Date.now() };
  page.on('request', (request) => {
    if (isStream(request)) return;
    state.inFlight.add(request);
    state.lastChange = Date.now();
  });
  const settle = (request: Request) => {
    if (state.inFlight.delete(request)) state.lastChange = Date.now();
  };
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  watched.set(page, state);
  found = state;
  return found;
}

/** Starts counting the page's requests; called before each story renders. */
const visualWatchNetwork: BrowserCommand<[]> = async (context) => {
  traffic(context.page);
};

/**
 * Resolves once no request (but a change feed) has been in flight for `quietMs`; fails after
 * `timeoutMs`, naming what is still loading.
 */
const visualNetworkQuiet: BrowserCommand<[quietMs?: number, timeoutMs?: number]> = async (
  context,
  quietMs = 400,
  timeoutMs = 20_000,
) => {
  const state = traffic(context.page);
  const start = Date.now();
  while (state.inFlight.size > 0 || Date.now() - state.lastChange < quietMs) {
    if (Date.now() - start > timeoutMs) {
      const pending = [...state.inFlight].map((request) => request.url()).join(', ');
      throw new Error(`still loading after ${timeoutMs} ms: ${pending || '(requests kept starting)'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

export const visualCommands = { visualWatchNetwork, visualNetworkQuiet };

declare module 'vitest/browser' {
  interface BrowserCommands {
    visualWatchNetwork(): Promise<void>;
    visualNetworkQuiet(quietMs?: number, timeoutMs?: number): Promise<void>;
  }
}
