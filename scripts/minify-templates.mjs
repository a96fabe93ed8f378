/**
 * Minifies the HTML and CSS inside Lit's tagged templates (`html`…`, `css`…`, `svg`…`) of a
 * package's compiled `dist/`, in place, after `tsc`: every element package runs it in its `build`.
 * A JavaScript minifier leaves template text alone (it cannot know the whitespace means nothing),
 * so without this each element shipped its source indentation, comments and long-hand CSS to every
 * page. The minifying itself is Lit's own (@lit-labs/rollup-plugin-minify-html-literals, with
 * html-minifier-next and Lightning CSS): its function runs here on tsc's output, and the source map
 * tsc wrote is carried through (composed with the minifier's), so the map still points at src/.
 *
 * Usage, from a package directory: `node ../../scripts/minify-templates.mjs` (defaults to `dist`).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import remapping from '@jridgewell/remapping';
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';

const dist = process.argv[2] ?? 'dist';

/** Lit's template tags: `css` is minified as a stylesheet, `html` and `svg` as markup. */
const isLitTemplate = (template) => /^(html|svg|css)$/.test(template.tag ?? '');

async function* javascriptFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* javascriptFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

let before = 0;
let after = 0;
for await (const file of javascriptFiles(dist)) {
  const code = await readFile(file, 'utf8');
  const result = await minifyHTMLLiterals(code, {
    fileName: file,
    shouldMinify: (template) => isLitTemplate(template) && template.tag !== 'css',
    shouldMinifyCSS: (template) => template.tag === 'css',
  });
  if (!result) continue;
  before += code.length;
  after += result.code.length;
  const mapFile = `${file}.map`;
  let tscMap;
  try {
    tscMap = JSON.parse(await readFile(mapFile, 'utf8'));
  } catch {
    tscMap = undefined;
  }
  if (tscMap) {
    // The minifier's map goes from the minified file to tsc's output; tsc's from there to src/.
    const composed = remapping(result.map, (source) => (basename(source) === basename(file) ? tscMap : null));
    composed.file = basename(file);
    // tsc's maps name their sources without copying them in; keep it so (no list of nulls).
    if (composed.sourcesContent?.every((content) => content == null)) delete composed.sourcesContent;
    await writeFile(mapFile, JSON.stringify(composed));
  }
  await writeFile(file, result.code);
}
console.log(
  `minify-templates: ${dist}/ templates ${((before - after) / 1024).toFixed(1)} kB smaller (${(before / 1024).toFixed(1)} → ${(after / 1024).toFixed(1)} kB of the files that had any)`,
);
