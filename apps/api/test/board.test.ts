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
      { stageId: lead!.id, count: 1, total: 100_001, weighted: 10_000, nextCursor: null },
      { stageId: qualified!.id, count: 1, total: 50_000, weighted: 15_000, nextCursor: null },
      { stageId: proposal!.id, count: 1, total: 30_000, weighted: 18_000, nextCursor: null },
    ]);
    expect(board.body.stages.slice(3)).toEqual([
      { stageId: pipeline.stages[3]!.id, count: 1, total: 70_000, weighted: 70_000, nextCursor: null },
      { stageId: pipeline.stages[4]!.id, count: 0, total: 0, weighted: 0, nextCursor: null },
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

  it('orders each column by rank: a deal moved after another, or first, keeps that place for every reader', async () => {
    const { http, pipeline } = await freshWorkspace(await testApi());
    const [lead, qualified] = pipeline.stages;
    const made: { id: string; version: number }[] = [];
    for (const title of ['A', 'B', 'C', 'D']) {
      const deal = await http.post('/v1/deals', {
        title,
        value: { amount: 1000, currency: 'EUR' },
        pipelineId: pipeline.id,
        stageId: lead.id,
      });
      made.push(deal.body);
    }
    const titles = async (stageId: string) => {
      const board = await http.get(`/v1/pipelines/${pipeline.id}/board`);
      return board.body.deals
        .filter((d: { stageId: string }) => d.stageId === stageId)
        .map((d: { title: string }) => d.title);
    };
    // New deals go last, in the order they were made.
    expect(await titles(lead.id)).toEqual(['A', 'B', 'C', 'D']);
    const [a, b, c, d] = made as unknown as [{ id: string }, { id: string }, { id: string }, { id: string }];
    // D after A, within the stage: no stage change, no history entry.
    const moved = await http.patch(`/v1/deals/${d.id}`, { after: a.id }, { 'If-Match': '"1"' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stageId: lead.id, version: 2 });
    expect(await titles(lead.id)).toEqual(['A', 'D', 'B', 'C']);
    expect((await http.get(`/v1/deals/${d.id}/history`)).body.data).toHaveLength(1);
    // C first.
    await http.patch(`/v1/deals/${c.id}`, { after: null }, { 'If-Match': '"1"' });
    expect(await titles(lead.id)).toEqual(['C', 'A', 'D', 'B']);
    // B into Qualified, which is empty, then A after it; a stage change without `after` goes last.
    await http.patch(`/v1/deals/${b.id}`, { stageId: qualified.id, after: null }, { 'If-Match': '"1"' });
    await http.patch(`/v1/deals/${a.id}`, { stageId: qualified.id }, { 'If-Match': '"1"' });
    await http.patch(`/v1/deals/${c.id}`, { stageId: qualified.id, after: b.id }, { 'If-Match': '"2"' });
    expect(await titles(qualified.id)).toEqual(['B', 'C', 'A']);
    expect(await titles(lead.id)).toEqual(['D']);
    // The ranks are the order: every reader sorts the same keys the same way.
    const board = await http.get(`/v1/pipelines/${pipeline.id}/board`);
    const ranks = board.body.deals
      .filter((x: { stageId: string }) => x.stageId === qualified.id)
      .map((x: { rank: string }) => x.rank);
    expect([...ranks].sort()).toEqual(ranks);
    expect((await http.get(`/v1/deals/${c.id}`)).body.rank).toBe(ranks[1]);
  });

  it('refuses `after` naming a deal of another stage, or the deal itself, with 422', async () => {
    const { http, pipeline } = await freshWorkspace(await testApi());
    const make = async (stageId: string) =>
      (
        await http.post('/v1/deals', {
          title: 'X',
          value: { amount: 1, currency: 'EUR' },
          pipelineId: pipeline.id,
          stageId,
        })
      ).body;
    const one = await make(pipeline.stages[0].id);
    const other = await make(pipeline.stages[1].id);
    expectProblem(await http.patch(`/v1/deals/${one.id}`, { after: other.id }, { 'If-Match': '"1"' }), 422);
    expectProblem(await http.patch(`/v1/deals/${one.id}`, { after: one.id }, { 'If-Match': '"1"' }), 422);
    expect((await http.get(`/v1/deals/${one.id}`)).body.version).toBe(1);
  });

  it("pages each column with its own cursor, in the column's order, with the figures of every deal", async () => {
    const { http, pipeline } = await freshWorkspace(await testApi());
    const [lead, qualified] = pipeline.stages;
    const amounts = [500, 100, 900, 300, 700, 200, 800];
    for (const [i, amount] of amounts.entries()) {
      await http.post('/v1/deals', {
        title: `Lead ${i}`,
        value: { amount, currency: 'EUR' },
        pipelineId: pipeline.id,
        stageId: lead.id,
      });
    }
    await http.post('/v1/deals', {
      title: 'Qualified 0',
      value: { amount: 50, currency: 'EUR' },
      pipelineId: pipeline.id,
      stageId: qualified.id,
    });
    const first = await http.get(`/v1/pipelines/${pipeline.id}/board?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.deals.map((d: { title: string }) => d.title)).toEqual([
      'Lead 0',
      'Lead 1',
      'Lead 2',
      'Qualified 0',
    ]);
    const [leadFigures, qualifiedFigures] = first.body.stages;
    expect(leadFigures).toMatchObject({ count: 7, total: 3500, weighted: 350 });
    expect(leadFigures.nextCursor).toEqual(expect.any(String));
    expect(qualifiedFigures).toMatchObject({ count: 1, nextCursor: null });

    const rest: string[] = [];
    let cursor = leadFigures.nextCursor;
    while (cursor) {
      const next = await http.get(
        `/v1/pipelines/${pipeline.id}/board/stages/${lead.id}?limit=3&cursor=${cursor}`,
      );
      expect(next.status).toBe(200);
      rest.push(...next.body.data.map((d: { title: string }) => d.title));
      cursor = next.body.nextCursor;
    }
    expect(rest).toEqual(['Lead 3', 'Lead 4', 'Lead 5', 'Lead 6']);

    // By value, highest first, over a filter: the figures count what the filter keeps.
    const byValue = await http.get(`/v1/pipelines/${pipeline.id}/board?limit=2&sort=value&minValue=200`);
    expect(byValue.body.stages[0]).toMatchObject({ count: 6, total: 3400 });
    const shown = byValue.body.deals.filter((d: { stageId: string }) => d.stageId === lead.id);
    expect(shown.map((d: { value: { amount: number } }) => d.value.amount)).toEqual([900, 800]);
    const page2 = await http.get(
      `/v1/pipelines/${pipeline.id}/board/stages/${lead.id}?limit=10&sort=value&minValue=200&cursor=${byValue.body.stages[0].nextCursor}`,
    );
    expect(page2.body.data.map((d: { value: { amount: number } }) => d.value.amount)).toEqual([
      700, 500, 300, 200,
    ]);
    expect(page2.body.nextCursor).toBeNull();

    // Text search over title and company name, figures to match.
    const searched = await http.get(`/v1/pipelines/${pipeline.id}/board?q=qualified`);
    expect(searched.body.stages.map((s: { count: number }) => s.count)).toEqual([0, 1, 0, 0, 0]);
    expect(searched.body.totals.count).toBe(1);
  });

  it('refuses a cursor that is not this column’s, or not one at all, with a 400 problem', async () => {
    const { http, pipeline } = await freshWorkspace(await testApi());
    const [lead, qualified] = pipeline.stages;
    for (let i = 0; i < 3; i++) {
      await http.post('/v1/deals', {
        title: `D${i}`,
        value: { amount: 100, currency: 'EUR' },
        pipelineId: pipeline.id,
        stageId: lead.id,
      });
    }
    const board = await http.get(`/v1/pipelines/${pipeline.id}/board?limit=1`);
    const cursor = board.body.stages[0].nextCursor;
    const column = (stageId: string, query: string) =>
      http.get(`/v1/pipelines/${pipeline.id}/board/stages/${stageId}?${query}`);
    expectProblem(await column(lead.id, 'cursor=not-a-cursor'), 400);
    expectProblem(await column(qualified.id, `cursor=${cursor}`), 400);
    expectProblem(await column(lead.id, `cursor=${cursor}&sort=value`), 400);
    expectProblem(await column(lead.id, `cursor=${cursor}&ownerId=usr_nobody0000`), 400);
    const forged = Buffer.from(JSON.stringify([lead.id, 'x', '', "a0'; drop", 'deal_x'])).toString(
      'base64url',
    );
    const refused = await column(lead.id, `cursor=${forged}`);
    expectProblem(refused, 400);
    expect(refused.body.errors[0].path).toBe('query.cursor');
    expect((await column(lead.id, `cursor=${cursor}`)).status).toBe(200);
    expectProblem(await column('stg_doesnotexist01', 'limit=1'), 404);
  });

  it('narrows to the deals closed in a window, lost or won: what the lost-sales tile drills into', async () => {
    const { http, pipeline } = await freshWorkspace(await testApi());
    const [lead, , , won, lost] = pipeline.stages;
    const create = async (title: string, amount: number) =>
      (
        await http.post('/v1/deals', {
          title,
          value: { amount, currency: 'EUR' },
          pipelineId: pipeline.id,
          stageId: lead!.id,
        })
      ).body;
    const before = new Date(Date.now() - 1000).toISOString();
    const open = await create('Still open', 10_000);
    const lostDeal = await create('Went elsewhere', 42_000);
    const wonDeal = await create('Signed', 70_000);
    await http.patch(
      `/v1/deals/${lostDeal.id}`,
      { stageId: lost!.id, lostReason: 'Price' },
      { 'If-Match': '"1"' },
    );
    await http.patch(`/v1/deals/${wonDeal.id}`, { stageId: won!.id }, { 'If-Match': '"1"' });
    const after = new Date(Date.now() + 1000).toISOString();
    const board = (query: string) => http.get(`/v1/pipelines/${pipeline.id}/board?${query}`);

    const lostIn = await board(`status=lost&closedFrom=${before}&closedTo=${after}`);
    expect(lostIn.status).toBe(200);
    expect(lostIn.body.deals.map((d: { id: string }) => d.id)).toEqual([lostDeal.id]);
    expect(lostIn.body.deals[0].closedAt).not.toBeNull();
    expect(lostIn.body.stages.map((s: { count: number; total: number }) => [s.count, s.total])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 42_000],
    ]);
    // The lost stage's total is the lost-sales metric over the same window.
    const metric = await http.get(`/v1/metrics?names=lost_sales&from=${before}&to=${after}`);
    expect(metric.body.data[0].value).toBe(lostIn.body.stages[4].total);

    // Closed in the window, either way; open deals have no close.
    const closed = await board(`closedFrom=${before}`);
    expect(closed.body.deals.map((d: { id: string }) => d.id).sort()).toEqual(
      [lostDeal.id, wonDeal.id].sort(),
    );
    expect((await board('status=open')).body.deals.map((d: { id: string }) => d.id)).toEqual([open.id]);
    expect((await board(`closedTo=${before}`)).body.deals).toEqual([]);

    const backwards = await board(`closedFrom=${after}&closedTo=${before}`);
    expectProblem(backwards, 400);
    expect(backwards.body.errors[0].path).toBe('query.closedFrom');
    expectProblem(await board('status=pending'), 400);
    expectProblem(await board('closedFrom=yesterday'), 400);
  });

  it("answers 404 for an unknown pipeline and for another workspace's", async () => {
    expectProblem(await http.get('/v1/pipelines/pip_doesnotexist01/board'), 404);
    const other = await freshWorkspace(await testApi());
    expectProblem(await other.http.get(`/v1/pipelines/${pipeline.id}/board`), 404);
  });
});
