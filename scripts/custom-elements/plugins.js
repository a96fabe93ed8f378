/**
 * Analyzer plugins that make a Chorus custom-elements manifest describe what ships and nothing else.
 * Shared by every element package through `config.js`; `scripts/check-package.ts` checks the result
 * against the packed tarball.
 */

import { posix } from 'node:path';

/** `src/contact-card.ts` → `dist/contact-card.js`: the module a user can import. */
const shipped = (path) => path.replace(/^src\/(.+)\.ts$/, 'dist/$1.js');

/** `chorus-contact-select` → `ChorusContactSelectEvent`: the house naming of event classes. */
const eventClassOf = (name) =>
  `${name.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase())}Event`;

/**
 * Events exactly as documented with `@fires`. The analyzer also lists every
 * `dispatchEvent(new X(arg))` it sees, without a name or under a name guessed from the argument
 * (`new ChorusDealOpenEvent(deal)` → "deal"). Those guesses are dropped; each documented event gets
 * its class (`chorus-deal-open` → `ChorusDealOpenEvent` when the package declares one), and a
 * dispatched class that no `@fires` documents fails the build.
 */
export function exactEventsPlugin() {
  return {
    name: 'chorus-exact-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          const classes = new Set(
            customElementsManifest.modules.flatMap((inner) =>
              (inner.declarations ?? []).filter((entry) => entry.kind === 'class').map((entry) => entry.name),
            ),
          );
          const dispatched = new Set(
            declaration.events.flatMap((event) => (event.type?.text ? [event.type.text] : [])),
          );
          const documented = new Map();
          for (const event of declaration.events) {
            if (!event.name || !event.description || documented.has(event.name)) continue;
            const eventClass = eventClassOf(event.name);
            documented.set(event.name, {
              name: event.name,
              type: { text: classes.has(eventClass) ? eventClass : (event.type?.text ?? 'Event') },
              description: event.description,
            });
          }
          const typed = new Set([...documented.values()].map((event) => event.type.text));
          const undocumented = [...dispatched].filter((type) => type !== 'Event' && !typed.has(type));
          if (undocumented.length > 0) {
            throw new Error(
              `${module.path}: ${declaration.name} dispatches ${undocumented.join(', ')} but no @fires documents it`,
            );
          }
          declaration.events = [...documented.values()];
          if (declaration.events.length === 0) delete declaration.events;
        }
      }
    },
  };
}

/**
 * Tag-to-module entries for `defineElement('chorus-x', ChorusX)` calls (core's guarded
 * `customElements.define`), which the analyzer does not recognise. The definition points at the
 * class's own module, as the schema asks; the helper's own inner `customElements.define(tag, …)`
 * is not a definition of any tag and is removed.
 */
export function defineElementPlugin() {
  return {
    name: 'chorus-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: element.text, module: '' },
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      const moduleOf = new Map();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.customElement) moduleOf.set(declaration.name, module.path);
        }
      }
      for (const module of customElementsManifest.modules) {
        if (!module.exports) continue;
        module.exports = module.exports.filter((entry) => {
          if (entry.kind !== 'custom-element-definition') return true;
          if (entry.declaration.module === '')
            entry.declaration.module = moduleOf.get(entry.declaration.name);
          return Boolean(entry.declaration.module) && moduleOf.has(entry.declaration.name);
        });
      }
    },
  };
}

/**
 * Module paths of the built `.js` files the package publishes, not the `src/*.ts` that does not
 * ship. Runs after the plugins that read source paths and before those that write editor data.
 */
export function shippedPathsPlugin() {
  const rewrite = (value) => {
    if (Array.isArray(value)) value.forEach(rewrite);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = shipped(inner);
        else rewrite(inner);
      }
    }
  };
  return {
    name: 'chorus-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      // Re-exports keep the specifier as written (`./format.js` in `src/index.ts`): resolve it first.
      for (const module of customElementsManifest.modules) {
        for (const entry of module.exports ?? []) {
          const specifier = entry.declaration?.module;
          if (specifier?.startsWith('.')) {
            entry.declaration.module = posix
              .join(posix.dirname(module.path), specifier)
              .replace(/\.js$/, '.ts');
          }
        }
      }
      rewrite(customElementsManifest.modules);
    },
  };
}

/**
 * A custom property's default, written in its description as "(default: 28rem)" or "(default 28rem)",
 * moved to the manifest's `default` field, where Storybook and the editor data look for it.
 */
export function cssDefaultsPlugin() {
  return {
    name: 'chorus-css-defaults',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const property of declaration.cssProperties ?? []) {
            const match = property.description?.match(/^(.*?)\s*\(default:?\s+(.+)\)\.?$/);
            if (!match || property.default) continue;
            property.description = `${match[1]}.`;
            property.default = match[2];
          }
        }
      }
    },
  };
}
