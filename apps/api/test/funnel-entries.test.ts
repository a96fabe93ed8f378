/**
 * `GET /v1/metrics/funnel/entries`: the contacts a funnel stage counts. On the demo and on random
 * workspaces, paged to the end, the list holds exactly as many contacts as `stage_entry_count` by
 * its plain definition (the reference SQL of the metrics property test) for the same stage, period
 * and filter, each once, each entered inside the period and passing the filter.
 */
import { CAMPAIGN_CHANNELS, FUNNEL_STAGES, type FunnelStage } from '@chorus/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type FunnelEntriesRequest,
  type FunnelEntryDto,
  listFunnelEntries,
} from '../src/domain/funnel-entries.js';
import { marketingParams } from '../src/domain/metrics.js';
import { DEMO_SECRET_KEY, DEMO_WORKSPACE_ID } from '../src/seed/demo.js';
import { type Random, seededRandom } from '../src/seed/random.js';
import type { TestApi } from '../src/testing.js';
import { type Caller, caller, expectProblem, testApi } from './support/api.js';
import { randomWorkspace } from './support/random-workspace.js';
import { referenceMetrics } from './support/reference-metrics.js';

const DAY = 86_400_000;
const RUNS = Number(process.env.METRICS_PROPERTY_RUNS ?? 3);

let api: TestApi;
let demo: Caller;

beforeAll(async () => {
  api = await testApi();
  demo = caller(api, DEMO_SECRET_KEY);
});

type Filter = { campaignId?: string; channel?: (typeof CAMPAIGN_CHANNELS)[number] };

/** `stage_entry_count` for one stage, period and filter, by the reference SQL. */
async function referenceCount(ws: string, stage: FunnelStage, from: string, to: string, filter: Filter) {
  const reference = await api.db.transaction((tx) =>
    referenceMetrics(
      tx,
      ws,
      [{ start: new Date(from), end: new Date(to) }],
      marketingParams({ stage, ...filter }),
      ['stage_entry_count'],
    ),
  );
  return reference.stage_entry_count[0];
}

