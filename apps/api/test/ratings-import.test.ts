/**
 * The README's worked example, "Ratings from elsewhere": a marketplace's CSV export imported through
 * POST /v1/ratings with source `marketplace`, twice (nothing stored twice), then read apart by source.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../src/testing.js';
import { caller, type Caller, testApi } from './support/api.js';

let api: TestApi;
let secretKey: string;
let http: Caller;
let publicHttp: Caller;

beforeAll(async () => {
  api = await testApi();
  const ws = await api.createWorkspace();
  secretKey = ws.secretKey;
  http = caller(api, ws.secretKey);
  publicHttp = caller(api, ws.publishableKey, { Origin: api.allowedOrigin });
});

/** The README's code blocks, by language, in order. */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = (language: string) =>
  [...readme.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);

/** The example's import loop, run as written, with its file, address and key given to it. */
async function runImport(csv: string) {
  const script = blocks('js').find((block) => block.includes('marketplace-reviews.csv'))!;
  const body = script
    .replace(/^import .*$/m, '')
    .replace(/^const API = .*$/m, '')
    .replace(/^const KEY = .*$/m, '');
  const errors: unknown[][] = [];
  const run = new Function(
    'readFileSync',
    'API',
    'KEY',
    'fetch',
    'console',
    `return (async () => {${body}})();`,
  );
  await run(() => csv, api.url, secretKey, fetch, { error: (...args: unknown[]) => errors.push(args) });
  return errors;
}

describe('importing marketplace reviews, as the README shows', () => {
  it('stores each row once, as marketplace ratings, even when the import runs twice', async () => {
    const csv = blocks('csv')[0]!;
    expect(await runImport(csv)).toEqual([]);
    expect(await runImport(csv)).toEqual([]);

    const imported = (await http.get('/v1/ratings?source=marketplace')).body.data;
    expect(imported).toHaveLength(3);
    expect(imported.map((r: any) => [r.score, r.createdAt]).sort()).toEqual([
      [2, '2026-03-05T08:00:00.000Z'],
      [4, '2026-03-09T19:40:00.000Z'],
      [5, '2026-03-02T10:15:00.000Z'],
    ]);
    expect(imported.find((r: any) => r.score === 5).comment).toBe(
      'Great monitor: Sharp, and the stand is solid.',
    );
    expect(imported.find((r: any) => r.score === 4).comment).toBeNull();
  });

  it('reads the summary of one source apart from the others, as the README says', async () => {
    await http.post('/v1/ratings', { subject: 'product:monitor-x1', score: 1, source: 'website' });
    const path = '/v1/public/ratings/summary?subject=product:monitor-x1';
    const marketplace = (await publicHttp.get(`${path}&source=marketplace`)).body;
    expect(marketplace).toMatchObject({ count: 3, average: 3.67 });
    expect(readme).toContain('answers `count: 3, average: 3.67`');
    expect((await publicHttp.get(path)).body).toMatchObject({ count: 4, average: 3 });
    expect((await publicHttp.get(`${path}&source=community`)).body).toMatchObject({
      count: 0,
      average: null,
    });
  });

  it('names the field of a bad row and goes on with the others', async () => {
    const errors = await runImport(
      'review_id,product,stars,title,text,date\nMKT-9,monitor-x1,6,,,2026-03-02T10:15:00Z\nMKT-10,monitor-x1,3,,,2026-03-03T10:15:00Z',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual(['MKT-9', 400, expect.stringContaining('score')]);
    expect((await http.get('/v1/ratings?source=marketplace')).body.data).toHaveLength(4);
  });
});

describe('the rating metrics of one source', () => {
  it('measures the imported marketplace ratings apart, and refuses source with other metrics', async () => {
    const range = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';
    const marketplace = (await http.get(`/v1/metrics?names=average_rating&source=marketplace&${range}`)).body;
    // The README's three rows (5, 2, 4) and the bad-row test's 3, all in March.
    expect(marketplace.data[0].value).toBeCloseTo((5 + 2 + 4 + 3) / 4, 9);
    const website = (await http.get(`/v1/metrics?names=average_rating&source=website&${range}`)).body;
    expect(website.data[0].value).toBeNull();
    const mixed = await http.get(`/v1/metrics?names=average_rating,win_rate&source=marketplace`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.detail).toContain('source applies only to average_rating, nps, csat');
  });
});
