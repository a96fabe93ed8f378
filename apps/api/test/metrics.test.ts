import { METRIC_NAMES } from '@chorus/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../src/db/database.js';
import type { TestApi } from '../src/testing.js';
import { yearEarlier } from '../src/domain/metrics.js';
import { caller, testApi } from './support/api.js';

/**
 * A small workspace whose every row is written here with a known time, so each metric can be worked
 * out by hand from the definitions in the contract. Period: March 2026; previous: 29 Jan - 1 Mar.
 */
const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-04-01T00:00:00Z';
const t = (date: string) => new Date(`${date}T00:00:00Z`).toISOString();
const hours = (date: string, h: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + h * 3_600_000).toISOString();

let metrics: Record<
  string,
  { value: number | null; previous: number | null; series: { start: string; value: number | null }[] }
>;

async function buildWorkspace(db: Sql, ws: string) {
  const q = (sql: string, params: unknown[]) => db.query(sql, params);
  await q(
    "insert into companies (id, workspace_id, name, wallet_amount, wallet_currency) values ('com_k1metrics', $1, 'K1', 200000, 'EUR'), ('com_k2metrics', $1, 'K2', 100000, 'EUR')",
    [ws],
  );
  const contacts: [string, string, string, string, string | null][] = [
    // id, created, initial stage, current stage, company
    ['con_c1metrics', '2026-01-10', 'lead', 'churned', 'com_k1metrics'],
    ['con_c2metrics', '2026-01-20', 'lead', 'customer', 'com_k1metrics'],
    ['con_c3metrics', '2026-03-02', 'lead', 'customer', 'com_k2metrics'],
    ['con_c4metrics', '2026-03-10', 'subscriber', 'subscriber', null],
    ['con_c5metrics', '2025-12-01', 'customer', 'customer', null],
  ];
  for (const [id, created, initial, current, company] of contacts) {
    await q(
      `insert into contacts (id, workspace_id, first_name, lifecycle_stage, initial_stage, company_id, created_at)
       values ($1, $2, $1, $3, $4, $5, $6)`,
      [id, ws, current, initial, company, t(created)],
    );
    await q(
      "insert into lifecycle_changes (workspace_id, contact_id, from_stage, to_stage, reason, changed_at) values ($1, $2, null, $3, 'created', $4)",
      [ws, id, initial, t(created)],
    );
  }
  const changes: [string, string, string, string][] = [
    ['con_c1metrics', 'lead', 'customer', '2026-02-10'],
    ['con_c1metrics', 'customer', 'churned', '2026-03-15'],
    ['con_c2metrics', 'lead', 'customer', '2026-03-05'],
    ['con_c3metrics', 'lead', 'customer', '2026-03-12'],
  ];
  for (const [id, from, to, at] of changes) {
    await q(
      "insert into lifecycle_changes (workspace_id, contact_id, from_stage, to_stage, reason, changed_at) values ($1, $2, $3, $4, 'test', $5)",
      [ws, id, from, to, t(at)],
    );
  }
  // A paid campaign of ten days in March (10,000), which brought c3 and c4 in and re-engaged c2
  // (who first came organically) before her March orders.
  await q(
    `insert into campaigns (id, workspace_id, name, channel, starts_on, ends_on, cost_amount, cost_currency)
     values ('cmp_m1metrics', $1, 'M1', 'paid', '2026-03-01', '2026-03-10', 10000, 'EUR')`,
    [ws],
  );
  const touches: [string, string | null, string, string][] = [
    ['con_c2metrics', null, 'organic', '2026-01-20'],
    ['con_c2metrics', 'cmp_m1metrics', 'paid', '2026-03-04'],
    ['con_c3metrics', 'cmp_m1metrics', 'paid', '2026-03-02'],
    ['con_c4metrics', 'cmp_m1metrics', 'paid', '2026-03-10'],
  ];
  for (const [contact, campaign, source, at] of touches) {
    await q(
      'insert into contact_touches (workspace_id, contact_id, campaign_id, source, touched_at) values ($1, $2, $3, $4, $5)',
      [ws, contact, campaign, source, t(at)],
    );
  }
  const orders: [string, string, string | null, number, string][] = [
    ['ord_o1metrics', 'con_c1metrics', 'com_k1metrics', 10000, '2026-02-10'],
    ['ord_o2metrics', 'con_c2metrics', 'com_k1metrics', 30000, '2026-03-06'],
    ['ord_o3metrics', 'con_c2metrics', 'com_k1metrics', 50000, '2026-03-20'],
    ['ord_o4metrics', 'con_c3metrics', 'com_k2metrics', 20000, '2026-03-12'],
    ['ord_o5metrics', 'con_c5metrics', null, 40000, '2025-12-01'],
  ];
  for (const [id, contact, company, amount, at] of orders) {
    await q(
      "insert into orders (id, workspace_id, contact_id, company_id, amount, currency, ordered_at) values ($1, $2, $3, $4, $5, 'EUR', $6)",
      [id, ws, contact, company, amount, t(at)],
    );
  }
  await q("insert into pipelines (id, workspace_id, name) values ('pip_pmetrics', $1, 'P')", [ws]);
  const stages: [string, number, string, number][] = [
    ['stg_s0metrics', 0, 'open', 0.1],
    ['stg_s1metrics', 1, 'open', 0.5],
    ['stg_wonmetrics', 2, 'won', 1],
    ['stg_lostmetrics', 3, 'lost', 0],
  ];
  for (const [id, position, kind, probability] of stages) {
    await q(
      "insert into stages (id, workspace_id, pipeline_id, name, position, kind, probability) values ($1, $2, 'pip_pmetrics', $1, $3, $4, $5)",
      [id, ws, position, kind, probability],
    );
  }
  const deals: [string, number, string, string, string | null, [string, string][]][] = [
    [
      'deal_d1metrics',
      100000,
      'won',
      '2026-02-01',
      '2026-03-05',
      [
        ['stg_s0metrics', '2026-02-01'],
        ['stg_s1metrics', '2026-03-03'],
        ['stg_wonmetrics', '2026-03-05'],
      ],
    ],
    [
      'deal_d2metrics',
      40000,
      'lost',
      '2026-02-15',
      '2026-03-20',
      [
        ['stg_s0metrics', '2026-02-15'],
        ['stg_lostmetrics', '2026-03-20'],
      ],
    ],
    ['deal_d3metrics', 60000, 'open', '2026-03-10', null, [['stg_s1metrics', '2026-03-10']]],
    [
      'deal_d4metrics',
      10000,
      'lost',
      '2026-02-20',
      '2026-02-25',
      [
        ['stg_s0metrics', '2026-02-20'],
        ['stg_lostmetrics', '2026-02-25'],
      ],
    ],
  ];
  for (const [id, value, status, created, closed, path] of deals) {
    await q(
      `insert into deals (id, workspace_id, title, value_amount, value_currency, pipeline_id, stage_id, status, stage_entered_at, closed_at, created_at)
       values ($1, $2, $1, $3, 'EUR', 'pip_pmetrics', $4, $5, $6, $7, $8)`,
      [id, ws, value, path.at(-1)![0], status, t(path.at(-1)![1]), closed && t(closed), t(created)],
    );
    for (const [stage, at] of path)
      await q(
        'insert into deal_stage_history (workspace_id, deal_id, stage_id, entered_at) values ($1, $2, $3, $4)',
        [ws, id, stage, t(at)],
      );
  }
  const ratings: [string, number, string][] = [
    ['stars5', 5, '2026-03-03'],
    ['stars5', 3, '2026-03-04'],
    ['stars5', 4, '2026-02-10'],
    ['nps10', 10, '2026-03-02'],
    ['nps10', 9, '2026-03-03'],
    ['nps10', 9, '2026-03-04'],
    ['nps10', 7, '2026-03-05'],
    ['nps10', 3, '2026-03-06'],
    ['nps10', 0, '2026-03-07'],
    ['nps10', 8, '2026-02-20'],
    ['csat5', 5, '2026-03-02'],
    ['csat5', 4, '2026-03-03'],
    ['csat5', 2, '2026-03-04'],
  ];
  for (const [i, [scale, score, at]] of ratings.entries()) {
    await q(
      "insert into ratings (id, workspace_id, subject, scale, score, source, created_at) values ($1, $2, 'product:x', $3, $4, 'survey', $5)",
      [`rat_r${i}metricsxx`, ws, scale, score, t(at)],
    );
  }
  const tickets: [string, string, string][] = [
    ['tkt_t1metrics', hours('2026-03-01', 0), hours('2026-03-01', 10)],
    ['tkt_t2metrics', hours('2026-02-27', 0), hours('2026-03-02', 0)],
    ['tkt_t3metrics', hours('2026-03-05', 0), hours('2026-03-06', 0)],
    ['tkt_t4metrics', hours('2026-02-01', 0), hours('2026-02-01', 5)],
  ];
  for (const [id, opened, resolved] of tickets) {
    await q(
      "insert into tickets (id, workspace_id, contact_id, subject, status, opened_at, resolved_at) values ($1, $2, 'con_c5metrics', 'x', 'resolved', $3, $4)",
      [id, ws, opened, resolved],
    );
  }
}

