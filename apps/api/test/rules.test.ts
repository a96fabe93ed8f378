import { secretKeyHash, signContactReference } from '@chorus/contract/contact-reference';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../src/testing.js';
import { type Caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let api: TestApi;
let http: Caller;
let pipeline: { id: string; stages: { id: string; kind: string }[] };

beforeAll(async () => {
  api = await testApi();
  ({ http, pipeline } = await freshWorkspace(api));
});

const stage = (kind: string) => pipeline.stages.find((s) => s.kind === kind)!.id;

describe('lifecycle rules', () => {
  it('a won deal makes its contact a customer, and the change is recorded', async () => {
    const contact = await http.post('/v1/contacts', { firstName: 'Mara', lifecycleStage: 'sales_qualified' });
    const deal = await http.post('/v1/deals', {
      title: 'M1',
      value: { amount: 1000, currency: 'EUR' },
      pipelineId: pipeline.id,
      contactId: contact.body.id,
    });
    await http.patch(`/v1/deals/${deal.body.id}`, { stageId: stage('won') }, { 'If-Match': '1' });
    expect((await http.get(`/v1/contacts/${contact.body.id}`)).body.lifecycleStage).toBe('customer');
    const history = (await http.get(`/v1/contacts/${contact.body.id}/lifecycle`)).body.data;
    expect(history.map((h: { to: string; reason: string }) => [h.to, h.reason])).toEqual([
      ['sales_qualified', 'created'],
      ['customer', 'deal_won'],
    ]);
  });

  it('an order makes a churned contact a customer again', async () => {
    const contact = await http.post('/v1/contacts', { firstName: 'Jonas', lifecycleStage: 'customer' });
    await http.patch(`/v1/contacts/${contact.body.id}`, { lifecycleStage: 'churned' }, { 'If-Match': '1' });
    await http.post('/v1/orders', { contactId: contact.body.id, amount: { amount: 5000, currency: 'EUR' } });
    const after = (await http.get(`/v1/contacts/${contact.body.id}`)).body;
    expect(after.lifecycleStage).toBe('customer');
    const reasons = (await http.get(`/v1/contacts/${contact.body.id}/lifecycle`)).body.data.map(
      (h: { to: string }) => h.to,
    );
    expect(reasons).toEqual(['customer', 'churned', 'customer']);
  });

  it('a customer cannot be set back to a lead stage: 409 with a clear message, nothing changed', async () => {
    const contact = await http.post('/v1/contacts', {
      firstName: 'Aiko',
      lastName: 'Tanaka',
      lifecycleStage: 'lead',
    });
    await http.post('/v1/orders', { contactId: contact.body.id, amount: { amount: 100, currency: 'EUR' } });
    const current = (await http.get(`/v1/contacts/${contact.body.id}`)).body;
    const problem = expectProblem(
      await http.patch(
        `/v1/contacts/${contact.body.id}`,
        { lifecycleStage: 'lead', title: 'Buyer' },
        { 'If-Match': String(current.version) },
      ),
      409,
    );
    expect(problem.detail).toContain('Aiko Tanaka is a customer');
    const after = (await http.get(`/v1/contacts/${contact.body.id}`)).body;
    expect(after).toMatchObject({ lifecycleStage: 'customer', title: null, version: current.version });
  });
});

describe('idempotency', () => {
  it('the same key twice makes one row and returns the same body', async () => {
    const key = crypto.randomUUID();
    const body = { firstName: 'Once', lastName: 'Only' };
    const first = await http.post('/v1/contacts', body, { 'Idempotency-Key': key });
    const second = await http.post('/v1/contacts', body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await http.get('/v1/contacts?q=Once')).body.data).toHaveLength(1);
  });

  it('concurrent duplicates still make one row', async () => {
    const key = crypto.randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        http.post(
          '/v1/activities',
          { type: 'note', contactId: 'con_aaaaaaaaaaaa' },
          { 'Idempotency-Key': key },
        ),
      ),
    );
    // A failed first attempt leaves no key behind: every duplicate fails the same way.
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([422]));
    const contact = await http.post('/v1/contacts', { firstName: 'Racer' });
    const key2 = crypto.randomUUID();
    const made = await Promise.all(
      Array.from({ length: 5 }, () =>
        http.post(
          '/v1/activities',
          { type: 'note', contactId: contact.body.id, body: 'x' },
          { 'Idempotency-Key': key2 },
        ),
      ),
    );
    expect(new Set(made.map((r) => r.body.id)).size).toBe(1);
    expect((await http.get(`/v1/activities?contactId=${contact.body.id}`)).body.data).toHaveLength(1);
  });

  it('the same key with a different body is a 422 problem', async () => {
    const key = crypto.randomUUID();
    await http.post('/v1/contacts', { firstName: 'First' }, { 'Idempotency-Key': key });
    const problem = expectProblem(
      await http.post('/v1/contacts', { firstName: 'Second' }, { 'Idempotency-Key': key }),
      422,
    );
    expect(problem.type).toBe('/problems/idempotency-key-reused');
  });
});

