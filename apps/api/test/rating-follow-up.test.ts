/**
 * The rating widget's follow-up question: after a rating, the page sends the visitor's answer to the
 * same public endpoint with `amends`, and the stored rating gets it as its comment. Retried answers
 * change nothing; nobody else (another origin, another workspace, a secret key's rating) can amend.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../src/testing.js';
import { type Caller, caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let api: TestApi;
/** The shop's page (its publishable key, from its origin) and the shop's server (its secret key). */
let page: Caller;
let http: Caller;

beforeAll(async () => {
  api = await testApi();
});

// A workspace for each test: the public endpoint's per-client limit (5 here) is per key.
beforeEach(async () => {
  const fresh = await freshWorkspace(api);
  http = fresh.http;
  page = caller(api, fresh.ws.publishableKey, { Origin: api.allowedOrigin });
});

/** A rating as the widget sends it: a person's, some seconds after the page opened. */
async function rate(subject: string) {
  const stored = await page.post('/v1/public/ratings', { subject, score: 2, elapsedMs: 9000 });
  expect(stored.status).toBe(201);
  return stored.body.id as string;
}

const storedComment = async (id: string) =>
  (await api.db.query<{ comment: string | null }>('select comment from ratings where id = $1', [id]))[0]
    ?.comment;

describe('the answer to the follow-up question', () => {
  it('amends the rating just stored, and a retry of the same answer changes nothing', async () => {
    const id = await rate('product:follow-up');
    const answer = { amends: id, comment: 'Ship to Norway, please.' };
    const first = await page.post('/v1/public/ratings', answer, { 'Idempotency-Key': 'follow-up-1' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id, score: 2, comment: 'Ship to Norway, please.', source: 'website' });
    // The answer was lost on its way back: the outbox sends it again, under the same key or a new one.
    const replay = await page.post('/v1/public/ratings', answer, { 'Idempotency-Key': 'follow-up-1' });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    const again = await page.post('/v1/public/ratings', answer, { 'Idempotency-Key': 'follow-up-2' });
    expect(again.body).toEqual(first.body);
    expect(await storedComment(id)).toBe('Ship to Norway, please.');
    const list = await http.get('/v1/ratings?subject=product:follow-up');
    expect(list.body.data).toHaveLength(1);
  });

  it('refuses another answer to a rating that has one (409), and keeps the first', async () => {
    const id = await rate('product:follow-up-twice');
    expect((await page.post('/v1/public/ratings', { amends: id, comment: 'First.' })).status).toBe(200);
    const second = expectProblem(
      await page.post('/v1/public/ratings', { amends: id, comment: 'Second.' }),
      409,
    );
    expect(second.detail).toContain('has a comment already');
    expect(await storedComment(id)).toBe('First.');
  });

  it('refuses an answer an hour late (409)', async () => {
    const id = await rate('product:follow-up-late');
    await api.db.query("update ratings set created_at = now() - interval '61 minutes' where id = $1", [id]);
    const late = expectProblem(await page.post('/v1/public/ratings', { amends: id, comment: 'Late.' }), 409);
    expect(late.detail).toContain('within an hour');
    expect(await storedComment(id)).toBeNull();
  });

  it('is not found from another origin, in another workspace, or for a rating not from a website', async () => {
    const id = await rate('product:follow-up-others');
    const otherOrigin = 'https://other-shop.example';
    const other = await api.createWorkspace({ allowedOrigins: [api.allowedOrigin, otherOrigin] });
    const otherPage = caller(api, other.publishableKey, { Origin: api.allowedOrigin });
    expectProblem(await otherPage.post('/v1/public/ratings', { amends: id, comment: 'Not mine.' }), 404);
    const imported = await http.post('/v1/ratings', { subject: 'product:follow-up-others', score: 4 });
    expectProblem(
      await page.post('/v1/public/ratings', { amends: imported.body.id, comment: 'Not a website rating.' }),
      404,
    );
    // Allowed for the workspace, but not the origin the rating came from.
    const samePageElsewhere = caller(api, other.publishableKey, { Origin: otherOrigin });
    const fromThere = await samePageElsewhere.post('/v1/public/ratings', {
      subject: 'product:follow-up-others',
      score: 5,
      elapsedMs: 9000,
    });
    expect(fromThere.status).toBe(201);
    expectProblem(
      await otherPage.post('/v1/public/ratings', { amends: fromThere.body.id, comment: 'From elsewhere.' }),
      404,
    );
    expect(await storedComment(id)).toBeNull();
    expect(await storedComment(fromThere.body.id)).toBeNull();
  });

  it('is a 400 problem for an empty answer or an unknown field', async () => {
    const id = await rate('product:follow-up-invalid');
    expectProblem(await page.post('/v1/public/ratings', { amends: id, comment: '' }), 400);
    expectProblem(await page.post('/v1/public/ratings', { amends: id, comment: 'x', score: 5 }), 400);
    expectProblem(await page.post('/v1/public/ratings', { amends: 'not-an-id', comment: 'x' }), 400);
  });
});
