/**
 * `npm run bench`'s last step: every figure the package benches recorded (bench/results/*.json),
 * plus the bundle budgets measured now, in one report (bench/report.md and bench/report.json at the
 * repository root). Exits non-zero when any figure breaks its budget.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Figure, type FigureSection, readFigureSections, withinBudget } from '@chorus/testing/figures';
import { budgetFigures, measureBudgets, measurePeers } from './sizes.js';

const REPORT_DIR = fileURLToPath(new URL('../../../bench/', import.meta.url));

const number = (value: number, unit: Figure['unit']) => {
  if (unit === 'B') return `${(value / 1024).toFixed(2)} kB`;
  if (unit === '×') return `${value.toFixed(1)}×`;
  if (unit === 'requests' || unit === 'frames')
    return `${value.toLocaleString('en-US')} ${value === 1 ? unit.slice(0, -1) : unit}`;
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
};

const budgetText = (figure: Figure) => {
  const { max, min } = figure.budget ?? {};
  if (max !== undefined) return `≤ ${number(max, figure.unit)}`;
  if (min !== undefined) return `≥ ${number(min, figure.unit)}`;
  return '';
};

const peerText = (figure: Figure) =>
  figure.peer
    ? `${figure.peer.name}: ${number(figure.peer.value, figure.unit)} (${(figure.value / figure.peer.value).toFixed(2)}×)`
    : '';

const cell = (text: string) => text.replaceAll('|', '\\|');

function markdown(sections: FigureSection[]): string {
  const lines = [
    '# Chorus benchmark report',
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'}`,
    '',
    'Every figure beside its budget and, where one exists, a peer measured in the same run (ratio = ours ÷ peer).',
    '',
    '| Section | Figure | Value | Budget | Peer (ratio) | Status | Note |',
    '|---|---|--:|---|---|---|---|',
  ];
  for (const { section, figures } of sections) {
    for (const figure of figures) {
      const status = figure.budget ? (withinBudget(figure) ? 'ok' : '**OVER**') : '';
      lines.push(
        `| ${cell(section)} | ${cell(figure.name)} | ${number(figure.value, figure.unit)} | ${budgetText(figure)} | ${cell(peerText(figure))} | ${status} | ${cell(figure.note ?? '')} |`,
      );
    }
  }
  const recorded = sections.filter((s) => s.section !== 'Bundle budgets');
  lines.push(
    '',
    `Recorded by: ${recorded.map((s) => `${s.section} (${s.recordedAt})`).join(', ') || 'no bench yet'}.`,
  );
  return `${lines.join('\n')}\n`;
}

const [measured, peers] = await Promise.all([measureBudgets(), measurePeers()]);
const sections: FigureSection[] = [
  {
    section: 'Bundle budgets',
    figures: budgetFigures(measured, peers),
    recordedAt: new Date().toISOString(),
  },
  ...readFigureSections(),
];
writeFileSync(`${REPORT_DIR}report.md`, markdown(sections));
writeFileSync(`${REPORT_DIR}report.json`, `${JSON.stringify(sections, null, 2)}\n`);
console.log(markdown(sections));

const broken = sections.flatMap((s) =>
  s.figures.filter((f) => !withinBudget(f)).map((f) => `${s.section}: ${f.name}`),
);
if (broken.length > 0) {
  console.error(`Over budget:\n  ${broken.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(`Report: ${REPORT_DIR}report.md — every budget kept.`);
}