let api: TestApi;
let secretKey: string;
beforeAll(async () => {
  api = await testApi();
  const ws = await api.createWorkspace();
  secretKey = ws.secretKey;
  await buildWorkspace(api.db, ws.workspaceId);
  const reply = await caller(api, ws.secretKey).get(
    `/v1/metrics?names=${METRIC_NAMES.join(',')}&stage=customer&from=${FROM}&to=${TO}&interval=week`,
  );
  expect(reply.status).toBe(200);
  metrics = Object.fromEntries(reply.body.data.map((m: { name: string }) => [m.name, m]));
});

describe('metrics equal what the definitions give by hand', () => {
  const expected: Record<string, [number | null, number | null]> = {
    // 4 buying contacts; by 1 Apr all five orders (150,000), by 1 Mar two orders (50,000) of two contacts.
    customer_lifetime_value: [150000 / 4, 50000 / 2],
    // At 1 Mar c1 and c5 are customers and c1 churns; at 29 Jan only c5, no churn.
    churn_rate: [1 / 2, 0 / 1],
    // Created in March in a lead stage: c3 (converted) and c4 (not); none in the previous period.
    lead_conversion_rate: [1 / 2, null],
    // Became customers in March: c2 after 44 days, c3 after 10: median 27. Before: c1 after 31.
    time_to_conversion: [(44 + 10) / 2, 31],
    // Closed in March: d1 won, d2 lost. Before: d4 lost.
    win_rate: [1 / 2, 0],
    // Open on 1 Apr: d3. Open on 1 Mar: d1 and d2.
    pipeline_value: [60000, 100000 + 40000],
    // d3 in a 0.5 stage; on 1 Mar d1 and d2 were both in the 0.1 stage.
    weighted_pipeline_value: [60000 * 0.5, 100000 * 0.1 + 40000 * 0.1],
    lost_sales: [40000, 10000],
    average_order_value: [(30000 + 50000 + 20000) / 3, 10000],
    average_rating: [(5 + 3) / 2, 4],
    // March: promoters 10, 9, 9; passive 7; detractors 3, 0: (3 - 2) / 6. Before: one passive.
    nps: [((3 - 2) / 6) * 100, 0],
    csat: [2 / 3, null],
    // Resolved in March: 10 h, 72 h, 24 h: median 24. Before: 5 h.
    issue_resolution_time: [24, 5],
    // Trailing year to 1 Apr: K1 90,000 + K2 20,000 of 300,000 wallet; to 1 Mar: K1 10,000.
    share_of_wallet: [(90000 + 20000) / 300000, 10000 / 300000],
    // March, last touch: o2, o3 (c2, re-engaged by M1) and o4 (c3, brought by M1): 100,000 for
    // M1's 10,000. Before March no campaign cost anything: none.
    campaign_roi: [(100000 - 10000) / 10000, null],
    // M1's leads created in March: c3 (lead) and c4 (subscriber). None before, at no cost: none.
    cost_per_lead: [10000 / 2, null],
    // stage=customer: c2 and c3 became customers in March; c1 in February (c5 was created one in December).
    stage_entry_count: [2, 1],
    // None of them went on to evangelist (c1 churned, which is not going on).
    stage_conversion_rate: [0, 0],
  };

  it('covers every metric of the contract', () => {
    expect(Object.keys(expected).sort()).toEqual([...METRIC_NAMES].sort());
  });

  it.each(Object.entries(expected))('%s', (name, [value, previous]) => {
    const metric = metrics[name]!;
    if (value === null) expect(metric.value).toBeNull();
    else expect(metric.value).toBeCloseTo(value, 6);
    if (previous === null) expect(metric.previous).toBeNull();
    else expect(metric.previous).toBeCloseTo(previous, 6);
  });

  it('gives a weekly series whose buckets hold the period’s values', () => {
    const lost = metrics.lost_sales!.series;
    expect(lost.map((b) => b.start.slice(0, 10))).toEqual([
      '2026-03-01',
      '2026-03-08',
      '2026-03-15',
      '2026-03-22',
      '2026-03-29',
    ]);
    expect(lost.map((b) => b.value)).toEqual([0, 0, 40000, 0, 0]);
  });
});

