// Mutation testing of the SDK's transport, on demand (`npm run mutation -w @chorus/sdk`), not in CI:
// it runs the unit tests once per mutant, about ten minutes on two busy cores.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // The middleware and the errors they throw: where a missing assertion costs a user a retry storm,
  // a hung call or an error of the wrong kind.
  mutate: ['src/middleware/*.ts', 'src/errors.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/.stryker-tmp*', '/reports', '/dist'],
  cleanTempDir: 'always',
};
