import { browserProject } from '@chorus/api/testing/browser';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Pure logic: Node is enough.
      { test: { name: 'node', environment: 'node', include: ['test/**/*.node.test.ts'] } },
      // Elements and controllers: a real Chromium against the real API.
      { test: browserProject(63318) },
    ],
  },
});
