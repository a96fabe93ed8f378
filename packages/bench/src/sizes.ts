import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BundleSize, kB, measureBundle } from '@chorus/testing/bundle';
import type { Figure } from '@chorus/testing/figures';
import { PEERS, type PeerName } from '@chorus/testing/runtime';
import { BUNDLE_BUDGETS, type BundleBudget } from './budgets.js';

/** This package depends on every element, so the budgets' entries resolve from here. */
const here = fileURLToPath(new URL('..', import.meta.url));

export interface MeasuredBudget {
  budget: BundleBudget;
  gzip: number;
  min: number;
}

/** A budget's bundle: built from its entry, or read from the file its package ships. */
export async function measureBudget(budget: BundleBudget): Promise<BundleSize> {
  if (budget.file) {
    const code = readFileSync(createRequire(import.meta.url).resolve(budget.file), 'utf8');
    return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).byteLength, code };
  }
  if (!budget.entry) throw new Error(`${budget.name}: a budget needs an entry or a file`);
  const entry = typeof budget.entry === 'function' ? await budget.entry() : budget.entry;
  return measureBundle(entry, { external: budget.external ?? [], resolveDir: here });
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
