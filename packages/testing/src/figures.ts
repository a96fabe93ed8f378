import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SMOKE } from './smoke.js';

/** One measured figure of a bench, with what it is judged against. */
export interface Figure {
  /** What was measured: "first render, 10,000 deals". */
  name: string;
  value: number;
  unit: 'B' | 'ms' | 'requests' | 'req/s' | 'events/s' | 'frames' | '×';
  /** The gate: the most (or, for throughput, the least) the value may be. */
  budget?: { max?: number; min?: number };
  /** The same measure of a peer, taken in the same run. */
  peer?: { name: string; value: number };
  /** How it was measured, when the name does not say. */
  note?: string;
}

export interface FigureSection {
  /** The package or subject: "@chorus/contact-card". */
  section: string;
  figures: Figure[];
  recordedAt: string;
}

/** Where each bench leaves its figures for the report (`bench/results/` at the repository root). */
export const RESULTS_DIR = fileURLToPath(new URL('../../../bench/results/', import.meta.url));

const fileOf = (section: string) => `${section.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.json`;

/** Records a bench's figures for `npm run bench`'s report (overwrites that section's last run). */
export function recordFigures(section: string, figures: Figure[]): void {
  // A smoke run measures nothing worth keeping: it only proves the bench runs to the end.
  if (SMOKE) {
    console.log(`bench smoke: ${section} ran to the end (${figures.length} figures, not recorded)`);
    return;
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const record: FigureSection = { section, figures, recordedAt: new Date().toISOString() };
  writeFileSync(`${RESULTS_DIR}${fileOf(section)}`, `${JSON.stringify(record, null, 2)}\n`);
}

export function readFigureSections(): FigureSection[] {
  let files: string[] = [];
  try {
    files = readdirSync(RESULTS_DIR).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .sort()
    .map((file) => JSON.parse(readFileSync(`${RESULTS_DIR}${file}`, 'utf8')) as FigureSection);
}

/** Whether a figure keeps its budget (a figure without one always does). */
export function withinBudget(figure: Figure): boolean {
  const { max, min } = figure.budget ?? {};
  return (max === undefined || figure.value <= max) && (min === undefined || figure.value >= min);
}
