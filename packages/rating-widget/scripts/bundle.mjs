/**
 * The script-tag bundle: `dist/chorus-rating.js`, one self-contained ES module (Lit, the SDK's plain
 * client and both elements) that a website loads with `<script type="module" src=…>`. Built from
 * the compiled `dist/define.js` (whose templates the build has minified already), minified, with
 * Lit's production build.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'rolldown/utils';

const result = await build({
  entryPoints: [new URL('../dist/define.js', import.meta.url).pathname],
  outfile: new URL('../dist/chorus-rating.js', import.meta.url).pathname,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  write: true,
  metafile: true,
});
const [output] = Object.entries(result.metafile.outputs);
// A second pass with Oxc's minifier (Vite 8's), which folds what esbuild leaves: 0.16 kB min+gz less.
const { code } = await minify(output[0], await readFile(output[0], 'utf8'), {
  compress: true,
  mangle: { toplevel: true },
  module: true,
});
await writeFile(output[0], code);
const gzip = gzipSync(code, { level: 9 }).length;
console.log(`${output[0]}: ${(code.length / 1024).toFixed(2)} kB min, ${(gzip / 1024).toFixed(2)} kB min+gz`);
// The budget is a promise to the websites that embed it: a build over it fails.
if (gzip > 13.25 * 1024) {
  console.error('dist/chorus-rating.js is over its 13.25 kB min+gz budget.');
  process.exit(1);
}
