import { defineConfig } from 'vitest/config';

const shared = {
  environment: 'node' as const,
  include: ['test/**/*.test.ts'],
  // One API (and one PGlite, 4-13 s to start) for all files: each test isolates itself in its own workspace.
  isolate: false,
  fileParallelism: false,
  hookTimeout: 120_000,
  testTimeout: 30_000,
};

/** The suite runs on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL names a server (CI does). */
export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'pglite', env: { CHORUS_TEST_ENGINE: 'pglite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { ...shared, name: 'postgres', env: { CHORUS_TEST_ENGINE: 'postgres' } } }]
        : []),
    ],
  },
});
