/**
 * Writes one React component per Chorus element into `src/generated/`, from the custom-elements
 * manifests of the `@chorus/*` packages this package depends on: the tag, the class (for typed
 * props) and the named events (typed through each package's `GlobalEventHandlersEventMap`).
 * A test regenerates and compares, so the committed output never drifts from the manifests.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generate } from './generator.js';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const packages = Object.keys(manifest.dependencies)
  .filter((name) => name.startsWith('@chorus/'))
  .map((name) => ({
    name,
    manifest: JSON.parse(readFileSync(require.resolve(`${name}/custom-elements.json`), 'utf8')),
  }));

const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const file of generate(packages)) writeFileSync(`${outDir}${file.name}`, file.text);
