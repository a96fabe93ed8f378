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
    ],
  },
});
