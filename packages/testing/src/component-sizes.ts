import { measureBundle } from './bundle.js';
import { PEERS, RUNTIME, SDK } from './runtime.js';

export interface SizeRow {
  name: string;
  min: number;
  gzip: number;
}

/**
 * A component package's bundle rows, in the order every component bench prints them: the package
 * over the shared runtime (its budget, issue 15), with its share of core and Lit, bare Lit beside it, and a whole connected page.
 * `label` names the component in the rows ("card", "tile + grid").
 */
export async function componentSizes(
  defineEntry: string,
  label: string,
  /** The bench's own folder: the entries resolve from the package that declares them. */
  resolveDir: string,
): Promise<SizeRow[]> {
  const define = `import '${defineEntry}';`;
  const withCore = `import '@chorus/core/define'; ${define}`;
  const rows: [string, string, string[]][] = [
    [`${label} over the runtime (Lit + core)`, define, [...RUNTIME, ...SDK]],
    [`${label} + core + Lit`, withCore, SDK],
    ['bare Lit (one element)', PEERS['bare Lit'], []],
    [`whole connected page (${label}, core, Lit, SDK, query-core)`, withCore, []],
  ];
  return Promise.all(
    rows.map(async ([name, entry, external]) => {
      const { min, gzip } = await measureBundle(entry, { external, resolveDir });
      return { name, min, gzip };
    }),
  );
}
