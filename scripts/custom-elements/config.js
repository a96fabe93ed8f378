/**
 * The custom-elements analyzer configuration every Chorus element package builds with
 * (`cem analyze --config ../../scripts/custom-elements/config.js`, run from the package):
 * the manifest (committed, reviewed like an API change) plus the editor data generated from it,
 * VS Code custom data and JetBrains web-types, all written beside `package.json` and published.
 */
import { readFileSync } from 'node:fs';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { cssDefaultsPlugin, defineElementPlugin, exactEventsPlugin, shippedPathsPlugin } from './plugins.js';

const { name, homepage } = JSON.parse(readFileSync('package.json', 'utf8'));
if (!homepage) throw new Error(`${name}: package.json needs a homepage, the editors' documentation link`);
const documentation = () => ({ name: 'Documentation', url: homepage });

export default {
  globs: ['src/**/*.ts'],
  // Stylesheets are internal: their CSS text would turn every style fix into a manifest (API) diff.
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    exactEventsPlugin(),
    defineElementPlugin(),
    cssDefaultsPlugin(),
    // Last of ours: the editor-data plugins below must see the shipped paths.
    shippedPathsPlugin(),
    customElementVsCodePlugin({
      outdir: '.',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      referencesTemplate: (name, tag) => [documentation(name, tag)],
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({
      outdir: '.',
      webTypesFileName: 'web-types.json',
      packageJson: false,
      referencesTemplate: documentation,
      modulePathTemplate: (_, modulePath) => `./${modulePath}`,
      hideLogs: true,
    }),
  ],
};
