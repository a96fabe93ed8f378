import { browserProject } from '@chorus/api/testing/browser';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // The generator: pure, and the committed output must match the manifests.
      { test: { name: 'node', environment: 'node', include: ['test/**/*.node.test.ts'] } },
      // A React page using the wrappers: a real Chromium against the real API.
      { test: { ...browserProject(63321), include: ['test/**/*.browser.test.tsx'] } },
    ],
  },
});
