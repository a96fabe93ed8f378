import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../src/testing.js';
import { type Caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let api: TestApi;
let http: Caller;
let pipeline: { id: string; stages: { id: string; name: string; kind: string }[] };
let contactId: string;
let companyId: string;

beforeAll(async () => {
  api = await testApi();
  ({ http, pipeline } = await freshWorkspace(api));
  const company = await http.post('/v1/companies', {
    name: 'Northwind Studios',
    estimatedAnnualWallet: { amount: 5_000_000, currency: 'EUR' },
  });
  companyId = company.body.id;
  const contact = await http.post('/v1/contacts', {
    firstName: 'Mara',
    lastName: 'Okafor',
    email: 'mara@northwind.example',
    companyId,
  });
  contactId = contact.body.id;
});

describe('every endpoint answers its happy path', () => {
  it('workspace, users and keys', async () => {
    expect((await http.get('/v1/workspace')).body).toMatchObject({ currency: 'EUR' });
    expect((await http.get('/v1/users')).body.data).toEqual([]);
    const created = await http.post('/v1/keys', { kind: 'publishable', label: 'Shop widget' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^pk_/);
    const keys = (await http.get('/v1/keys')).body.data;
    expect(keys.map((k: { label: string }) => k.label)).toContain('Shop widget');
    expect(JSON.stringify(keys)).not.toContain(created.body.token);
    const revoked = await http.delete(`/v1/keys/${created.body.id}`);
    expect(revoked.body.revokedAt).not.toBeNull();
  });

  it('contacts: create, read, list, filter, search, batch-read, update, lifecycle and insights', async () => {
    const read = await http.get(`/v1/contacts/${contactId}`);
    expect(read.body).toMatchObject({ firstName: 'Mara', lifecycleStage: 'lead', companyId, version: 1 });
    expect(read.headers.get('etag')).toBe('"1"');
    const second = await http.post('/v1/contacts', {
      firstName: 'Jonas',
      lastName: 'Berg',
      lifecycleStage: 'subscriber',
    });
    expect((await http.get('/v1/contacts?q=okaf')).body.data.map((c: { id: string }) => c.id)).toEqual([
      contactId,
    ]);
    expect((await http.get('/v1/contacts?q=%25')).body.data).toEqual([]);
    expect(
      (await http.get('/v1/contacts?lifecycleStage=subscriber')).body.data.map((c: { id: string }) => c.id),
    ).toEqual([second.body.id]);
    expect((await http.get(`/v1/contacts?companyId=${companyId}`)).body.data).toHaveLength(1);
    const batch = await http.get(`/v1/contacts?ids=${contactId},${second.body.id},con_doesnotexist01`);
    expect(batch.body.data.map((c: { id: string }) => c.id).sort()).toEqual(
      [contactId, second.body.id].sort(),
    );
    const updated = await http.patch(
      `/v1/contacts/${second.body.id}`,
      { title: 'Producer', tags: ['vip'] },
      { 'If-Match': '"1"' },
    );
    expect(updated.body).toMatchObject({ title: 'Producer', tags: ['vip'], version: 2 });
    const lifecycle = await http.get(`/v1/contacts/${contactId}/lifecycle`);
    expect(lifecycle.body.data).toMatchObject([{ from: null, to: 'lead', reason: 'created' }]);
    const insights = await http.get(`/v1/contacts/${contactId}/insights`);
    expect(insights.body).toMatchObject({
      contactId,
      orderCount: 0,
      rfm: null,
      lifetimeValue: { amount: 0, currency: 'EUR' },
    });
  });

  it('companies: create, read, list, update', async () => {
    expect((await http.get(`/v1/companies/${companyId}`)).body).toMatchObject({ name: 'Northwind Studios' });
    expect((await http.get('/v1/companies?q=northwind')).body.data).toHaveLength(1);
    const updated = await http.patch(
      `/v1/companies/${companyId}`,
      { industry: 'Music' },
      { 'If-Match': '1' },
    );
    expect(updated.body).toMatchObject({
      industry: 'Music',
      version: 2,
      estimatedAnnualWallet: { amount: 5_000_000 },
    });
  });

  it('pipelines and deals: create, move with history, list by pipeline', async () => {
    expect((await http.get('/v1/pipelines')).body.data).toHaveLength(1);
    expect(
      (await http.get(`/v1/pipelines/${pipeline.id}`)).body.stages.map((s: { name: string }) => s.name),
    ).toEqual(['Lead in', 'Qualified', 'Proposal', 'Won', 'Lost']);
    const deal = await http.post('/v1/deals', {
      title: 'Monitors',
      value: { amount: 120000, currency: 'EUR' },
      pipelineId: pipeline.id,
      contactId,
    });
    expect(deal.body).toMatchObject({ stageId: pipeline.stages[0]!.id, status: 'open' });
    const moved = await http.patch(
      `/v1/deals/${deal.body.id}`,
      { stageId: pipeline.stages[2]!.id },
      { 'If-Match': '"1"' },
    );
    expect(moved.body.stageId).toBe(pipeline.stages[2]!.id);
    expect(Date.parse(moved.body.stageEnteredAt)).toBeGreaterThanOrEqual(
      Date.parse(deal.body.stageEnteredAt),
    );
    const history = await http.get(`/v1/deals/${deal.body.id}/history`);
    expect(history.body.data.map((h: { stageId: string }) => h.stageId)).toEqual([
      pipeline.stages[0]!.id,
      pipeline.stages[2]!.id,
    ]);
    expect(history.body.data[0].leftAt).not.toBeNull();
    expect((await http.get(`/v1/deals?pipelineId=${pipeline.id}`)).body.data).toHaveLength(1);
    expect((await http.get(`/v1/deals/${deal.body.id}`)).headers.get('etag')).toBe('"2"');
  });

  it('activities, orders and tickets', async () => {
    const activity = await http.post('/v1/activities', {
      type: 'call',
      contactId,
      body: 'Discussed room sizes.',
    });
    expect(activity.status).toBe(201);
    expect((await http.get(`/v1/activities?contactId=${contactId}`)).body.data).toHaveLength(1);
    const order = await http.post('/v1/orders', { contactId, amount: { amount: 49900, currency: 'EUR' } });
    expect(order.body).toMatchObject({ companyId, amount: { amount: 49900 } });
    expect((await http.get(`/v1/orders?contactId=${contactId}`)).body.data).toHaveLength(1);
    const ticket = await http.post('/v1/tickets', { contactId, subject: 'Hum on the left monitor' });
    const resolved = await http.patch(
      `/v1/tickets/${ticket.body.id}`,
      { status: 'resolved' },
      { 'If-Match': '"1"' },
    );
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect((await http.get('/v1/tickets?status=resolved')).body.data).toHaveLength(1);
  });

  it('ratings: record, list, summarise', async () => {
    for (const score of [5, 4, 4])
      await http.post('/v1/ratings', { subject: 'product:m1', score, contactId, source: 'survey' });
    expect((await http.get('/v1/ratings?subject=product:m1')).body.data).toHaveLength(3);
    const summary = await http.get('/v1/public/ratings/summary?subject=product:m1');
    expect(summary.body).toMatchObject({ count: 3, average: 4.33, scale: 'stars5' });
    expect(summary.body.distribution).toEqual([
      { score: 5, count: 1 },
      { score: 4, count: 2 },
      { score: 3, count: 0 },
      { score: 2, count: 0 },
      { score: 1, count: 0 },
    ]);
    expect(summary.body.nps).toBeNull();
  });

  it('ratings: an NPS summary, worked by hand', async () => {
    // 10, 10, 9 promote; 8, 7 are passive; 6 and 0 detract: (3 - 2) / 7 = 14.3 %, mean 50 / 7 = 7.14.
    for (const score of [10, 10, 9, 8, 7, 6, 0])
      await http.post('/v1/ratings', {
        subject: 'survey:nps-q4',
        scale: 'nps10',
        score,
        contactId,
        source: 'survey',
      });
    const summary = await http.get('/v1/public/ratings/summary?subject=survey:nps-q4&scale=nps10');
    expect(summary.body).toMatchObject({ count: 7, average: 7.14, scale: 'nps10' });
    expect(summary.body.nps).toEqual({ promoters: 3, passives: 2, detractors: 2, score: 14.3 });
    const counts = summary.body.distribution.map((d: { score: number; count: number }) => [d.score, d.count]);
    expect(counts).toEqual([
      [10, 2],
      [9, 1],
      [8, 1],
      [7, 1],
      [6, 1],
      [5, 0],
      [4, 0],
      [3, 0],
      [2, 0],
      [1, 0],
      [0, 1],
    ]);
    const empty = await http.get('/v1/public/ratings/summary?subject=survey:never-asked&scale=nps10');
    expect(empty.body).toMatchObject({ count: 0, average: null });
    expect(empty.body.nps).toEqual({ promoters: 0, passives: 0, detractors: 0, score: null });
  });

  it('metrics, with a series per interval', async () => {
    const reply = await http.get(
      '/v1/metrics?names=win_rate,average_rating&from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z&interval=day',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.previousFrom).toBe('2025-12-25T00:00:00.000Z');
    expect(reply.body.data.map((m: { name: string }) => m.name)).toEqual(['win_rate', 'average_rating']);
    expect(reply.body.data[0].series).toHaveLength(7);
  });

  it('the OpenAPI document and the reference page', async () => {
    const document = (await (await fetch(`${api.url}/openapi.json`)).json()) as { openapi: string };
    expect(document.openapi).toBe('3.1.0');
    const page = await (await fetch(`${api.url}/`)).text();
    expect(page).toContain('/v1/contacts/{id}/insights');
  });
});

describe('bad input is always a 4xx problem, never a 5xx', () => {
  const cases: [string, string, string, unknown?][] = [
    ['wrong type', 'POST', '/v1/contacts', { firstName: 42 }],
    ['missing field', 'POST', '/v1/deals', { title: 'x' }],
    ['unknown enum', 'POST', '/v1/contacts', { firstName: 'A', lifecycleStage: 'vip' }],
    ['oversized string', 'POST', '/v1/contacts', { firstName: 'A'.repeat(5000) }],
    ['unknown field', 'POST', '/v1/contacts', { firstName: 'A', isAdmin: true }],
    ['malformed JSON', 'POST', '/v1/contacts', '{"firstName":'],
    ['bad cursor', 'GET', '/v1/contacts?cursor=not-a-cursor'],
    ['bad limit', 'GET', '/v1/contacts?limit=100000'],
    ['bad ids', 'GET', '/v1/contacts?ids=1,2,3'],
    ['bad path id', 'GET', '/v1/contacts/42'],
    ['bad metric name', 'GET', '/v1/metrics?names=happiness'],
    ['from after to', 'GET', '/v1/metrics?names=nps&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'],
    [
      'too many buckets',
      'GET',
      '/v1/metrics?names=nps&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=day',
    ],
    ['score outside its scale', 'POST', '/v1/ratings', { subject: 'product:m1', scale: 'stars5', score: 9 }],
    ['hostile subject', 'POST', '/v1/ratings', { subject: '<script>', score: 3 }],
    [
      'bad money',
      'POST',
      '/v1/orders',
      { contactId: 'con_aaaaaaaaaaaa', amount: { amount: 1.5, currency: 'euro' } },
    ],
    [
      'dangling reference',
      'POST',
      '/v1/orders',
      { contactId: 'con_aaaaaaaaaaaa', amount: { amount: 100, currency: 'EUR' } },
    ],
    ['missing resource', 'GET', '/v1/deals/deal_aaaaaaaaaaaa'],
    ['unknown route', 'GET', '/v1/nothing-here'],
  ];
  it.each(cases)('%s', async (_name, method, path, body) => {
    const reply = method === 'GET' ? await http.get(path) : await http.post(path, body);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    const problem = expectProblem(reply, reply.status);
    expect(problem.detail).toBeTruthy();
  });

  it('names the bad fields', async () => {
    const problem = expectProblem(await http.post('/v1/contacts', { firstName: '', email: 'nope' }), 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['body.email', 'body.firstName']);
  });

  it('a lost stage needs a reason', async () => {
    const deal = await http.post('/v1/deals', {
      title: 'Cables',
      value: { amount: 900, currency: 'EUR' },
      pipelineId: pipeline.id,
    });
    const lost = pipeline.stages.find((s) => s.kind === 'lost')!;
    const problem = expectProblem(
      await http.patch(`/v1/deals/${deal.body.id}`, { stageId: lost.id }, { 'If-Match': '"1"' }),
      422,
    );
    expect(problem.errors?.[0]?.path).toBe('body.lostReason');
    const closed = await http.patch(
      `/v1/deals/${deal.body.id}`,
      { stageId: lost.id, lostReason: 'Price' },
      { 'If-Match': '"1"' },
    );
    expect(closed.body).toMatchObject({ status: 'lost', lostReason: 'Price' });
    expect(closed.body.closedAt).not.toBeNull();
  });

  it('refuses bodies over 64 kB', async () => {
    const reply = await http.post('/v1/contacts', { firstName: 'A', lastName: 'x'.repeat(70_000) });
    expect(expectProblem(reply, 413).title).toBe('Payload too large');
  });
});

describe('pagination', () => {
  it('walks every page once, in order, with nothing missed', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push((await http.post('/v1/activities', { type: 'note', contactId, body: `note ${i}` })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply = await http.get(`/v1/activities?type=note&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...reply.body.data.map((a: { id: string }) => a.id));
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });
});
