import { readFile } from 'node:fs/promises';

/**
 * What a README snippet may use without defining it, as the text around the snippet says: each
 * name a declaration put before the snippet when it neither declares nor imports it.
 */
const CONTEXT: Record<string, string> = {
  chorus: "declare const chorus: import('@chorus/sdk').ChorusClient;",
  paginate: "import { paginate } from '@chorus/sdk';",
  id: 'declare const id: string;',
  deal: "declare const deal: import('@chorus/sdk').Deal;",
  contact: "declare const contact: import('@chorus/sdk').Contact;",
  wonStageId: 'declare const wonStageId: string;',
};

export interface Snippet {
  /** The heading the snippet sits under. */
  section: string;
  /** The snippet as a module, with the declarations of what the README says it has. */
  source: string;
}

const declares = (code: string, name: string) =>
  new RegExp(`\\b(const|let|var|function)\\s+${name}\\b|import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(code);

/** Every ```ts block of a README, each made a module of its own. */
export async function readmeSnippets(readme: string | URL): Promise<Snippet[]> {
  const text = await readFile(readme, 'utf8');
  const snippets: Snippet[] = [];
  let section = '';
  for (const match of text.matchAll(/^(#+ .*)$|^```ts\n([\s\S]*?)^```$/gm)) {
    if (match[1]) {
      section = match[1].replace(/^#+ /, '');
      continue;
    }
    const code = match[2]!;
    const context = Object.entries(CONTEXT)
      .filter(([name]) => new RegExp(`\\b${name}\\b`).test(code) && !declares(code, name))
      .map(([, declaration]) => declaration);
    snippets.push({ section, source: `${context.join('\n')}\n${code}\nexport {};\n` });
  }
  return snippets;
}
