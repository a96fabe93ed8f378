/**
 * The script-tag bundles, each one self-contained ES module (Lit and the SDK's plain client
 * included) that a website loads with `<script type="module" src=…>`:
 * - `dist/chorus-rating.js`: `<chorus-rating>` and `<chorus-rating-summary>`, from `dist/define.js`;
 * - `dist/chorus-reviews.js`: `<chorus-reviews>`, from `dist/define-reviews.js`, a second tag so a
 *   page that only collects ratings does not pay for the reviews.
 * Built from the compiled files (whose templates the build has minified already), minified, with
 * Lit's production build.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'rolldown/utils';

/** The budgets are promises to the websites that embed them: a build over one fails (min+gz bytes). */
const BUNDLES = [
  { entry: 'define.js', out: 'chorus-rating.js', budget: 13.5 * 1024 },
  { entry: 'define-reviews.js', out: 'chorus-reviews.js', budget: 11 * 1024 },
];

let over = false;
for (const { entry, out, budget } of BUNDLES) {
  const result = await build({
    entryPoints: [new URL(`../dist/${entry}`, import.meta.url).pathname],
    outfile: new URL(`../dist/${out}`, import.meta.url).pathname,
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
  console.log(
    `${output[0]}: ${(code.length / 1024).toFixed(2)} kB min, ${(gzip / 1024).toFixed(2)} kB min+gz`,
  );
  if (gzip > budget) {
    console.error(`dist/${out} is over its ${(budget / 1024).toFixed(2)} kB min+gz budget.`);
    over = true;
  }
}
if (over) process.exit(1);
