import { BROWSER_TEST_GLOBAL_SETUP, chromiumBrowser } from '@chorus/api/testing/browser';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'node', environment: 'node', include: ['test/**/*.node.test.ts'] } },
      {
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          browser: chromiumBrowser(63315),
          globalSetup: [BROWSER_TEST_GLOBAL_SETUP],
          hookTimeout: 180_000, // PGlite starts in seconds alone, in a minute or more beside other suites on two cores
          testTimeout: 30_000,
        },
      },
    ],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
