/**
 * The vitest project `visual`: `visual.browser.test.ts` once per variant (a browser instance each,
 * see `variants.ts`), against an API of its own seeded at `VISUAL_NOW`. Storybook's vitest plugin
 * gives it what the `stories` project has (the preview's annotations and page styles, the framework's
 * Vite setup), so a story renders here exactly as it does there; the test file composes the stories
 * itself rather than letting the plugin turn each into a test, so that it can leave out play
 * functions and pick the stories per variant.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApi, type TestApi } from '@chorus/api/testing';
import { BROWSER_TEST_GLOBAL_SETUP, chromiumLaunchOptions } from '@chorus/api/testing/browser';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { visualCommands } from './network.js';
import { VARIANTS, VISUAL_NOW } from './variants.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const state = globalThis as { chorusVisualApi?: Promise<TestApi> };

/** A `globalSetup` entry that closes the suite's API: every project lists it, as any may run alone. */
export const VISUAL_GLOBAL_SETUP = here('./global-setup.ts');

/** The suite's API (closed by `VISUAL_GLOBAL_SETUP`), allowing the origin of the suite's test page. */
export function visualApi(port: number): Promise<TestApi> {
  state.chorusVisualApi ??= startTestApi({
    now: VISUAL_NOW,
    extraOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  });
  return state.chorusVisualApi;
}

export function visualProject({
  port,
  api,
  optimizeDeps,
}: {
  port: number;
  api: TestApi;
  optimizeDeps: { include: string[] };
}): TestProjectInlineConfiguration {
  return {
    plugins: [
      storybookTest({ configDir: here('../.storybook') }),
      {
        // Storybook's plugin gives every project of one config folder the same Vite cache; two
        // projects optimizing into it at once reload each other's test pages.
        name: 'chorus:visual-cache-dir',
        config: () => ({ cacheDir: here('../node_modules/.cache/sb-vitest-visual') }),
      },
    ],
    optimizeDeps,
    test: {
      name: 'visual',
      setupFiles: [here('./setup.ts')],
      provide: { chorusVisualApiUrl: api.url },
      globalSetup: [BROWSER_TEST_GLOBAL_SETUP, VISUAL_GLOBAL_SETUP],
      testTimeout: 60_000,
      browser: {
        enabled: true,
        headless: true,
        // Storybook's plugin forbids writes from the page by default; the matcher writes baselines
        // (with `--update`) and the actual and diff images of a failed comparison.
        api: { port, strictPort: true, allowWrite: true },
        provider: playwright({
          launchOptions: chromiumLaunchOptions(),
          // The same clock zone and language wherever the suite runs; one CSS pixel per pixel. The
          // page holds the test frame, which Vitest scales down to fit: as large as any variant's
          // viewport grown to its tallest story (see the test file), the frame is shown at 1:1.
          contextOptions: {
            timezoneId: 'UTC',
            locale: 'en-US',
            deviceScaleFactor: 1,
            viewport: { width: 1280, height: 2400 },
          },
        }),
        commands: visualCommands,
        screenshotFailures: false,
        expect: {
          toMatchScreenshot: {
            comparatorName: 'pixelmatch',
            // Per pixel, pixelmatch's default colour tolerance (anti-aliased edges are ignored); per
            // picture, at most 20 pixels may differ: a few glyphs' worth of sub-pixel rendering. Runs
            // on this machine differed by none; a badge 4 px wider changed 131 to 744 per picture.
            comparatorOptions: { threshold: 0.1, allowedMismatchedPixels: 20 },
            resolveScreenshotPath: ({ arg, ext, root }) => join(root, 'visual/baselines', `${arg}${ext}`),
            // `<arg>-reference`, `-actual` and `-diff`: what a reviewer opens when a comparison fails.
            resolveDiffPath: ({ arg, ext, root }) => join(root, 'visual/failures', `${arg}${ext}`),
          },
        },
        instances: VARIANTS.map((variant) => ({
          browser: 'chromium' as const,
          name: `visual ${variant.name}`,
          // Storybook's plugin makes every story file a test file; an instance's own `include` wins.
          include: ['visual/visual.browser.test.ts'],
          provide: { chorusVisualVariant: variant.name },
        })),
      },
    },
  };
}
