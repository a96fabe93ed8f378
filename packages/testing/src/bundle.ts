import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

export interface BundleSize {
  /** Minified bytes. */
  min: number;
  /** Minified, then gzip -9: what a browser downloads. */
  gzip: number;
  /** The bundle itself, for pages that load it. */
  code: string;
}

export interface BundleOptions {
  /**
   * Where imports in an inline entry resolve from: the calling package, which declares what it
   * bundles (this package depends on no element). Defaults to this package, enough for Lit and the
   * peers.
   */
  resolveDir?: string;
  /** Imports left out: what the page is assumed to have already (Lit, core, the SDK…). */
  external?: string[];
}

const here = fileURLToPath(new URL('..', import.meta.url));

/**
 * A locale's messages (`import('./messages/de.js')`) are a chunk of their own in an app's bundle,
 * downloaded only by a page that shows that language: left out of the measure, as they are of the
 * page's first download. Everything else imported dynamically still counts.
 */
const lazyCatalogues: Plugin = {
  name: 'lazy-catalogues',
  setup(build) {
    build.onResolve({ filter: /\/messages\/[a-z-]+\.js$/ }, ({ kind, path }) =>
      kind === 'dynamic-import' ? { path, external: true } : undefined,
    );
  },
};

/**
 * Bundles an entry the way an app would ship it (esbuild, minified browser ESM, everything bundled
 * but `external`) and measures it. `source` is module text, or `{ entry }` for a file.
 */
export async function measureBundle(
  source: string | { entry: string },
  { resolveDir = here, external = [] }: BundleOptions = {},
): Promise<BundleSize> {
  const result = await build({
    ...(typeof source === 'string'
      ? { stdin: { contents: source, resolveDir, loader: 'ts' as const, sourcefile: 'entry.ts' } }
      : { entryPoints: [source.entry] }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    plugins: [lazyCatalogues],
    // What an app's production build does: no dev-mode branches (query-core and Lit check these).
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    write: false,
    logLevel: 'silent',
  });
  // esbuild silently drops `import './define.js'` when the imported package's `sideEffects` does not
  // list that file: the page then never defines its element. Fail here, at the cause.
  const dropped = result.warnings.filter((warning) => warning.id === 'ignored-bare-import');
  if (dropped.length > 0) {
    throw new Error(
      `bench: the bundler dropped ${dropped.length} side-effect import(s) as free of side effects; list them in the package's "sideEffects":\n${dropped
        .map((warning) => `  ${warning.location?.file}:${warning.location?.line}: ${warning.text}`)
        .join('\n')}`,
    );
  }
  const bytes = result.outputFiles[0]!.contents;
  return {
    min: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    code: result.outputFiles[0]!.text,
  };
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
