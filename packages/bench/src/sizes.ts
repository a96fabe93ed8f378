import { BUNDLE_BUDGETS, type BundleBudget, PEERS, type PeerName } from './budgets.js';
import { kB, measureBudget, measureBundle } from './bundle.js';
import type { Figure } from './figures.js';

export interface MeasuredBudget {
  budget: BundleBudget;
  gzip: number;
  min: number;
}

/** Measures every budgeted bundle now, from the packages' built `dist`. */
export async function measureBudgets(): Promise<MeasuredBudget[]> {
  return Promise.all(
    BUNDLE_BUDGETS.map(async (budget) => {
      const size = await measureBudget(budget);
      return { budget, gzip: size.gzip, min: size.min };
    }),
  );
}

export async function measurePeers(): Promise<Record<PeerName, number>> {
  const entries = await Promise.all(
    (Object.keys(PEERS) as PeerName[]).map(
      async (name) => [name, (await measureBundle(PEERS[name])).gzip] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<PeerName, number>;
}

/** The budgets as report figures, each beside its peer. */
export function budgetFigures(measured: MeasuredBudget[], peers: Record<PeerName, number>): Figure[] {
  return measured.map(({ budget, gzip }) => ({
    name: `${budget.name} (min+gz)`,
    value: gzip,
    unit: 'B',
    budget: { max: budget.max },
    ...(budget.peer ? { peer: { name: budget.peer, value: peers[budget.peer as PeerName] } } : {}),
    ...(budget.target && budget.target < budget.max
      ? {
          note: `design budget ${kB(budget.target)} ${gzip <= budget.target ? 'met' : 'missed'}${budget.note ? `: ${budget.note}` : ''}`,
        }
      : {}),
  }));
}
