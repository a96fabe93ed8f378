/**
 * The metrics' fast path against their plain definitions: random workspaces (lifecycle moves, deals
 * through stages with open, won and lost ends, orders, tickets, ratings, with ties and out-of-order
 * times on purpose) over random periods and intervals; every value, previous value and series point
 * of every metric must match the reference SQL (one scan per range, written for clarity): exactly
 * for money and counts, within 1e-9 for ratios. METRICS_PROPERTY_RUNS sets how many workspaces
 * (the bench runs many; `npm test` a few).
 */
import {
  ATTRIBUTION_MODELS,
  CAMPAIGN_CHANNELS,
  FUNNEL_STAGES,
  LIFECYCLE_STAGES,
  MARKETING_METRICS,
  METRIC_NAMES,
  RATING_METRICS,
  RATING_SOURCES,
  type MetricInterval,
  type MetricName,
} from '@chorus/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics, marketingParams, type MetricsRequest } from '../src/domain/metrics.js';
import { buckets } from '../src/domain/periods.js';
import { DEMO_WORKSPACE_ID } from '../src/seed/demo.js';
import { seededRandom, type Random } from '../src/seed/random.js';
import type { TestApi } from '../src/testing.js';
import { testApi } from './support/api.js';
import { randomWorkspace, timeSource } from './support/random-workspace.js';
import { referenceMetrics } from './support/reference-metrics.js';

const RUNS = Number(process.env.METRICS_PROPERTY_RUNS ?? 6);
const DAY = 86_400_000;
/** Metrics whose values are sums of whole minor units: these must match to the unit. */
const EXACT: MetricName[] = ['pipeline_value', 'lost_sales'];

let api: TestApi;

/** A random period inside the data's year (sometimes reaching past it) and an interval that fits. */
function randomPeriod(random: Random, end: number) {
  const to = end - random.int(-10, 300) * DAY + random.int(0, 23) * 3_600_000;
  const from = to - random.int(1, 200) * DAY;
  const days = (to - from) / DAY;
  const interval = random.pick(
    (['day', 'week', 'month'] as MetricInterval[]).filter(
      (i) => days / { day: 1, week: 7, month: 28 }[i] < 400,
    ),
  );
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), interval };
}

const close = (name: MetricName, fast: number | null, reference: number | null) =>
  fast === null || reference === null
    ? fast === reference
    : EXACT.includes(name)
      ? fast === reference
      : Math.abs(fast - reference) <= 1e-9 * Math.max(1, Math.abs(reference));

beforeAll(async () => {
  api = await testApi();
});

/**
 * The marketing metrics' stage, and at random a campaign or channel filter (of the workspace's, or
 * one nobody used) and an attribution model: with a filter, only the marketing metrics are asked for.
 */
async function randomMarketing(random: Random, ws: string): Promise<Omit<MetricsRequest, 'from' | 'to'>> {
  const stage = random.pick(FUNNEL_STAGES);
  const filter = random.int(0, 4);
  if (filter === 0) return { names: [...METRIC_NAMES], stage };
  if (filter === 4) return { names: [...RATING_METRICS], source: random.pick(RATING_SOURCES.slice(0, 3)) };
  const campaigns = await api.db.query<{ id: string }>(
    'select id from campaigns where workspace_id = $1 order by id',
    [ws],
  );
  return {
    names: [...MARKETING_METRICS],
    stage,
    attribution: random.pick(ATTRIBUTION_MODELS),
    ...(filter === 1 && campaigns.length > 0
      ? { campaignId: random.pick(campaigns).id }
      : filter === 2
        ? { channel: random.pick(CAMPAIGN_CHANNELS.slice(0, 4)) }
        : {}),
  };
}

/** Every metric over a few random periods: fast path against the reference, all values listed on mismatch. */
async function expectFastEqualsReference(random: Random, ws: string, end: number) {
  for (let p = 0; p < 3; p++) {
    const period = randomPeriod(random, end);
    const marketing = await randomMarketing(random, ws);
    const fast = await api.db.transaction((tx) => computeMetrics(tx, ws, 'EUR', { ...marketing, ...period }));
    const from = new Date(fast.from);
    const to = new Date(fast.to);
    const ranges = [
      { start: from, end: to },
      { start: new Date(fast.previousFrom), end: from },
      ...buckets(from, to, fast.interval),
    ];
    const reference = await api.db.transaction((tx) =>
      referenceMetrics(tx, ws, ranges, marketingParams(marketing)),
    );
    expect(fast.data).toHaveLength(marketing.names.length);
    const mismatches = fast.data.flatMap((metric) => {
      const expected = reference[metric.name];
      const got = [metric.value, metric.previous, ...metric.series.map((point) => point.value)];
      expect(got).toHaveLength(expected.length);
      return got.flatMap((value, index) =>
        close(metric.name, value, expected[index]!)
          ? []
          : [
              `${metric.name}[${index}] ${period.from}..${period.to}/${period.interval} ${JSON.stringify(marketingParams(marketing))}: ${value} ≠ ${expected[index]}`,
            ],
      );
    });
    expect(mismatches).toEqual([]);
  }
}

