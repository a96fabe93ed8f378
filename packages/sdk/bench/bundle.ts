import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleSize {
  minified: number;
  gzipped: number;
  /** Every file that went into the bundle, relative to the package. */
  inputs: string[];
}

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Builds `source` as a browser ESM entry (minified, everything bundled) and measures it. */
export async function measureBundle(source: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
  };
}

/** The bundles the bench reports, each as the entry a page would have. */
export const BUNDLES = {
  'plain client (every export of @chorus/sdk)': `export * from './src/index.ts';`,
  'client + query layer (@chorus/sdk/query, query-core as peer)': `export * from './src/index.ts'; export * from './src/query/index.ts';`,
  'client + query layer + QueryClient and observers': `export * from './src/index.ts'; export * from './src/query/index.ts'; export { QueryClient, QueryObserver, InfiniteQueryObserver, MutationObserver } from '@tanstack/query-core';`,
  'bare openapi-fetch': `export { default } from 'openapi-fetch';`,
  'bare @tanstack/query-core (QueryClient and observers)': `export { QueryClient, QueryObserver, InfiniteQueryObserver, MutationObserver } from '@tanstack/query-core';`,
  'bare @tanstack/query-core (everything)': `export * from '@tanstack/query-core';`,
} as const;

export const PLAIN_CLIENT_BUDGET_BYTES = 5 * 1024;
