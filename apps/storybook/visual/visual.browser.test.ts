/**
 * The visual regression suite: every story shown in the sidebar, rendered in Chromium against an API
 * seeded at `VISUAL_NOW`, photographed and compared with its committed baseline
 * `visual/baselines/<variant>/<story id>.png`. This file runs once per variant (a browser instance of
 * the vitest project `visual`, see `project.ts`), which picks the width, theme, locale and stories.
 *
 * A story is shown as it renders with its data loaded, without its play function: the plays are
 * behaviour tests (the `stories` project runs them), their assertions read English, and what they
 * leave behind (a "Saved" note, a toast with an undo countdown) depends on timing.
 *
 * What would make pixels differ from run to run is fixed at its cause: the page's `Date` starts at
 * `VISUAL_NOW` for every story, the picture waits until no request is in flight, the pointer is moved
 * away and focus dropped (no hover, no focus ring), and Playwright stops animations and hides the
 * caret while it shoots. A region that truly varies can be masked by the story:
 * `parameters: { visual: { mask: ['css selector', …] } }`, matched through shadow roots.
 */
import { isExportStory } from 'storybook/internal/csf';
import { composeStory } from 'storybook/preview-api';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { afterEach, beforeEach, expect, inject, it, vi } from 'vitest';
import { commands, page } from 'vitest/browser';
import { VARIANTS, VISUAL_NOW } from './variants.js';

declare module 'vitest' {
  interface ProvidedContext {
    /** The name of the variant this browser instance shoots (see `variants.ts`). */
    chorusVisualVariant: string;
  }
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Added by `@storybook/addon-vitest`: moves Playwright's mouse off the page. */
    resetMousePosition(): Promise<void>;
  }
}

interface VisualParameters {
  mask?: string[];
}

const variantName = inject('chorusVisualVariant');
const variant = VARIANTS.find((candidate) => candidate.name === variantName);
if (!variant) throw new Error(`unknown visual variant ${variantName}`);

const modules = import.meta.glob<Record<string, unknown>>('../stories/**/*.stories.ts', { eager: true });

/** Each story of the sidebar this variant shoots, ready to compose, in file and export order. */
const stories = Object.values(modules).flatMap((module) => {
  const { default: meta, ...exports } = module as { default: Meta } & Record<string, StoryObj>;
  const title = meta.title ?? '';
  if (variant.titlePrefix && !title.startsWith(variant.titlePrefix)) return [];
  return (
    Object.entries(exports)
      .filter(([name]) => isExportStory(name, meta))
      .map(([name, story]) =>
        composeStory(
          { ...story, play: undefined },
          { ...meta, play: undefined },
          {
            initialGlobals: {
              theme: variant.theme,
              locale: variant.locale,
              // Axe runs in the `stories` project.
              a11y: { manual: true },
            },
          },
          undefined,
          name,
        ),
      )
      // `!dev`: stories that act on the demo data, kept out of the sidebar; their end state depends
      // on which stories ran before them.
      .filter((story) => story.tags.includes('dev'))
  );
});

/** The tallest picture taken (the page frame grows to the story up to this, see `fitViewportToStory`). */
const MAX_HEIGHT = 2400;

beforeEach(async () => {
  // Only `Date`: the page's timers stay real, so waits and the SDK's retries behave as in a browser;
  // the fake clock moves on with real time, so "how long since" stays truthful within a story.
  vi.useFakeTimers({ toFake: ['Date'], now: VISUAL_NOW, shouldAdvanceTime: true });
  await page.viewport(variant.viewport.width, variant.viewport.height);
  await commands.visualWatchNetwork();
});

afterEach(() => {
  vi.useRealTimers();
  // A story's own cleanup (unmounting) runs when the next story renders; its canvas goes now.
  for (const old of document.querySelectorAll('[data-visual-canvas]')) old.remove();
});

it('finds stories to photograph', () => {
  expect(stories.length).toBeGreaterThan(variant.titlePrefix ? 3 : 40);
});