/**
 * Writes after the workspace exists, of every kind the rollups' triggers must follow: deals moved
 * to another stage and back (history closed and opened), won, lost and reopened, revalued;
 * orders added, moved to another contact or time, deleted; lifecycle changes added and deleted;
 * companies gaining and losing their wallet; a stage's probability changed; ratings and deals deleted;
 * touches added (before, at or after orders), moved and deleted, which changes first touches and credits.
 */
async function randomWrites(random: Random, ws: string, end: number) {
  const at = timeSource(random, end);
  const rows = async (sql: string) => api.db.query<{ id: string }>(sql, [ws]);
  const deals = await rows('select id from deals where workspace_id = $1 order by id');
  const stages = await rows('select id from stages where workspace_id = $1 order by position');
  const contacts = await rows('select id from contacts where workspace_id = $1 order by id');
  const orders = await rows('select id from orders where workspace_id = $1 order by id');
  const companies = await rows('select id from companies where workspace_id = $1 order by id');
  const campaigns = await rows('select id from campaigns where workspace_id = $1 order by id');
  for (let n = random.int(5, 25); n > 0; n--) {
    const kind = random.int(0, 11);
    if (kind <= 2 && deals.length > 0) {
      // A move: close the current span, open one in another stage (and often back again).
      const deal = random.pick(deals).id;
      for (let k = random.chance(0.5) ? 2 : 1; k > 0; k--) {
        const moved = at();
        await api.db.query(
          'update deal_stage_history set left_at = $2 where deal_id = $1 and left_at is null',
          [deal, moved],
        );
        await api.db.query(
          'insert into deal_stage_history (workspace_id, deal_id, stage_id, entered_at) values ($1, $2, $3, $4)',
          [ws, deal, random.pick(stages).id, moved],
        );
      }
    } else if (kind === 3 && deals.length > 0) {
      const status = random.pick(['open', 'won', 'lost'] as const);
      await api.db.query('update deals set status = $2, closed_at = $3, value_amount = $4 where id = $1', [
        random.pick(deals).id,
        status,
        status === 'open' ? null : at(),
        random.int(0, 1_000_000),
      ]);
    } else if (kind === 4 && contacts.length > 0) {
      const id = `ord_${ws.slice(3)}w${n}${random.int(0, 1e6)}`;
      await api.db.query(
        `insert into orders (id, workspace_id, contact_id, company_id, amount, currency, ordered_at)
         values ($1, $2, $3, $4, $5, 'EUR', $6)`,
        [id, ws, random.pick(contacts).id, random.pick(companies).id, random.int(1, 200_000), at()],
      );
      orders.push({ id });
    } else if (kind === 5 && orders.length > 0) {
      const order = random.pick(orders).id;
      if (random.chance(0.5)) {
        await api.db.query('delete from orders where id = $1', [order]);
        orders.splice(
          orders.findIndex((o) => o.id === order),
          1,
        );
      } else {
        await api.db.query('update orders set contact_id = $2, ordered_at = $3 where id = $1', [
          order,
          random.pick(contacts).id,
          at(),
        ]);
      }
    } else if (kind === 6 && contacts.length > 0) {
      const contact = random.pick(contacts).id;
      if (random.chance(0.7)) {
        await api.db.query(
          `insert into lifecycle_changes (workspace_id, contact_id, from_stage, to_stage, reason, changed_at)
           values ($1, $2, $3, $4, 'test', $5)`,
          [ws, contact, random.pick(LIFECYCLE_STAGES), random.pick(LIFECYCLE_STAGES), at()],
        );
      } else {
        await api.db.query(
          'delete from lifecycle_changes where id = (select max(id) from lifecycle_changes where contact_id = $1)',
          [contact],
        );
      }
    } else if (kind === 7) {
      await api.db.query('update companies set wallet_amount = $2 where id = $1', [
        random.pick(companies).id,
        random.chance(0.5) ? null : random.int(0, 5_000_000),
      ]);
    } else if (kind === 8) {
      await api.db.query('update stages set probability = $2 where id = $1', [
        random.pick(stages).id,
        random.int(0, 100) / 100,
      ]);
    } else if (kind === 10 && contacts.length > 0) {
      // At the moment of an existing order half the time: "at or before" is where last touch can slip.
      const order = orders.length > 0 && random.chance(0.5) ? random.pick(orders).id : null;
      await api.db.query(
        `insert into contact_touches (workspace_id, contact_id, campaign_id, source, touched_at)
         select $1, coalesce(o.contact_id, $2), $3, $4, coalesce(o.ordered_at, $5)
         from (select 1) one left join orders o on o.id = $6`,
        [
          ws,
          random.pick(contacts).id,
          campaigns.length > 0 && random.chance(0.8) ? random.pick(campaigns).id : null,
          random.pick(CAMPAIGN_CHANNELS.slice(0, 4)),
          at(),
          order,
        ],
      );
    } else if (kind === 11) {
      const touch = 'select min(id) from contact_touches where workspace_id = $1';
      if (random.chance(0.5)) await api.db.query(`delete from contact_touches where id = (${touch})`, [ws]);
      else {
        await api.db.query(`update contact_touches set touched_at = $2 where id = (${touch})`, [ws, at()]);
      }
    } else if (deals.length > 0) {
      await api.db.query(
        'delete from ratings where id = (select min(id) from ratings where workspace_id = $1)',
        [ws],
      );
      const deal = deals.splice(random.int(0, deals.length - 1), 1)[0]!.id;
      await api.db.query('delete from deal_stage_history where deal_id = $1', [deal]);
      await api.db.query('delete from deals where id = $1', [deal]);
    }
  }
}

