import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/*.test.ts'],
          // `vitest run --typecheck` also checks the type tests: wrong paths, params and bodies must not compile.
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One API for all files (see shared-api.ts): PGlite starts in 4-13 s.
          isolate: false,
          fileParallelism: false,
          hookTimeout: 180_000, // PGlite starts in seconds alone, in a minute or more beside other suites on two cores
          testTimeout: 60_000,
        },
      },
      // The fault suite again on PostgreSQL (row locks and commits of a real server), when CI names one.
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'faults-postgres',
                include: ['test/integration/faults.test.ts'],
                env: { CHORUS_TEST_ENGINE: 'postgres' },
                isolate: false,
                fileParallelism: false,
                hookTimeout: 180_000,
                testTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
