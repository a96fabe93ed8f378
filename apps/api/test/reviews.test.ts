/**
 * Public reviews (issue 18): a subject's ratings with a comment, newest first, paged, readable with
 * the publishable key from an allowed origin; a moderator (secret key or session) hides one with a
 * reason and shows it again; a hidden rating still counts in the summary.
 */
import { secretKeyHash, signContactReference } from '@chorus/contract/contact-reference';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApi, TestWorkspace } from '../src/testing.js';
import { type Caller, caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let api: TestApi;
let ws: TestWorkspace;
/** The shop's page (publishable key, allowed origin) and the shop's server (secret key). */
let page: Caller;
let server: Caller;

beforeAll(async () => {
  api = await testApi();
});

beforeEach(async () => {
  const fresh = await freshWorkspace(api);
  ws = fresh.ws;
  server = fresh.http;
  page = caller(api, ws.publishableKey, { Origin: api.allowedOrigin });
});

/** A rating the shop's server records (the page's publishable key allows only a few requests here). */
async function rate(subject: string, score: number, comment?: string, contactId?: string) {
  const reply = await server.post('/v1/ratings', {
    subject,
    score,
    source: 'website',
    ...(comment && { comment }),
    ...(contactId && { contactId }),
  });
  expect(reply.status).toBe(201);
  return reply.body.id as string;
}

const reviews = (query: string) => page.get(`/v1/public/ratings/reviews?${query}`);

describe('public reviews', () => {
  it('lists the ratings with a comment, newest first, paged by cursor, with a verified badge for signed contacts', async () => {
    const contact = (await server.post('/v1/contacts', { firstName: 'Rita' })).body as { id: string };
    // A known customer, as the widget sends one: a contact reference signed by the shop's server.
    const reference = await signContactReference(
      await secretKeyHash(ws.secretKey),
      contact.id,
      Math.floor(Date.now() / 1000) + 3600,
    );
    const known = await page.post('/v1/public/ratings', {
      subject: 'product:r1',
      score: 5,
      comment: 'Great sound.',
      elapsedMs: 9000,
      contact: reference,
    });
    expect(known.body.contactId).toBe(contact.id);
    await rate('product:r1', 4);
    await rate('product:r1', 2, 'Too tight.');
    await rate('product:r1', 1, 'Broke.');
    await rate('product:other', 3, 'Another product.');

    const first = await reviews('subject=product:r1&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.data.map((r: { comment: string }) => r.comment)).toEqual(['Broke.', 'Too tight.']);
    expect(first.body.data[0]).toEqual({
      id: expect.stringMatching(/^rat_/),
      scale: 'stars5',
      score: 1,
      comment: 'Broke.',
      verified: false,
      createdAt: expect.any(String),
    });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await reviews(`subject=product:r1&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data).toMatchObject([{ comment: 'Great sound.', score: 5, verified: true }]);
    expect(second.body.nextCursor).toBeNull();
    // Nothing private reaches the page.
    expect(Object.keys(second.body.data[0]).sort()).toEqual([
      'comment',
      'createdAt',
      'id',
      'scale',
      'score',
      'verified',
    ]);
  });

  it('is refused to a page of another origin and to a key of another workspace', async () => {
    await rate('product:r2', 5, 'Fine.');
    const stranger = caller(api, ws.publishableKey, { Origin: 'https://evil.example' });
    expectProblem(await stranger.get('/v1/public/ratings/reviews?subject=product:r2'), 403);
    const other = await api.createWorkspace();
    const theirs = caller(api, other.publishableKey, { Origin: api.allowedOrigin });
    expect((await theirs.get('/v1/public/ratings/reviews?subject=product:r2')).body.data).toEqual([]);
  });
});

describe('moderation', () => {
  it('a moderator hides a review with a reason and shows it again; its score still counts', async () => {
    const id = await rate('product:m', 1, 'Call me on 0612345678.');
    await rate('product:m', 5, 'Lovely.');
    const hidden = await server.patch(`/v1/ratings/${id}/moderation`, {
      hidden: true,
      reason: 'Contains a phone number.',
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ id, hidden: true, hiddenReason: 'Contains a phone number.' });
    expect((await reviews('subject=product:m')).body.data.map((r: { id: string }) => r.id)).not.toContain(id);
    const summary = await page.get('/v1/public/ratings/summary?subject=product:m');
    expect(summary.body).toMatchObject({ count: 2, average: 3 });
    const listed = await server.get('/v1/ratings?subject=product:m');
    expect(listed.body.data.find((r: { id: string }) => r.id === id)).toMatchObject({ hidden: true });

    const shown = await server.patch(`/v1/ratings/${id}/moderation`, { hidden: false });
    expect(shown.body).toMatchObject({ hidden: false, hiddenReason: null });
    expect((await reviews('subject=product:m')).body.data).toHaveLength(2);
  });

  it('needs a reason to hide, a rating of this workspace, and more than a publishable key', async () => {
    const id = await rate('product:m2', 2, 'Meh.');
    expectProblem(await server.patch(`/v1/ratings/${id}/moderation`, { hidden: true }), 400);
    expectProblem(
      await server.patch('/v1/ratings/rat_00000000000000000000000000/moderation', {
        hidden: true,
        reason: 'x',
      }),
      404,
    );
    expectProblem(await page.patch(`/v1/ratings/${id}/moderation`, { hidden: true, reason: 'x' }), 403);
    const other = caller(api, (await api.createWorkspace()).secretKey);
    expectProblem(await other.patch(`/v1/ratings/${id}/moderation`, { hidden: true, reason: 'x' }), 404);
    expect((await reviews('subject=product:m2')).body.data).toHaveLength(1);
  });
});
