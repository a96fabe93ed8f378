/**
 * The fault suite's side in the Vitest process: a seeded fault proxy in front of the real API for
 * each run (a workspace of its own), the tabs (pages of the test's own browser context, so they share
 * its storage and Web Locks), and the count of what the API stored, read with the workspace's secret
 * key, which never reaches a page.
 */
import { browserTestApi } from '@chorus/api/testing/browser';
import { type FaultProxy, type FaultRates, startFaultProxy } from '@chorus/api/testing/fault-proxy';
import type { Page } from 'playwright';
import type { BrowserCommand, BrowserCommandContext } from 'vitest/node';
import type { TabPage } from './tab.js';

export interface FaultRun {
  id: string;
  /** The proxy's URL: the widgets' `base-url`. */
  api: string;
  publishableKey: string;
}

export interface StoredRating {
  id: string;
  subject: string;
  score: number;
  comment: string | null;
}

const runs = new Map<string, { proxy: FaultProxy; api: string; secretKey: string }>();
const tabs = new Map<string, Page>();
let tabCounter = 0;

const run = (id: string) => {
  const found = runs.get(id);
  if (!found) throw new Error(`no fault run ${id}`);
  return found;
};

const tab = (id: string) => {
  const found = tabs.get(id);
  if (!found) throw new Error(`no tab ${id}`);
  return found;
};

/** Waits for the tab's `window.chorusTab` (the page's module has run). */
const ready = (page: Page) =>
  page.waitForFunction(() => 'chorusTab' in window, undefined, { timeout: 20_000 });

type Command<Args extends unknown[]> = BrowserCommand<Args>;

export const faultCommands = {
  /** A fresh workspace behind a fault proxy seeded with `seed`; faults only the rating submissions. */
  faultRun: (async (_context, seed: number, rates: FaultRates) => {
    const api = await browserTestApi();
    const workspace = await api.createWorkspace();
    const proxy = await startFaultProxy({
      target: api.url,
      seed,
      rates,
      faults: (method, path) => method === 'POST' && path === '/v1/public/ratings',
    });
    runs.set(workspace.workspaceId, { proxy, api: api.url, secretKey: workspace.secretKey });
    return { id: workspace.workspaceId, api: proxy.url, publishableKey: workspace.publishableKey };
  }) as Command<[number, FaultRates]>,
  faultRates: (async (_context, id: string, rates: FaultRates) => {
    run(id).proxy.setRates(rates);
  }) as Command<[string, FaultRates]>,
  /** What the proxy did to each submission, in order. */
  faultLog: (async (_context, id: string) => run(id).proxy.log.map((entry) => ({ ...entry }))) as Command<
    [string]
  >,
  /** Every rating the API stored in the run's workspace, read with its secret key. */
  faultStored: (async (_context, id: string) => {
    const { api, secretKey } = run(id);
    const stored: StoredRating[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const response = await fetch(`${api}/v1/ratings?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { Authorization: `Bearer ${secretKey}` },
      });
      if (!response.ok) throw new Error(`GET /v1/ratings: ${response.status} ${await response.text()}`);
      const page = (await response.json()) as { data: StoredRating[]; nextCursor: string | null };
      stored.push(...page.data.map(({ id, subject, score, comment }) => ({ id, subject, score, comment })));
      cursor = page.nextCursor;
    }
    return stored;
  }) as Command<[string]>,
  faultEnd: (async (_context, id: string) => {
    await run(id).proxy.close();
    runs.delete(id);
  }) as Command<[string]>,

  /** Opens a tab (a page of the test's browser context, sharing its origin) on a shop page. */
  tabOpen: (async (context: BrowserCommandContext, setup: TabPage) => {
    const origin = new URL(context.page.url()).origin;
    const page = await context.context.newPage();
    await page.goto(`${origin}/test/fault/tab.html?page=${encodeURIComponent(JSON.stringify(setup))}`);
    await ready(page);
    const id = `tab${++tabCounter}`;
    tabs.set(id, page);
    return id;
  }) as Command<[TabPage]>,
  tabReload: (async (_context, id: string) => {
    await tab(id).reload();
    await ready(tab(id));
  }) as Command<[string]>,
  /** Calls one of the page's `chorusTab` helpers. */
  tabCall: (async (_context, id: string, name: string, args: unknown[] = []) =>
    tab(id).evaluate(
      ([name, args]) =>
        (window as unknown as { chorusTab: Record<string, (...a: unknown[]) => unknown> }).chorusTab[name]!(
          ...args,
        ),
      [name, args] as const,
    )) as Command<[string, string, unknown[]?]>,
  tabClose: (async (_context, id: string) => {
    await tab(id).close();
    tabs.delete(id);
  }) as Command<[string]>,
};
