import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../src/testing.js';
import { caller, testApi } from './support/api.js';

let api: TestApi;

beforeAll(async () => {
  api = await testApi();
});

/** The summary's counts by score, as the ratings themselves say. */
const recount = (workspaceId: string, subject: string, source?: string) =>
  api.db.query<{ score: number; count: number }>(
    `select score, count(*)::int as count from ratings
     where workspace_id = $1 and subject = $2 and scale = 'stars5' and ($3::text is null or source = $3::text)
     group by score order by score desc`,
    [workspaceId, subject, source ?? null],
  );

describe('the public summary reads tallies kept with every write (migration 012)', () => {
  it('counts what the ratings say after inserts, moderation, rescoring and deletes, per source', async () => {
    const ws = await api.createWorkspace();
    const http = caller(api, ws.secretKey);
    const page = caller(api, ws.publishableKey, { Origin: api.allowedOrigin });
    const subject = 'product:tallied';
    const made: string[] = [];
    for (const [score, source] of [
      [5, 'website'],
      [5, 'marketplace'],
      [4, 'website'],
      [1, 'community'],
      [5, 'website'],
    ] as const) {
      const reply = await http.post('/v1/ratings', { subject, score, source });
      expect(reply.status).toBe(201);
      made.push(reply.body.id);
    }
    // Moderation changes no count; a rescore (as a repair would) and a delete move them.
    expect(
      (await http.patch(`/v1/ratings/${made[0]}/moderation`, { hidden: true, reason: 'spam' })).status,
    ).toBe(200);
    await api.db.query('update ratings set score = 2 where id = $1', [made[2]]);
    await api.db.query('delete from ratings where id = $1', [made[3]]);

    for (const source of [undefined, 'website', 'marketplace', 'community']) {
      const summary = await page.get(
        `/v1/public/ratings/summary?subject=${subject}${source ? `&source=${source}` : ''}`,
      );
      expect(summary.status).toBe(200);
      const counted = await recount(ws.workspaceId, subject, source);
      const shown = summary.body.distribution.filter((d: { count: number }) => d.count > 0);
      expect(shown, source ?? 'all sources').toEqual(counted);
    }
    const all = await page.get(`/v1/public/ratings/summary?subject=${subject}`);
    expect(all.body.count).toBe(4);
  });
});
