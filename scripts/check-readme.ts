/**
 * The README's code, compiled as a user's project would compile it (part of `check-package.ts`):
 * every ```ts, ```tsx and ```js block becomes a module of a strict TypeScript project that imports
 * the packages through their published `exports` (the built `dist`, `moduleResolution: bundler`).
 * A snippet that stops compiling (a renamed export, an undeclared property) fails the gate.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const EXTENSIONS = { ts: 'ts', typescript: 'ts', tsx: 'tsx', js: 'js' } as const;

/** Implicit `any` (parameters, variables, destructuring): what plain JavaScript is, so fine in a js block. */
const IMPLICIT_ANY = new Set([7005, 7006, 7031, 7034]);

/** A consumer's settings: strict, ESM through a bundler, DOM and Node types, React's JSX. */
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  jsx: ts.JsxEmit.ReactJSX,
  allowJs: true,
  checkJs: true,
  // The snippets are under test here, not the dependencies' declarations.
  skipLibCheck: true,
};

/** Compiles the README's snippets; returns how many there were and each error, one line apiece. */
export function readmeProblems(packageName: string): { snippets: number; problems: string[] } {
  const readme = readFileSync('README.md', 'utf8');
  const blocks = [...readme.matchAll(/^```(ts|typescript|tsx|js)\n([\s\S]*?)^```$/gm)];
  if (blocks.length === 0) return { snippets: 0, problems: [] };

  // Inside the repository's node_modules, so `@chorus/*` and their dependencies resolve as installed.
  const dir = fileURLToPath(
    new URL(`../node_modules/.cache/chorus-readme/${packageName.replace('/', '+')}/`, import.meta.url),
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = blocks.map(([, language, code], index) => {
    const file = `${dir}snippet-${index + 1}.${EXTENSIONS[language as keyof typeof EXTENSIONS]}`;
    // Each snippet is its own module, as if it were its own file in the user's project.
    writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });

  const program = ts.createProgram(files, OPTIONS);
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter(
      (diagnostic) => !(diagnostic.file?.fileName.endsWith('.js') && IMPLICIT_ANY.has(diagnostic.code)),
    );
  const problems = diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const snippet = diagnostic.file.fileName.slice(dir.length);
    return `README ${snippet} line ${line + 1}: ${message}`;
  });
  return { snippets: blocks.length, problems };
}
