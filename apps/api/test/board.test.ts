import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let http: Caller;
let pipeline: { id: string; stages: { id: string; name: string; kind: string; probability: number }[] };

beforeAll(async () => {
  ({ http, pipeline } = await freshWorkspace(await testApi()));
});

describe('GET /v1/pipelines/{id}/board', () => {
  it('sums count, value and weighted value per stage and for the board, with names on the cards', async () => {
    const company = await http.post('/v1/companies', { name: 'Northwind <b>Studios</b>' });
    const [lead, qualified, proposal] = pipeline.stages;
    const create = (title: string, amount: number, stageId: string, extra = {}) =>
      http.post('/v1/deals', {
        title,
        value: { amount, currency: 'EUR' },
        pipelineId: pipeline.id,
        stageId,
        ...extra,
      });
    await create('Monitors', 100_001, lead!.id, {
      companyId: company.body.id,
      expectedCloseDate: '2026-12-31',
    });
    await create('Desks', 50_000, qualified!.id);
    const moved = await create('Chairs', 30_000, lead!.id);
    await http.patch(`/v1/deals/${moved.body.id}`, { stageId: proposal!.id }, { 'If-Match': '"1"' });
    await create('Won already', 70_000, pipeline.stages[3]!.id);

    const board = await http.get(`/v1/pipelines/${pipeline.id}/board`);
    expect(board.status).toBe(200);
    expect(board.body.currency).toBe('EUR');
    expect(board.body.pipeline.stages.map((s: { id: string }) => s.id)).toEqual(
      pipeline.stages.map((s) => s.id),
    );
    expect(board.body.stages.slice(0, 3)).toEqual([
      // 100,001 × 0.1 = 10,000.1, rounded to whole cents.
      { stageId: lead!.id, count: 1, total: 100_001, weighted: 10_000 },
      { stageId: qualified!.id, count: 1, total: 50_000, weighted: 15_000 },
      { stageId: proposal!.id, count: 1, total: 30_000, weighted: 18_000 },
    ]);
    expect(board.body.stages.slice(3)).toEqual([
      { stageId: pipeline.stages[3]!.id, count: 1, total: 70_000, weighted: 70_000 },
      { stageId: pipeline.stages[4]!.id, count: 0, total: 0, weighted: 0 },
    ]);
    // The won deal is in its column's figures but not in the open pipeline's.
    expect(board.body.totals).toEqual({ count: 3, total: 180_001, weighted: 43_000 });
    const monitors = board.body.deals.find((d: { title: string }) => d.title === 'Monitors');
    expect(monitors).toMatchObject({
      companyName: 'Northwind <b>Studios</b>',
      ownerName: null,
      expectedCloseDate: '2026-12-31',
      status: 'open',
      version: 1,
    });
    const chairs = board.body.deals.find((d: { title: string }) => d.title === 'Chairs');
    expect(chairs).toMatchObject({ stageId: proposal!.id, version: 2 });
    expect(Date.parse(chairs.stageEnteredAt)).toBeGreaterThanOrEqual(Date.parse(moved.body.stageEnteredAt));
  });

  it("answers 404 for an unknown pipeline and for another workspace's", async () => {
    expectProblem(await http.get('/v1/pipelines/pip_doesnotexist01/board'), 404);
    const other = await freshWorkspace(await testApi());
    expectProblem(await other.http.get(`/v1/pipelines/${pipeline.id}/board`), 404);
  });
});
