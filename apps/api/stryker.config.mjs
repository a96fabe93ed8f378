// Mutation testing of the API's domain rules, on demand (`npm run mutation -w @chorus/api`), not in
// CI: every mutant reruns the tests that reach it (about an hour on two busy cores).
// Known: with Vitest 4.1, once a mutant has timed out, Stryker's setup hook `afterAll(({ meta }) => …)`
// can fail later files with FixtureAccessError, and their mutants then count as killed. Read the log:
// a run that shows that error gives a score too high from that point on.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // The TypeScript that decides (lifecycle and stage rules, versions, paging, periods, RFM, insights,
  // contact references, sessions, public ratings). The SQL text is left out: a blanked query fails any
  // test that reaches it, so mutating it would cost hours and teach nothing; the metrics SQL has its own
  // reference property test.
  mutate: [
    'src/domain/*.ts',
    '!src/domain/metric-sql.ts',
    '!src/domain/metrics.ts',
    '!src/domain/board.ts',
    '!src/domain/types.ts',
    '!src/domain/rows.ts',
  ],
  mutator: { excludedMutations: ['StringLiteral'] },
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/.stryker-tmp*', '/reports', '/scratch', '/node_modules'],
  cleanTempDir: 'always',
};
