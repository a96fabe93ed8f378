import { defineConfig } from 'vitest/config';

// What Stryker runs once per mutant: the API suite without the slow sweeps that test the HTTP
// layer or the metrics SQL (malformed input, the metrics property test), which the mutated
// domain modules do not change. On PostgreSQL when TEST_DATABASE_URL names one: every run starts the
// API afresh, and PGlite's start with the demo seed (seconds) would be most of each mutant's time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/malformed.test.ts', 'test/metrics-property.test.ts', 'test/metrics.test.ts'],
    isolate: false,
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 30_000,
    env: { CHORUS_TEST_ENGINE: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' },
  },
});
