/**
 * The public surface of a package, as a stranger's compiler sees it: every name each `exports`
 * entry point offers, with its kind, read from the built declarations. The list is committed as
 * `api-report.md` beside the package.json, so a new or removed export shows in review as a diff of
 * that file, and `check-package` fails while the file and the build disagree.
 * `CHORUS_API_REPORT=update npm run check-package` writes the file anew.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

type ExportTarget = string | { types?: string; default?: string; import?: string } | null;

export const API_REPORT = 'api-report.md';

/** What one declaration is, in a word a reviewer reads. */
function kindOf(symbol: ts.Symbol): string {
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.Enum) return 'enum';
  if (flags & ts.SymbolFlags.Variable) return 'const';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.TypeAlias) return 'type';
  if (flags & ts.SymbolFlags.Module) return 'namespace';
  return 'other';
}

/** The declaration file of every entry point that has one, by its specifier (`.`, `./define`, …). */
function typedEntries(exportsField: Record<string, ExportTarget>): Array<[string, string]> {
  return Object.entries(exportsField).flatMap(([specifier, target]) =>
    target && typeof target === 'object' && target.types
      ? [[specifier, target.types] as [string, string]]
      : [],
  );
}

/** The report's text: one section per entry point, one line per exported name, sorted. */
export function apiReport(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(packageDir, 'package.json'), 'utf8')) as {
    name: string;
    exports?: Record<string, ExportTarget>;
  };
  const entries = typedEntries(manifest.exports ?? {});
  const program = ts.createProgram(
    entries.map(([, file]) => resolve(packageDir, file)),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const sections = entries.map(([specifier, file]) => {
    const source = program.getSourceFile(resolve(packageDir, file));
    const module = source && checker.getSymbolAtLocation(source);
    const names = module
      ? checker.getExportsOfModule(module).map((symbol) => {
          const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
          return `${symbol.name} (${kindOf(target)})`;
        })
      : [];
    names.sort((a, b) => a.localeCompare(b, 'en'));
    const heading = specifier === '.' ? manifest.name : `${manifest.name}${specifier.slice(1)}`;
    const title = `## \`${heading}\` (${names.length})`;
    return names.length === 0 ? title : [title, '', ...names.map((name) => `- ${name}`)].join('\n');
  });
  return (
    [
      `# Public API of ${manifest.name}`,
      '',
      'Generated from the built declarations by `scripts/check-api-report.ts`; `check-package` fails when',
      'it is out of date. A change here is a change to what users can import: review it as one.',
      '',
      sections.join('\n\n'),
    ]
      .join('\n')
      // One newline at the end, as the formatter writes Markdown (an empty last section left two).
      .trimEnd()
      .concat('\n')
  );
}

/** Problems for check-package: the committed report is missing or differs from the build. */
export function apiReportProblems(packageDir: string): string[] {
  const path = resolve(packageDir, API_REPORT);
  const current = apiReport(packageDir);
  if (process.env.CHORUS_API_REPORT === 'update') {
    writeFileSync(path, current);
    return [];
  }
  if (!existsSync(path))
    return [`${API_REPORT} is missing: run CHORUS_API_REPORT=update npm run check-package`];
  const committed = readFileSync(path, 'utf8');
  if (committed === current) return [];
  const before = new Set(committed.split('\n'));
  const after = new Set(current.split('\n'));
  const added = [...after].filter((line) => line.startsWith('- ') && !before.has(line));
  const removed = [...before].filter((line) => line.startsWith('- ') && !after.has(line));
  return [
    `${API_REPORT} is out of date (CHORUS_API_REPORT=update npm run check-package writes it):`,
    ...added.map((line) => `  + ${line.slice(2)}`),
    ...removed.map((line) => `  - ${line.slice(2)}`),
    ...(added.length + removed.length === 0 ? ['  (the sections or counts differ)'] : []),
  ];
}
