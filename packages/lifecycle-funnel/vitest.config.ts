import { browserProject } from '@chorus/api/testing/browser';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Pure logic and the translations' completeness: Node runs those.
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.node.test.ts'],
          hookTimeout: 180_000,
          testTimeout: 60_000,
        },
      },
      // The elements: a real Chromium against the real API.
      { test: browserProject(63322) },
    ],
  },
});
