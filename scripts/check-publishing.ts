/**
 * What every published package must tell a stranger (part of `check-package.ts`): where it comes
 * from (`repository` with its directory, `homepage`, `bugs`, `keywords`, `license`, `engines`),
 * that it is ESM only and which TypeScript resolution reads it (in the README's install section),
 * and source maps that map lines without carrying the sources again.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageJson {
  name: string;
  keywords?: string[];
  homepage?: string;
  bugs?: { url?: string };
  repository?: { type?: string; url?: string; directory?: string };
  license?: string;
  engines?: { node?: string };
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Packages whose README belongs to another change in flight (issue 13: the SDK and contract
 * entry points are being split); they get the install note with it.
 */
const README_NOTE_PENDING = new Set(['@chorus/sdk', '@chorus/contract']);

export function publishingProblems(manifest: PackageJson, packed: string[]): string[] {
  const problems: string[] = [];
  const directory = relative(ROOT, process.cwd()).split('\\').join('/');
  if (manifest.repository?.directory !== directory || !manifest.repository.url?.startsWith('git+https://')) {
    problems.push(`"repository" needs a git+https url and "directory": "${directory}"`);
  }
  if (!manifest.homepage?.startsWith('https://')) problems.push('"homepage" is missing');
  if (!manifest.bugs?.url?.startsWith('https://')) problems.push('"bugs" is missing');
  if (!manifest.keywords?.length) problems.push('"keywords" is missing');
  if (!manifest.license) problems.push('"license" is missing');
  if (manifest.engines?.node !== '>=20.19') problems.push('"engines" must say node >=20.19');

  if (!README_NOTE_PENDING.has(manifest.name)) {
    const install = readFileSync('README.md', 'utf8').match(/^## Install\n[\s\S]*?(?=^## )/m)?.[0] ?? '';
    if (!/ESM only/.test(install) || !/Node ≥ 20\.19/.test(install) || !/"bundler"/.test(install)) {
      problems.push('README.md needs an "## Install" section saying ESM only, Node ≥ 20.19 and "bundler"');
    }
  }

  for (const path of packed.filter((file) => file.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(path, 'utf8')) as { sourcesContent?: unknown };
    if (map.sourcesContent) problems.push(`${path} inlines its sources (turn inlineSources off)`);
  }
  return problems;
}
