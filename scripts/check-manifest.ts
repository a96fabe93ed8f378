/**
 * What an element package's custom-elements manifest and editor data must say about the tarball
 * (part of `check-package.ts`): module paths that ship, a tag-to-module entry for every tag,
 * documented events only, editor data listing the same tags, and a manifest committed as built.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface Manifest {
  modules: {
    path: string;
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
    declarations?: {
      name: string;
      tagName?: string;
      customElement?: boolean;
      events?: { name?: string; description?: string; type?: { text: string } }[];
    }[];
  }[];
}

const EDITOR_DATA = ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json'];

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Problems found, one sentence each; empty when the manifest and editor data are right. */
export function manifestProblems(packed: string[], webTypesField: string | undefined): string[] {
  const problems: string[] = [];
  const manifest = readJson<Manifest>('custom-elements.json');
  const shipped = new Set(packed);

  const tags = new Set<string>();
  const defined = new Set<string>();
  for (const module of manifest.modules) {
    if (!shipped.has(module.path)) problems.push(`manifest module ${module.path} is not in the tarball`);
    for (const entry of module.exports ?? []) {
      if (entry.declaration.module && !shipped.has(entry.declaration.module)) {
        problems.push(
          `export ${entry.name} of ${module.path} points at ${entry.declaration.module}, not shipped`,
        );
      }
      if (entry.kind === 'custom-element-definition') defined.add(entry.name);
    }
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      tags.add(declaration.tagName);
      for (const event of declaration.events ?? []) {
        if (!event.name || !event.description || !event.type) {
          problems.push(`<${declaration.tagName}> lists an event without a name, @fires text or type`);
        }
      }
    }
  }
  for (const tag of tags) {
    if (!defined.has(tag)) problems.push(`<${tag}> has no custom-element-definition export`);
  }

  for (const file of EDITOR_DATA) {
    if (!shipped.has(file)) problems.push(`${file} is not in the tarball`);
  }
  if (webTypesField?.replace(/^\.\//, '') !== 'web-types.json') {
    problems.push('package.json "web-types" must point at ./web-types.json');
  }
  const vscodeTags = readJson<{ tags: { name: string }[] }>('vscode.html-custom-data.json').tags.map(
    (tag) => tag.name,
  );
  const webTypesTags = readJson<{ contributions: { html: { elements: { name: string }[] } } }>(
    'web-types.json',
  ).contributions.html.elements.map((element) => element.name);
  for (const [file, listed] of [
    ['vscode.html-custom-data.json', vscodeTags],
    ['web-types.json', webTypesTags],
  ] as const) {
    if ([...listed].sort().join() !== [...tags].sort().join()) {
      problems.push(`${file} lists ${listed.join(', ') || 'no tags'}, the manifest ${[...tags].join(', ')}`);
    }
  }

  // Committed, and as built: its diff is the API change a reviewer reads.
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', 'custom-elements.json'], { stdio: 'ignore' });
    execFileSync('git', ['diff', '--quiet', '--', 'custom-elements.json'], { stdio: 'ignore' });
  } catch {
    problems.push('custom-elements.json differs from the committed one: review the change and commit it');
  }
  return problems;
}