/** The rollups, the attribution (013) and the stage entries (014) as the triggers left them, with zero sums dropped (a sum back to zero may stay as a row). */
const rollupState = (ws: string) =>
  api.db.query(
    `select 'e' as t, family, at::text as k, trim_scale(delta)::text as d from metric_events where workspace_id = $1 and delta <> 0
     union all select 'h', family, hour::text, trim_scale(delta)::text from metric_hours where workspace_id = $1 and delta <> 0
     union all select 'd', family, day::text, trim_scale(delta)::text from metric_days where workspace_id = $1 and delta <> 0
     union all select 'c', contact_id, converted_at::text, days::text from metric_conversions where workspace_id = $1
     union all select 'f', contact_id, contact_created_at::text, lead || ' ' || coalesce(campaign_id, '-') || ' ' || source
       from contact_first_touches where workspace_id = $1
     union all select 'o', order_id, ordered_at::text, amount || ' ' || coalesce(first_campaign_id, '-') || ' ' || coalesce(last_campaign_id, '-')
       from order_credits where workspace_id = $1
     union all select 'l', change_id::text, changed_at::text, coalesce(previous_at::text, '-') || ' ' || coalesce(next_at::text, '-')
       from lifecycle_entries where workspace_id = $1
     order by 1, 2, 3`,
    [ws],
  );

describe('metrics: the fast path equals the definitions', () => {
  it.each(Array.from({ length: RUNS }, (_, n) => 1000 + n))('random workspace %i', async (seed) => {
    const random = seededRandom(seed);
    const end = Date.UTC(2026, 5, 1);
    const ws = await randomWorkspace(api, random, end);
    await expectFastEqualsReference(random, ws, end);
  });

  it('the demo seed (a bulk load: triggers deferred, one rebuild at the end) leaves its rollups right', async () => {
    const random = seededRandom(7);
    const kept = await rollupState(DEMO_WORKSPACE_ID);
    expect(kept.length).toBeGreaterThan(1000);
    await expectFastEqualsReference(random, DEMO_WORKSPACE_ID, Date.now());
    // Inserting a row through the triggers afterwards moves the rollups as a rebuild would.
    const [contact] = await api.db.query<{ id: string }>(
      'select id from contacts where workspace_id = $1 order by id limit 1',
      [DEMO_WORKSPACE_ID],
    );
    await api.db.query(
      `insert into orders (id, workspace_id, contact_id, amount, currency, ordered_at)
       values ('ord_propertydemo', $1, $2, 12345, 'EUR', now() - interval '3 days')`,
      [DEMO_WORKSPACE_ID, contact!.id],
    );
    const afterOrder = await rollupState(DEMO_WORKSPACE_ID);
    await api.db.query('select metric_rollups_rebuild($1)', [DEMO_WORKSPACE_ID]);
    expect(await rollupState(DEMO_WORKSPACE_ID)).toEqual(afterOrder);
    await api.db.query("delete from orders where id = 'ord_propertydemo'");
    expect(await rollupState(DEMO_WORKSPACE_ID)).toEqual(kept);
  });

  it.each(Array.from({ length: RUNS }, (_, n) => 2000 + n))(
    'random workspace %i, then writes of every kind: rollups kept by the triggers equal a rebuild',
    async (seed) => {
      const random = seededRandom(seed);
      const end = Date.UTC(2026, 5, 1);
      const ws = await randomWorkspace(api, random, end);
      await randomWrites(random, ws, end);
      await expectFastEqualsReference(random, ws, end);
      const kept = await rollupState(ws);
      await api.db.query('select metric_rollups_rebuild($1)', [ws]);
      expect(await rollupState(ws)).toEqual(kept);
    },
  );
});