/** What every entry must be: once in the list, entered inside [from, to), and from the filter. */
function expectWellFormed(entries: FunnelEntryDto[], from: string, to: string, filter: Filter) {
  const ids = entries.map((entry) => entry.contact.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual([...ids].sort());
  for (const entry of entries) {
    expect(Date.parse(entry.enteredAt)).toBeGreaterThanOrEqual(Date.parse(from));
    expect(Date.parse(entry.enteredAt)).toBeLessThan(Date.parse(to));
    if (filter.campaignId) expect(entry.campaign?.id).toBe(filter.campaignId);
    if (filter.channel) expect(entry.source).toBe(filter.channel);
  }
}

/** Every page of a stage's entries over HTTP, following `nextCursor`. */
async function entriesOverHttp(query: Record<string, string>) {
  const entries: FunnelEntryDto[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: '7', ...(cursor ? { cursor } : {}) });
    const reply = await demo.get(`/v1/metrics/funnel/entries?${params}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    entries.push(...reply.body.data);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return entries;
}

/** Every page through the domain function (for workspaces the test wrote straight to the tables). */
async function entriesOf(ws: string, request: Omit<FunnelEntriesRequest, 'limit' | 'cursor'>) {
  const entries: FunnelEntryDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.db.transaction((tx) =>
      listFunnelEntries(tx, ws, { ...request, limit: 5, ...(cursor ? { cursor } : {}) }),
    );
    entries.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return entries;
}

describe('the contacts who entered a funnel stage', () => {
  it('on the demo, as many for every stage as the funnel and stage_entry_count count, unfiltered and by channel and campaign', async () => {
    const to = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString();
    const from = new Date(Date.parse(to) - 90 * DAY).toISOString();
    const campaigns = await demo.get('/v1/campaigns?limit=200');
    const campaignId: string = campaigns.body.data[0].id;
    const filters: Filter[] = [{}, { channel: 'paid' }, { campaignId }];
    let listed = 0;
    for (const filter of filters) {
      const funnel = (await demo.get(`/v1/metrics/funnel?${new URLSearchParams({ from, to, ...filter })}`))
        .body;
      for (const stage of FUNNEL_STAGES) {
        const entries = await entriesOverHttp({ stage, from, to, ...filter });
        expectWellFormed(entries, from, to, filter);
        const expected = await referenceCount(DEMO_WORKSPACE_ID, stage, from, to, filter);
        expect(entries.length, `${stage} ${JSON.stringify(filter)}`).toBe(expected);
        expect(funnel.stages.find((s: { stage: string }) => s.stage === stage).current.entered).toBe(
          expected,
        );
        listed += entries.length;
      }
    }
    // The demo gives the comparison something to bite on.
    expect(listed).toBeGreaterThan(20);
  });

  it('names each entry’s first-touch campaign and the stage they came from', async () => {
    const to = new Date().toISOString();
    const from = new Date(Date.now() - 365 * DAY).toISOString();
    const entries = await entriesOverHttp({ stage: 'sales_qualified', from, to });
    const withCampaign = entries.find((entry) => entry.campaign);
    expect(withCampaign).toBeDefined();
    const touches = await demo.get(`/v1/contacts/${withCampaign!.contact.id}/touches`);
    expect(touches.body.first.campaignId).toBe(withCampaign!.campaign!.id);
    expect(touches.body.first.source).toBe(withCampaign!.source);
    const campaign = await demo.get(`/v1/campaigns/${withCampaign!.campaign!.id}`);
    expect(withCampaign!.campaign).toEqual({
      id: campaign.body.id,
      name: campaign.body.name,
      channel: campaign.body.channel,
    });
    const history = await demo.get(`/v1/contacts/${withCampaign!.contact.id}/lifecycle`);
    const entry = history.body.data.find(
      (change: { to: string; changedAt: string }) =>
        change.to === 'sales_qualified' && change.changedAt === withCampaign!.enteredAt,
    );
    expect(entry?.from ?? null).toBe(withCampaign!.from);
  });

  it.each(Array.from({ length: RUNS }, (_, n) => 3000 + n))(
    'on random workspace %i, as many for every stage as stage_entry_count by its definition',
    async (seed) => {
      const random: Random = seededRandom(seed);
      const end = Date.UTC(2026, 5, 1);
      const ws = await randomWorkspace(api, random, end);
      const campaigns = await api.db.query<{ id: string }>(
        'select id from campaigns where workspace_id = $1 order by id',
        [ws],
      );
      for (let p = 0; p < 3; p++) {
        const to = end - random.int(-10, 300) * DAY + random.int(0, 23) * 3_600_000;
        const from = new Date(to - random.int(1, 300) * DAY).toISOString();
        const kind = random.int(0, 2);
        const filter: Filter =
          kind === 1 && campaigns.length > 0
            ? { campaignId: random.pick(campaigns).id }
            : kind === 2
              ? { channel: random.pick(CAMPAIGN_CHANNELS.slice(0, 4)) }
              : {};
        const toIso = new Date(to).toISOString();
        for (const stage of FUNNEL_STAGES) {
          const entries = await entriesOf(ws, { stage, from, to: toIso, ...filter });
          expectWellFormed(entries, from, toIso, filter);
          expect(entries.length, `${stage} ${from}..${toIso} ${JSON.stringify(filter)}`).toBe(
            await referenceCount(ws, stage, from, toIso, filter),
          );
        }
      }
    },
  );

  it('refuses an unknown or missing stage, churned, a reversed window and a cursor it never gave out, with 400 problems', async () => {
    const unknown = expectProblem(await demo.get('/v1/metrics/funnel/entries?stage=prospect'), 400);
    expect(unknown.errors?.[0]?.path).toBe('query.stage');
    expectProblem(await demo.get('/v1/metrics/funnel/entries'), 400);
    expectProblem(await demo.get('/v1/metrics/funnel/entries?stage=churned'), 400);
    const reversed = expectProblem(
      await demo.get(
        '/v1/metrics/funnel/entries?stage=lead&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      ),
      400,
    );
    expect(reversed.detail).toContain('from must be before to');
    expectProblem(await demo.get('/v1/metrics/funnel/entries?stage=lead&cursor=bm90LWFuLWlk'), 400);
    expectProblem(await demo.get('/v1/metrics/funnel/entries?stage=lead&channel=carrier-pigeon'), 400);
  });
});
