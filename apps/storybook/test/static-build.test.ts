/**
 * The static Storybook (`npm run build` → dist/) in Chromium, story by story. Dev-mode story tests
 * cannot see what a production build drops: a `customElements.define` that `sideEffects` does not
 * list is tree-shaken away and the story renders blank. Here every story of the build must render a
 * Chorus element with content and throw no page error, against an API this test starts.
 * It also saves screenshots of the contact card, the sales dashboard and the sizing stories to
 * screenshots/ for a reviewer.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, openStaticStorybook, requireBuild, type StaticStorybook } from './static-storybook.js';

const screenshotDir = fileURLToPath(new URL('../screenshots', import.meta.url));
requireBuild();
const indexFile = `${distDir}/index.json`;
const index = JSON.parse(readFileSync(indexFile, 'utf8')) as {
  entries: Record<
    string,
    { id: string; type: 'story' | 'docs'; title: string; name: string; tags?: string[] }
  >;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
/** What the sidebar shows: stories not tagged `!dev` (tests that act are, so the demo holds still). */
const shown = stories.filter((story) => story.tags?.includes('dev') ?? true);

/**
 * What a reviewer looks at: the card in light, dark and compact, the sales dashboard, and every
 * element in a block, a flex row and an auto grid (Layout/Sizing).
 */
const CARD = { element: 'chorus-contact-card', ready: '[part~="name"]' } as const;
const GRID = { element: 'chorus-metrics-grid', ready: '[part~="value"]' } as const;
const SIZING = { element: '[data-sizing]', ready: 'chorus-contact-card [part~="name"]' } as const;
const SCREENSHOTS = [
  { id: 'contact-card--full', theme: 'light', file: 'contact-card-full-light.png', ...CARD },
  { id: 'contact-card--full', theme: 'dark', file: 'contact-card-full-dark.png', ...CARD },
  { id: 'contact-card--compact', theme: 'light', file: 'contact-card-compact-light.png', ...CARD },
  { id: 'metrics-metrics-grid--sales-dashboard', theme: 'light', file: 'sales-dashboard-light.png', ...GRID },
  { id: 'layout-sizing--in-a-block', theme: 'light', file: 'sizing-in-a-block.png', ...SIZING },
  { id: 'layout-sizing--in-a-flex-row', theme: 'light', file: 'sizing-in-a-flex-row.png', ...SIZING },
  { id: 'layout-sizing--in-a-grid', theme: 'light', file: 'sizing-in-a-grid.png', ...SIZING },
] as const;

let storybook: StaticStorybook;

beforeAll(async () => {
  storybook = await openStaticStorybook();
});

afterAll(async () => {
  await storybook?.close();
});

