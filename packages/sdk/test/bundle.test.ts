import { describe, expect, it } from 'vitest';
import { BUNDLES, measureBundle, PLAIN_CLIENT_BUDGET_BYTES } from '../bench/bundle.js';

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
});
