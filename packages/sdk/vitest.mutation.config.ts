import { defineConfig } from 'vitest/config';

// What Stryker runs once per mutant: the Node unit tests, without the type tests (they do not run
// code) and without the bundle budget (it bundles with esbuild and tests no middleware behaviour).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/*.test.ts'],
    exclude: ['test/bundle.test.ts'],
  },
});
