import { describe, expect, it } from 'vitest';
import { kB } from '@chorus/testing/bundle';
import { BUNDLE_BUDGETS } from '../src/budgets.js';
import { measureBudget } from '../src/sizes.js';

// The size gate of `npm test`: every published bundle measured from the built packages, as an app
// would ship it. A budget raised on purpose is raised in src/budgets.ts, where the report shows it.
describe('bundle budgets (esbuild, minified ESM, gzip -9)', () => {
  it.each(BUNDLE_BUDGETS.map((budget) => [budget.name, budget] as const))(
    '%s stays within its budget',
    async (_name, budget) => {
      const { gzip } = await measureBudget(budget);
      expect(gzip, `${budget.name}: ${kB(gzip)} against a ${kB(budget.max)} budget`).toBeLessThanOrEqual(
        budget.max,
      );
      // A bundle of a few bytes means the entry resolved to nothing: the gate itself would be broken.
      expect(gzip).toBeGreaterThan(1024);
    },
  );
});
