/**
 * A Vite plugin that serves the README's ```ts blocks as modules (`virtual:readme-snippet/1.ts` is
 * the first), so a test runs the README's code itself rather than a copy that could drift from it.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:readme-snippet/';

export function readmeSnippets(readme: URL): Plugin {
  return {
    name: 'chorus-readme-snippets',
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const index = Number(id.slice(PREFIX.length + 1).replace(/\.ts$/, ''));
      const blocks = [...readFileSync(readme, 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)];
      const code = blocks[index - 1]?.[1];
      if (code === undefined) throw new Error(`README.md has no ts block number ${index}`);
      // Virtual modules skip Vite's own TypeScript transform: strip the types as a user's build would.
      const options = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 };
      return ts.transpileModule(code, { compilerOptions: options }).outputText;
    },
  };
}
