/**
 * The script-tag bundle: `dist/chorus-rating.js`, one self-contained ES module (Lit, the SDK's plain
 * client and both elements) that a website loads with `<script type="module" src=…>`. Built from
 * the compiled `dist/define.js` (whose templates the build has minified already), minified, with
 * Lit's production build. Each translation is a chunk beside it (`chorus-rating.de-….js`), which
 * the bundle imports from its own URL only when a widget's locale asks for that language.
 */
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'rolldown/utils';

const result = await build({
  entryPoints: [{ in: new URL('../dist/define.js', import.meta.url).pathname, out: 'chorus-rating' }],
  outdir: new URL('../dist/', import.meta.url).pathname,
  chunkNames: 'chorus-rating.[name]-[hash]',
  splitting: true,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  write: false,
  metafile: true,
});
// The bundle and the chunks it imports; esbuild also emits chunks for imports that tree-shaking
// dropped (the core's own translations, which the widgets never show), and those are not written.
const outputs = result.metafile.outputs;
const main = Object.keys(outputs).find((path) => outputs[path].entryPoint);
const wanted = new Set([main, ...outputs[main].imports.map((entry) => entry.path)]);
let gzip = 0;
for (const file of result.outputFiles) {
  const path = relative(process.cwd(), file.path);
  if (!wanted.has(path)) continue;
  // A second pass with Oxc's minifier (Vite 8's), which folds what esbuild leaves: 0.16 kB min+gz less.
  const { code } = await minify(path, file.text, {
    compress: true,
    mangle: { toplevel: true },
    module: true,
  });
  await writeFile(file.path, code);
  const size = gzipSync(code, { level: 9 }).length;
  if (path === main) gzip = size;
  console.log(`${path}: ${(code.length / 1024).toFixed(2)} kB min, ${(size / 1024).toFixed(2)} kB min+gz`);
}
// The budget is a promise to the websites that embed it: a build over it fails.
if (gzip > 13.05 * 1024) {
  console.error('dist/chorus-rating.js is over its 13.05 kB min+gz budget.');
  process.exit(1);
}
