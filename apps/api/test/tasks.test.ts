import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOST_REASONS } from '../src/domain/lost-reasons.js';
import { type Caller, caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let http: Caller;
let pipeline: { id: string; stages: { id: string }[] };
let contactId: string;
let dealId: string;

beforeAll(async () => {
  ({ http, pipeline } = await freshWorkspace(await testApi()));
  contactId = (await http.post('/v1/contacts', { firstName: 'Ada', lastName: 'Tasker' })).body.id;
  dealId = (
    await http.post('/v1/deals', {
      title: 'Twelve monitors',
      value: { amount: 120_000, currency: 'EUR' },
      pipelineId: pipeline.id,
      contactId,
    })
  ).body.id;
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('tasks: activities with a due date and a done state', () => {
  it('logs a touch as done and schedules a task as open', async () => {
    const call = await http.post('/v1/activities', { type: 'call', contactId, body: 'Rang them' });
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({ dueAt: null, completedAt: call.body.occurredAt });

    const task = await http.post('/v1/activities', { type: 'email', contactId, dealId, dueAt: inDays(2) });
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({ dealId, completedAt: null });
    expect(Date.parse(task.body.dueAt)).toBeGreaterThan(Date.now());
  });

  it("lists a deal's open tasks soonest first and pages through them", async () => {
    const { http: own, pipeline: p } = await freshWorkspace(await testApi());
    const person = (await own.post('/v1/contacts', { firstName: 'Paged' })).body.id;
    const deal = (
      await own.post('/v1/deals', { title: 'D', value: { amount: 1, currency: 'EUR' }, pipelineId: p.id })
    ).body.id;
    const later = await own.post('/v1/activities', {
      type: 'call',
      contactId: person,
      dealId: deal,
      dueAt: inDays(5),
    });
    const soon = await own.post('/v1/activities', {
      type: 'call',
      contactId: person,
      dealId: deal,
      dueAt: inDays(1),
    });
    const mid = await own.post('/v1/activities', {
      type: 'note',
      contactId: person,
      dealId: deal,
      dueAt: inDays(3),
    });
    await own.post('/v1/activities', { type: 'note', contactId: person, dealId: deal, body: 'done already' });

    const first = await own.get(`/v1/tasks?dealId=${deal}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((t: { id: string }) => t.id)).toEqual([soon.body.id, mid.body.id]);
    const second = await own.get(`/v1/tasks?dealId=${deal}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ data: [later.body], nextCursor: null });
    expect((await own.get(`/v1/tasks?contactId=${person}`)).body.data).toHaveLength(3);
  });

  it('completes a task once; completing again changes nothing', async () => {
    const task = await http.post('/v1/activities', { type: 'call', contactId, dueAt: inDays(-1) });
    const done = await http.post(`/v1/activities/${task.body.id}/complete`, undefined);
    expect(done.status).toBe(200);
    expect(done.body.completedAt).not.toBeNull();
    expect(done.body.occurredAt).toBe(done.body.completedAt);
    const again = await http.post(`/v1/activities/${task.body.id}/complete`, undefined);
    expect(again.body).toEqual(done.body);
    const open = await http.get(`/v1/tasks?contactId=${contactId}`);
    expect(open.body.data.map((t: { id: string }) => t.id)).not.toContain(task.body.id);
  });

  it('refuses a bad due date and an unknown task with problem details', async () => {
    const bad = expectProblem(
      await http.post('/v1/activities', { type: 'call', contactId, dueAt: 'tomorrow' }),
      400,
    );
    expect(new Set(bad.errors?.map((e) => e.path))).toEqual(new Set(['body.dueAt']));
    expectProblem(await http.post('/v1/activities/act_0000000000nothere/complete', undefined), 404);
  });

  it("shows a deal's earliest open task on its board card as the next activity", async () => {
    const { http: own, pipeline: p } = await freshWorkspace(await testApi());
    const person = (await own.post('/v1/contacts', { firstName: 'Board' })).body.id;
    const create = (title: string) =>
      own.post('/v1/deals', {
        title,
        value: { amount: 1, currency: 'EUR' },
        pipelineId: p.id,
        contactId: person,
      });
    const busy = (await create('Busy')).body.id;
    await create('Idle');
    const second = await own.post('/v1/activities', {
      type: 'email',
      contactId: person,
      dealId: busy,
      dueAt: inDays(4),
    });
    const first = await own.post('/v1/activities', {
      type: 'call',
      contactId: person,
      dealId: busy,
      dueAt: inDays(-2),
      body: 'Overdue call',
    });
    const card = (title: string, board: { deals: { title: string; nextActivity: unknown }[] }) =>
      board.deals.find((d) => d.title === title)!;

    let board = (await own.get(`/v1/pipelines/${p.id}/board`)).body;
    expect(card('Busy', board).nextActivity).toEqual({
      id: first.body.id,
      type: 'call',
      body: 'Overdue call',
      dueAt: first.body.dueAt,
    });
    expect(card('Idle', board).nextActivity).toBeNull();

    await own.post(`/v1/activities/${first.body.id}/complete`, undefined);
    board = (await own.get(`/v1/pipelines/${p.id}/board`)).body;
    expect(card('Busy', board).nextActivity).toMatchObject({ id: second.body.id, type: 'email' });
    const column = await own.get(`/v1/pipelines/${p.id}/board/stages/${p.stages[0].id}`);
    expect(column.body.data.find((d: { title: string }) => d.title === 'Busy').nextActivity.id).toBe(
      second.body.id,
    );
  });

  it("keeps another workspace's tasks out", async () => {
    const other = caller(await testApi(), (await (await testApi()).createWorkspace()).secretKey);
    expect((await other.get(`/v1/tasks?dealId=${dealId}`)).body.data).toEqual([]);
  });
});

describe('GET /v1/lost-reasons', () => {
  it('gives a new workspace the default list, in order', async () => {
    const reply = await http.get('/v1/lost-reasons');
    expect(reply.status).toBe(200);
    expect(reply.body.data.map((r: { label: string }) => r.label)).toEqual([...DEFAULT_LOST_REASONS]);
    expect(reply.body.data.map((r: { position: number }) => r.position)).toEqual([0, 1, 2, 3, 4]);
    expect(reply.body.data[0].id).toMatch(/^lr_[0-9a-f]{20}$/);
  });

  it("lists only the caller's workspace's reasons", async () => {
    const { http: other } = await freshWorkspace(await testApi());
    const mine = (await http.get('/v1/lost-reasons')).body.data.map((r: { id: string }) => r.id);
    const theirs = (await other.get('/v1/lost-reasons')).body.data.map((r: { id: string }) => r.id);
    expect(theirs).toHaveLength(5);
    expect(theirs.filter((id: string) => mine.includes(id))).toEqual([]);
  });
});
