import { fileURLToPath } from 'node:url';
import { RUNTIME, SDK } from '@chorus/testing/runtime';
import { build } from 'esbuild';

/** Every element package's define module: what a page of the whole kit imports. */
export const ELEMENT_DEFINES = [
  '@chorus/contact-card/define',
  '@chorus/metrics-tiles/define',
  '@chorus/pipeline-board/define',
  '@chorus/pipeline-board/define-deal-card',
  '@chorus/rating-widget/define',
];

const here = fileURLToPath(new URL('..', import.meta.url));
const isRuntime = (specifier: string) =>
  RUNTIME.some((pattern) =>
    pattern.endsWith('/*') ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern,
  );

/**
 * The runtime as the kit uses it: `@chorus/core/define` (the provider) and exactly the names the
 * element packages import from Lit and core, read off each package bundled with the runtime left
 * external. Not `export *`: a page's bundler drops what no element imports (Lit's unused
 * decorators, context's root), so counting it would overstate the runtime; and derived, not listed,
 * so an element that starts using another directive moves the runtime's figure with it.
 */
export async function runtimeEntry(): Promise<string> {
  const imports = new Map<string, Set<string>>();
  for (const define of ELEMENT_DEFINES) {
    const result = await build({
      stdin: { contents: `import '${define}';`, resolveDir: here, loader: 'ts', sourcefile: 'entry.ts' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      external: [...RUNTIME, ...SDK, '@chorus/contract', '@chorus/contract/*'],
      conditions: ['production'],
      write: false,
      logLevel: 'silent',
    });
    // esbuild writes each external import as one `import { a, b as c } from "x";` line at the top.
    for (const [, names, specifier] of result.outputFiles[0]!.text.matchAll(
      /^import \{([^}]*)\} from "([^"]+)";$/gm,
    )) {
      if (!isRuntime(specifier!)) continue;
      const set = imports.get(specifier!) ?? new Set<string>();
      for (const name of names!.split(',')) set.add(name.trim().split(/\s+as\s+/)[0]!);
      imports.set(specifier!, set);
    }
  }
  if (!imports.has('lit') || !imports.has('@chorus/core')) {
    throw new Error('bench: no element imports Lit and core, so the runtime entry would be empty');
  }
  const lines = [...imports].map(
    ([specifier, names]) => `export { ${[...names].sort().join(', ')} } from '${specifier}';`,
  );
  return `import '@chorus/core/define';\n${lines.join('\n')}\n`;
}
