import { browserProject } from '@chorus/api/testing/browser';
import { defineConfig } from 'vitest/config';
import { readmeSnippets } from './test/readme-snippets.js';

export default defineConfig({
  test: {
    projects: [
      // Pure logic (formatting, messages, URL checks): Node is enough.
      { test: { name: 'node', environment: 'node', include: ['test/**/*.node.test.ts'] } },
      // Elements and controllers: a real Chromium against the real API.
      {
        // The README's snippets import '@chorus/core' as a user does: here that is this source, so
        // they share the tests' provider and context.
        plugins: [readmeSnippets(new URL('README.md', import.meta.url))],
        resolve: {
          alias: [
            { find: /^@chorus\/core$/, replacement: new URL('src/index.ts', import.meta.url).pathname },
          ],
        },
        test: browserProject(63314),
      },
    ],
  },
});
