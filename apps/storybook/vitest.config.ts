import { fileURLToPath } from 'node:url';
import { BROWSER_TEST_GLOBAL_SETUP, browserTestApi, chromiumBrowser } from '@chorus/api/testing/browser';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';

/** The story tests' page is served on this port; the test API allows its origin. */
const STORY_TEST_PORT = 63316;

export default defineConfig(async () => {
  // chromiumBrowser first: it tells browserTestApi which page origin to allow.
  const browser = chromiumBrowser(STORY_TEST_PORT);
  const api = await browserTestApi();
  return {
    test: {
      projects: [
        {
          // Every story is a test (its play function, then axe) in Chromium against a real, seeded API.
          plugins: [storybookTest({ configDir: fileURLToPath(new URL('.storybook', import.meta.url)) })],
          define: { 'import.meta.env.VITE_CHORUS_API_URL': JSON.stringify(api.url) },
          // Found up front, so Vite does not discover them mid-run and reload the test page.
          optimizeDeps: {
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
            ],
          },
          test: {
            name: 'stories',
            browser,
            // Closes the API when the run ends.
            globalSetup: [BROWSER_TEST_GLOBAL_SETUP],
            testTimeout: 30_000,
          },
        },
        {
          // Node: the demo's token handling against a real API, and the static build (`npm run build`,
          // which turbo runs before this) in Chromium, story by story.
          test: {
            name: 'node',
            environment: 'node',
            // The API above is started for every run; whichever project runs closes it.
            globalSetup: [BROWSER_TEST_GLOBAL_SETUP],
            include: ['test/**/*.test.ts'],
            hookTimeout: 120_000,
            testTimeout: 120_000,
          },
        },
      ],
    },
  };
});
