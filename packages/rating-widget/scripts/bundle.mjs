/**
 * The script-tag bundles, each one ES module (Lit and the SDK's plain client included) that a
 * website loads with `<script type="module" src=…>`:
 * - `dist/chorus-rating.js`: `<chorus-rating>` and `<chorus-rating-summary>`, from `dist/define.js`;
 * - `dist/chorus-reviews.js`: `<chorus-reviews>`, from `dist/define-reviews.js`, a second tag so a
 *   page that only collects ratings does not pay for the reviews.
 * Built from the compiled files (whose templates the build has minified already), minified, with
 * Lit's production build. Each translation is a chunk beside its bundle (`chorus-rating.de-….js`),
 * which the bundle imports from its own URL only when a widget's locale asks for that language.
 */
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'rolldown/utils';

/** The budgets are promises to the websites that embed them: a build over one fails (min+gz bytes). */
const BUNDLES = [
  { entry: 'define.js', name: 'chorus-rating', budget: 13.9 * 1024 },
  { entry: 'define-reviews.js', name: 'chorus-reviews', budget: 11.5 * 1024 },
];

let over = false;
for (const { entry, name, budget } of BUNDLES) {
  const result = await build({
    entryPoints: [{ in: new URL(`../dist/${entry}`, import.meta.url).pathname, out: name }],
    outdir: new URL('../dist/', import.meta.url).pathname,
    chunkNames: `${name}.[name]-[hash]`,
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
  // Each lazy chunk has an `entryPoint` too (its `messages/….js`): the bundle is the one built from `entry`.
  const main = Object.keys(outputs).find((path) => outputs[path].entryPoint === `dist/${entry}`);
  const wanted = new Set([main, ...outputs[main].imports.map((item) => item.path)]);
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
    console.log(`${path}: ${(code.length / 1024).toFixed(2)} kB min, ${(size / 1024).toFixed(2)} kB min+gz`);
    if (path === main && size > budget) {
      console.error(`dist/${name}.js is over its ${(budget / 1024).toFixed(2)} kB min+gz budget.`);
      over = true;
    }
  }
}
if (over) process.exit(1);