describe('compared with the same dates a year earlier', () => {
  it('measures `previous` over March 2026 when March 2027 is asked with compare=year-ago', async () => {
    const reply = await caller(api, secretKey).get(
      `/v1/metrics?names=${METRIC_NAMES.join(',')}&stage=customer&from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z&compare=year-ago`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      previousFrom: '2026-03-01T00:00:00.000Z',
      previousTo: '2026-04-01T00:00:00.000Z',
      compare: 'year-ago',
    });
    // Every metric's `previous` is March 2026's value, which the table above checks by hand.
    for (const metric of reply.body.data as { name: string; previous: number | null }[]) {
      const march = metrics[metric.name]!.value;
      if (march === null) expect(metric.previous, metric.name).toBeNull();
      else expect(metric.previous, metric.name).toBeCloseTo(march, 6);
    }
  });

  it('keeps the preceding period of equal length by default, and says so', async () => {
    const reply = await caller(api, secretKey).get(`/v1/metrics?names=win_rate&from=${FROM}&to=${TO}`);
    expect(reply.body).toMatchObject({
      previousFrom: '2026-01-29T00:00:00.000Z',
      previousTo: '2026-03-01T00:00:00.000Z',
      compare: 'previous',
    });
  });

  it('refuses a comparison it does not know with a problem naming the field', async () => {
    const reply = await caller(api, secretKey).get(`/v1/metrics?names=win_rate&compare=last-week`);
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('compare');
  });

  it('moves 29 February to 28 February of the year before, and other dates to the same date', () => {
    expect(yearEarlier(new Date('2028-02-29T10:00:00Z')).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(yearEarlier(new Date('2027-03-01T00:00:00Z')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(yearEarlier(new Date('2027-12-31T23:59:00Z')).toISOString()).toBe('2026-12-31T23:59:00.000Z');
  });
});
