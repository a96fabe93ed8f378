import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLES, measureBundle, PLAIN_CLIENT_BUDGET_BYTES } from '../bench/bundle.js';

/** The SDK as a production build ships it: bundled and minified, identifiers mangled. */
async function importMinified(): Promise<typeof import('../src/index.js')> {
  const result = await build({
    entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const file = join(await mkdtemp(join(tmpdir(), 'chorus-sdk-min-')), 'sdk.min.js');
  await writeFile(file, result.outputFiles[0]!.contents);
  return import(pathToFileURL(file).href);
}

describe('bundles', () => {
  it('keeps the plain client free of query-core and within its 5 kB min+gz budget', async () => {
    const plain = await measureBundle(BUNDLES['plain client (every export of @chorus/sdk)']);
    expect(plain.inputs.filter((input) => input.includes('@tanstack'))).toEqual([]);
    expect(plain.inputs.filter((input) => /zod|hono/.test(input))).toEqual([]);
    expect(plain.gzipped).toBeLessThanOrEqual(PLAIN_CLIENT_BUDGET_BYTES);
  });

  it('bundles no query-core code into the query layer: it is a peer the page brings once', async () => {
    const withQuery = await measureBundle(
      BUNDLES['client + query layer (@chorus/sdk/query, query-core as peer)'],
    );
    expect(withQuery.inputs.some((input) => input.includes('src/query/'))).toBe(true);
    expect(withQuery.inputs.filter((input) => input.includes('@tanstack'))).toEqual([]);
  });

  it('keeps every error name in a minified build, where class names are mangled', async () => {
    const sdk = await importMinified();
    const answers = [404, 429, 500].map(
      (status) => () => Response.json({ type: '/problems/x', title: 'X', status }, { status }),
    );
    const names = [];
    for (const answer of answers) {
      const chorus = sdk.createChorusClient({
        baseUrl: 'https://api.test',
        apiKey: 'k',
        maxRetries: 0,
        fetch: async () => answer(),
      });
      const error = await chorus.get('/v1/workspace').catch((caught: unknown) => caught as Error);
      names.push([error.name, error.constructor.name]);
    }
    expect(names.map(([name]) => name)).toEqual([
      'ChorusNotFoundError',
      'ChorusRateLimitError',
      'ChorusApiError',
    ]);
    // Proof the build did mangle them: the class itself is no longer called so.
    expect(names.map(([, className]) => className)).not.toContain('ChorusNotFoundError');
    expect(() => sdk.createChorusClient({ baseUrl: 'https://api.test', apiKey: '' })).toThrow(
      expect.objectContaining({ name: 'ChorusConfigError' }),
    );
  });
});