async function openStory(id: string, globals = '') {
  const page = await storybook.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Requests in flight, but for a live story's change stream (GET /v1/events), which stays open:
  // Playwright's `networkidle` would wait for it forever.
  const inFlight = new Set<unknown>();
  let lastChange = Date.now();
  const isStream = (url: string) => new URL(url).pathname === '/v1/events';
  page.on('request', (request) => {
    if (isStream(request.url())) return;
    inFlight.add(request);
    lastChange = Date.now();
  });
  const settle = (request: unknown) => {
    if (inFlight.delete(request)) lastChange = Date.now();
  };
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  /** Resolves once no request but a change stream has been in flight for half a second. */
  const quiet = async (timeoutMs = 30_000) => {
    const start = Date.now();
    while (inFlight.size > 0 || Date.now() - lastChange < 500) {
      if (Date.now() - start > timeoutMs) throw new Error(`${id}: ${inFlight.size} requests still in flight`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await page.goto(storybook.storyUrl(id, globals));
  return { page, errors, quiet };
}

/**
 * Where Storybook's preview is with the story: `finished` once loaders, render, the play function and
 * the checks after it (axe) have run; `errored` if rendering threw. A failed `expect` inside a play
 * function is caught by Storybook's instrumentation and may still end `finished`: the play assertions
 * are the story tests' job (vitest project `stories`); this test guards that the production build
 * renders at all. Read from the preview's global, which is Storybook's internals: if a new version
 * renames it, this fails saying so rather than passing.
 */
async function storyPhase(page: Page): Promise<string> {
  const settled = ['finished', 'errored', 'aborted'];
  await page
    .waitForFunction(
      (phases) => {
        const preview = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
          .__STORYBOOK_PREVIEW__;
        return phases.includes(preview?.currentRender?.phase ?? '');
      },
      settled,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  return page.evaluate(
    () =>
      (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__
        ?.currentRender?.phase ?? 'no phase reported by Storybook',
  );
}

/**
 * What a visitor can change in the demo's data: rows of every table a story could write, and the
 * versions of the records it could edit. Equal before and after a story means it changed nothing.
 */
async function dataFingerprint(): Promise<Record<string, number>> {
  const [row] = await storybook.api.db.query<Record<string, number>>(
    `select
      (select count(*) from ratings)::int as ratings,
      (select count(*) from deals)::int as deals,
      (select coalesce(sum(version), 0) from deals)::int as deal_versions,
      (select count(*) from deal_stage_history)::int as stage_entries,
      (select count(*) from contacts)::int as contacts,
      (select coalesce(sum(version), 0) from contacts)::int as contact_versions,
      (select coalesce(sum(version), 0) from companies)::int as company_versions,
      (select coalesce(sum(version), 0) from tickets)::int as ticket_versions,
      (select count(*) from activities)::int as activities,
      (select count(*) from lifecycle_changes)::int as lifecycle_changes`,
  );
  return row!;
}

describe('the static Storybook build', () => {
  it('has stories', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  it.each(stories.map((story) => [story.id, story] as const))('renders %s', async (id) => {
    const { page, errors } = await openStory(id);
    try {
      // A Chorus element other than the provider, defined, with something in its shadow root; also
      // inside a same-origin frame (the product page that loads the rating widget's script tag).
      const rendered = await page
        .waitForFunction(
          () => {
            // Composed pages hold their Chorus elements in their own shadow roots: look through them.
            const deep = (root: ParentNode): Element[] =>
              [...root.querySelectorAll('*')].flatMap((element) => [
                element,
                ...(element.shadowRoot ? deep(element.shadowRoot) : []),
                ...(element instanceof HTMLIFrameElement && element.contentDocument
                  ? deep(element.contentDocument)
                  : []),
              ]);
            const root = document.querySelector('#storybook-root');
            return (root ? deep(root) : []).some(
              (element) =>
                element.localName.startsWith('chorus-') &&
                element.localName !== 'chorus-provider' &&
                element.ownerDocument.defaultView?.customElements.get(element.localName) !== undefined &&
                (element.shadowRoot?.childElementCount ?? 0) > 0,
            );
          },
          undefined,
          { timeout: 15_000 },
        )
        .then(
          () => true,
          () => false,
        );
      const tags = await page.evaluate(() =>
        [...document.querySelectorAll('#storybook-root *')]
          .filter((element) => element.localName.includes('-'))
          .map(
            (element) => `${element.localName}${customElements.get(element.localName) ? '' : ' (undefined)'}`,
          ),
      );
      expect(rendered, `no rendered chorus-* element; found: ${tags.join(', ') || 'none'}`).toBe(true);
      expect(await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))).toBe(false);
      // Its play function passes in the production build too.
      expect(await storyPhase(page)).toBe('finished');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // A newcomer opens the pages and sees numbers that hold still: a story in the sidebar may read,
  // never write. Stories that act (rate, move) are tests tagged `!dev`, run by the story tests.
  it('has acting stories only as tests, out of the sidebar', () => {
    expect(stories.length - shown.length).toBeGreaterThanOrEqual(2);
  });

  it.each(shown.map((story) => [story.id] as const))('opening %s changes no data', async (id) => {
    const before = await dataFingerprint();
    const { page, quiet } = await openStory(id);
    try {
      expect(await storyPhase(page)).toBe('finished');
      await quiet();
      expect(await dataFingerprint()).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('saves screenshots of the contact card (light, dark, compact), the sales dashboard and every element in each container', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    for (const shot of SCREENSHOTS) {
      expect(stories.map((story) => story.id)).toContain(shot.id);
      const { page, errors, quiet } = await openStory(shot.id, `theme:${shot.theme}`);
      try {
        expect(await storyPhase(page)).toBe('finished');
        await quiet();
        // At rest: no focus ring or hover left by the play function's clicks.
        await page.mouse.move(0, 0);
        await page.evaluate(() => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          (active as HTMLElement | null)?.blur();
        });
        const element = page.locator(shot.element).first();
        await element.locator(shot.ready).first().waitFor({ state: 'visible' });
        await element.screenshot({ path: `${screenshotDir}/${shot.file}`, animations: 'disabled' });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});
