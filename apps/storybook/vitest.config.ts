import { fileURLToPath } from 'node:url';
import { BROWSER_TEST_GLOBAL_SETUP, browserTestApi, chromiumBrowser } from '@chorus/api/testing/browser';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { VISUAL_GLOBAL_SETUP, visualApi, visualProject } from './visual/project.js';

/** The story tests' page is served on this port; the test API allows its origin. */
const STORY_TEST_PORT = 63316;
/** The visual regression suite's page, which reads an API of its own (seeded at a fixed instant). */
const VISUAL_TEST_PORT = 63323;

// Found up front, so Vite does not discover them mid-run and reload the test page.
const optimizeDeps = {
  include: [
    '@lit/context',
    '@lit-labs/virtualizer/virtualize.js',
    '@storybook/web-components-vite',
    '@tanstack/query-core',
    'lit',
    'lit/decorators.js',
    'lit/directive-helpers.js',
    'lit/directives/if-defined.js',
    'lit/directives/keyed.js',
    'lit/directives/ref.js',
    'lit/directives/style-map.js',
    'storybook/internal/csf',
    'storybook/preview-api',
    'storybook/viewport',
  ],
};

export default defineConfig(async () => {
  // chromiumBrowser first: it tells browserTestApi which page origin to allow.
  const browser = chromiumBrowser(STORY_TEST_PORT);
  const [api, visual] = await Promise.all([browserTestApi(), visualApi(VISUAL_TEST_PORT)]);
  return {
    test: {
      projects: [
        {
          // Every story is a test (its play function, then axe) in Chromium against a real, seeded API.
          plugins: [storybookTest({ configDir: fileURLToPath(new URL('.storybook', import.meta.url)) })],
          define: { 'import.meta.env.VITE_CHORUS_API_URL': JSON.stringify(api.url) },
          optimizeDeps,
          test: {
            name: 'stories',
            browser,
            // Close the APIs when the run ends.
            globalSetup: [BROWSER_TEST_GLOBAL_SETUP, VISUAL_GLOBAL_SETUP],
            testTimeout: 30_000,
          },
        },
        // Every story shown in the sidebar photographed and compared with its baseline (visual/).
        visualProject({ port: VISUAL_TEST_PORT, api: visual, optimizeDeps }),
        {
          // Node: the demo's token handling against a real API, and the static build (`npm run build`,
          // which turbo runs before this) in Chromium, story by story.
          test: {
            name: 'node',
            environment: 'node',
            // The APIs above are started for every run; whichever project runs closes them.
            globalSetup: [BROWSER_TEST_GLOBAL_SETUP, VISUAL_GLOBAL_SETUP],
            include: ['test/**/*.test.ts'],
            hookTimeout: 120_000,
            testTimeout: 120_000,
          },
        },
      ],
    },
  };
});
