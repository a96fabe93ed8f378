import { browserProject } from '@chorus/api/testing/browser';
import { defineConfig } from 'vitest/config';
import { faultCommands } from './test/fault/commands.js';

const browser = browserProject(63319);

export default defineConfig({
  test: {
    projects: [
      // Pure logic, and the script-tag bundle on a static page driven through Playwright: Node runs those.
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
      // Elements and controllers: a real Chromium against the real API (for the fault suite, through
      // a fault proxy, with tabs of its own).
      {
        test: {
          ...browser,
          browser: { ...browser.browser, commands: { ...browser.browser.commands, ...faultCommands } },
        },
      },
    ],
  },
});