describe('versions', () => {
  it('a stale If-Match gets 412 and a missing one 428; the current version succeeds', async () => {
    const contact = await http.post('/v1/contacts', { firstName: 'Versioned' });
    const id = contact.body.id;
    expect((await http.patch(`/v1/contacts/${id}`, { title: 'A' }, { 'If-Match': '"1"' })).status).toBe(200);
    const stale = expectProblem(
      await http.patch(`/v1/contacts/${id}`, { title: 'B' }, { 'If-Match': '"1"' }),
      412,
    );
    expect(stale.detail).toContain('version 2');
    expectProblem(await http.patch(`/v1/contacts/${id}`, { title: 'C' }), 428);
    expect((await http.get(`/v1/contacts/${id}`)).body.title).toBe('A');
  });

  it('deals are versioned too', async () => {
    const deal = await http.post('/v1/deals', {
      title: 'V',
      value: { amount: 1, currency: 'EUR' },
      pipelineId: pipeline.id,
    });
    await http.patch(`/v1/deals/${deal.body.id}`, { title: 'V2' }, { 'If-Match': '1' });
    expectProblem(await http.patch(`/v1/deals/${deal.body.id}`, { title: 'V3' }, { 'If-Match': '1' }), 412);
  });
});

describe('public ratings', () => {
  it("a contact reference signed by the site's server puts the rating on the contact; a forged or expired one is anonymous", async () => {
    const { ws, http: server } = await freshWorkspace(api);
    const contact = (await server.post('/v1/contacts', { firstName: 'Rita' })).body as { id: string };
    // What the embedding site's server does, with nothing but its secret key (the contract's helper,
    // checked against the format's description in the contract's own tests).
    const sign = async (contactId: string, expires: number, secretKey = ws.secretKey) =>
      signContactReference(await secretKeyHash(secretKey), contactId, expires);
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    const submit = (reference: string, score: number) =>
      fetch(`${api.url}/v1/public/ratings`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${ws.publishableKey}`,
          Origin: api.allowedOrigin,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ subject: 'product:known', score, elapsedMs: 5000, contact: reference }),
      }).then((r) => r.json() as Promise<{ contactId: string | null; score: number }>);
    expect(await submit(await sign(contact.id, inAnHour), 5)).toMatchObject({
      contactId: contact.id,
      score: 5,
    });
    const forged = await sign(contact.id, inAnHour, 'sk_test_not_this_workspace');
    expect(await submit(forged, 4)).toMatchObject({ contactId: null, score: 4 });
    expect(await submit(await sign(contact.id, Math.floor(Date.now() / 1000) - 1), 3)).toMatchObject({
      contactId: null,
    });
    const otherContact = await sign('con_0000000000000000000000', inAnHour);
    expect(await submit(otherContact, 2)).toMatchObject({ contactId: null });
  });

  it('stores a website rating with its origin, once per idempotency key, and refuses bots', async () => {
    const { publishableKey, workspaceId } = await api.createWorkspace();
    const origin = api.allowedOrigin;
    const send = (body: object, key: string) =>
      fetch(`${api.url}/v1/public/ratings`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${publishableKey}`,
          Origin: origin,
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
        },
        body: JSON.stringify(body),
      });
    const key = crypto.randomUUID();
    const first = await send({ subject: 'product:m1', score: 5, comment: 'Great', elapsedMs: 9000 }, key);
    const again = await send({ subject: 'product:m1', score: 5, comment: 'Great', elapsedMs: 9000 }, key);
    const stored = (await first.json()) as { id: string };
    expect(stored).toMatchObject({ source: 'website', origin, score: 5 });
    expect(((await again.json()) as { id: string }).id).toBe(stored.id);
    // Bots get the answer a person gets (nothing to learn from), and nothing is stored.
    for (const bot of [
      { subject: 'product:m1', score: 1, hp: 'http://spam.example', elapsedMs: 9000 },
      { subject: 'product:m1', score: 1, elapsedMs: 200 },
    ]) {
      const reply = await send(bot, crypto.randomUUID());
      expect(reply.status).toBe(201);
      expect(await reply.json()).toMatchObject({
        source: 'website',
        origin,
        score: 1,
        id: expect.any(String),
      });
    }
    const summary = await fetch(`${api.url}/v1/public/ratings/summary?subject=product:m1`, {
      headers: { Authorization: `Bearer ${publishableKey}`, Origin: origin },
    });
    expect(await summary.json()).toMatchObject({ count: 1, average: 5 });
    const rows = await api.db.query<{ score: number; source: string; origin: string }>(
      'select score, source, origin from ratings where workspace_id = $1',
      [workspaceId],
    );
    expect(rows).toEqual([{ score: 5, source: 'website', origin }]);
  });
});
