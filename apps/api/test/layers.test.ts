/**
 * The API's modules depend one way: the app (composition root) on routes, routes on http, domain and
 * changes (the feed's fan-out), http on domain, domain and changes on db. A module that imports against that direction (a route reading the
 * app, a rule reaching for HTTP) fails here with its file and import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

/** Each layer, and the layers its modules may import (besides itself and the leaf modules). */
const MAY_IMPORT: Record<string, string[]> = {
  db: [],
  domain: ['db'],
  seed: ['db', 'domain'],
  http: ['db', 'domain'],
  // The change feed's fan-out: reads its table and LISTENs, below the routes that stream it.
  changes: ['db'],
  routes: ['http', 'domain', 'changes'],
};
/** Modules with no dependency on the layers (ids, errors), importable from anywhere. */
const LEAVES = new Set(['ids', 'errors']);

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // `from '…'`, a bare `import '…'` and `import('…')`.
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.\.?\/[^']+)'/g)].map((match) => match[1]!);
}

describe('layers of the API', () => {
  it('import only downwards', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [layer, allowed] of Object.entries(MAY_IMPORT)) {
      for (const name of readdirSync(join(SRC, layer)).filter((file) => file.endsWith('.ts'))) {
        checked += 1;
        for (const specifier of relativeImports(join(SRC, layer, name))) {
          if (specifier.startsWith('./')) continue;
          const target = specifier
            .replace(/^\.\.\//, '')
            .split('/')[0]!
            .replace(/\.js$/, '');
          if (LEAVES.has(target) || allowed.includes(target)) continue;
          wrong.push(`src/${layer}/${name} imports ${specifier}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });
});
