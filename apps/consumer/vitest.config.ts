import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Packing, an npm install from the local cache and three tsc runs: tens of seconds on a busy machine.
    hookTimeout: 300_000,
    testTimeout: 180_000,
  },
});