for (const story of stories) {
  it(story.id, async () => {
    const canvas = document.body.appendChild(document.createElement('div'));
    canvas.dataset.visualCanvas = '';
    // As Storybook's preview lays a story out: padded by 1rem unless it asks for the full screen.
    canvas.style.boxSizing = 'border-box';
    canvas.style.padding = story.parameters.layout === 'fullscreen' ? '0' : '1rem';
    await story.run({ canvasElement: canvas });
    await commands.visualNetworkQuiet();
    await settled(canvas);
    await document.fonts.ready;
    await fitViewportToStory(canvas);
    await settled(canvas);
    await commands.resetMousePosition();
    blurDeepActiveElement();
    const mask = (story.parameters.visual as VisualParameters | undefined)?.mask ?? [];
    // `expect`, not `expect.element`: that one polls, retrying a failed comparison until the test
    // times out instead of failing at once with the diff.
    await expect(canvas).toMatchScreenshot(baselineName(story.id), {
      screenshotOptions: { mask: mask.map((selector) => page.elementLocator(deepQuery(selector))) },
    });
  });
}

/**
 * The placeholder the elements show while their data loads (class `skeleton`). Not `aria-busy`: a
 * story may show a busy state on purpose (Rating widget/States, "Sending…").
 */
function loadingIn(root: ParentNode): Element | undefined {
  const here = root.querySelector('.skeleton');
  if (here) return here;
  for (const element of root.querySelectorAll('*')) {
    const inner =
      element.shadowRoot ?? (element instanceof HTMLIFrameElement ? element.contentDocument : null);
    const found = inner ? loadingIn(inner) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The story's markup, through shadow roots and same-origin frames: equal twice means nothing moved. */
function deepMarkup(root: ParentNode): string {
  const own =
    root instanceof Document ? (root.body?.innerHTML ?? '') : (root as Element | ShadowRoot).innerHTML;
  let markup = own;
  for (const element of root.querySelectorAll('*')) {
    const inner =
      element.shadowRoot ?? (element instanceof HTMLIFrameElement ? element.contentDocument : null);
    if (inner) markup += deepMarkup(inner);
  }
  return markup;
}

/**
 * Resolves once the story shows no loading placeholder and its markup held still for three looks
 * 200 ms apart. A request's end is not yet its rendering (a query notifies, Lit updates, a
 * virtualizer measures), and a picture of a skeleton would pass as the story.
 */
async function settled(canvas: HTMLElement, timeoutMs = 20_000): Promise<void> {
  const start = performance.now();
  let last = '';
  let calm = 0;
  while (calm < 3) {
    if (performance.now() - start > timeoutMs) {
      const loading = loadingIn(canvas);
      throw new Error(
        `the story did not settle in ${timeoutMs} ms: ${loading ? `still loading (${loading.outerHTML.slice(0, 120)})` : 'its markup kept changing'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const markup = deepMarkup(canvas);
    calm = markup === last && !loadingIn(canvas) ? calm + 1 : 0;
    last = markup;
  }
}

/**
 * Grows the frame's height to the story's, up to `MAX_HEIGHT`: the test page is a frame, and what
 * lies below its fold would be missing from the picture. The width stays the variant's. A story
 * whose height follows the viewport's (`vh` units) settles within a few rounds or at the cap.
 */
async function fitViewportToStory(canvas: HTMLElement): Promise<void> {
  const { width, height } = variant!.viewport;
  let current = height;
  for (let round = 0; round < 3; round++) {
    const needed = Math.max(height, Math.min(MAX_HEIGHT, Math.ceil(canvas.getBoundingClientRect().height)));
    if (needed === current) return;
    current = needed;
    await page.viewport(width, current);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }
}

/** `<variant>/<component>/<story>`: a story's id is `<component>--<story>`. */
function baselineName(storyId: string): string {
  return `${variant!.name}/${storyId.replace('--', '/')}`;
}

function blurDeepActiveElement(): void {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  (active as HTMLElement | null)?.blur?.();
}

/** The first element matching `selector` in the document or in any open shadow root below it. */
function deepQuery(selector: string): Element {
  const search = (root: ParentNode): Element | undefined =>
    root.querySelector(selector) ??
    [...root.querySelectorAll('*')].reduce<Element | undefined>(
      (found, host) => found ?? (host.shadowRoot ? search(host.shadowRoot) : undefined),
      undefined,
    );
  const found = search(document);
  if (!found) throw new Error(`visual mask: nothing matches ${selector}`);
  return found;
}
