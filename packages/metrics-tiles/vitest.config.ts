import { browserProject } from '@chorus/api/testing/browser';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Pure logic, and the strict-CSP page driven through Playwright: Node runs those.
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.node.test.ts'],
          // PGlite and Chromium start in seconds alone, in a minute beside other suites on two cores.
          hookTimeout: 180_000,
          testTimeout: 60_000,
        },
      },
      // Elements and controllers: a real Chromium against the real API.
      { test: browserProject(63317) },
    ],
  },
});
