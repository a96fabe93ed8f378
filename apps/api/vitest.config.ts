import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // One API (and one PGlite, 4-13 s to start) for all files: each test isolates itself in its own workspace.
    isolate: false,
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
