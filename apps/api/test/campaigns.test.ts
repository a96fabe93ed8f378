/**
 * Campaigns, touches and the marketing measures over HTTP: a contact's first and latest touch,
 * the attribution of orders under both models, the funnel against the stage metrics, and the
 * problems a caller gets for what cannot be answered.
 */
import { FUNNEL_STAGES } from '@chorus/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SECRET_KEY } from '../src/seed/demo.js';
import type { TestApi } from '../src/testing.js';
import { type Caller, caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

let api: TestApi;
let http: Caller;

beforeAll(async () => {
  api = await testApi();
  ({ http } = await freshWorkspace(api));
});

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dateDaysAgo = (days: number) => daysAgo(days).slice(0, 10);

async function created(path: string, body: unknown) {
  const reply = await http.post(path, body);
  if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

describe('campaigns and touches', () => {
  it('records a contact’s first touch at creation and a later one as its latest, with the campaign’s channel', async () => {
    const webinar = await created('/v1/campaigns', {
      name: 'Webinar',
      channel: 'event',
      startsOn: dateDaysAgo(20),
      endsOn: dateDaysAgo(11),
      cost: { amount: 100_000, currency: 'EUR' },
    });
    expect(webinar).toMatchObject({
      id: expect.stringMatching(/^cmp_/),
      channel: 'event',
      endsOn: dateDaysAgo(11),
    });
    expect((await http.get(`/v1/campaigns/${webinar.id}`)).body).toEqual(webinar);

    const contact = await created('/v1/contacts', { firstName: 'Ines', touch: { campaignId: webinar.id } });
    const later = await created(`/v1/contacts/${contact.id}/touches`, { source: 'organic' });
    expect(later.first).toMatchObject({ campaignId: webinar.id, source: 'event' });
    expect(later.latest).toMatchObject({ campaignId: null, source: 'organic' });
    expect(later.data).toHaveLength(2);
  });

  it('answers problems: dates out of order, an unknown campaign or contact, a touch with nothing in it', async () => {
    const backwards = await http.post('/v1/campaigns', {
      name: 'Backwards',
      channel: 'paid',
      startsOn: '2026-03-02',
      endsOn: '2026-03-01',
      cost: { amount: 1, currency: 'EUR' },
    });
    expect(expectProblem(backwards, 400).errors?.[0]?.path).toBe('body.endsOn');
    const unknown = await http.post('/v1/contacts', {
      firstName: 'Ola',
      touch: { campaignId: 'cmp_000000000000' },
    });
    expect(expectProblem(unknown, 422).detail).toContain('campaignId');
    expectProblem(await http.post('/v1/contacts/con_000000000000/touches', { source: 'email' }), 404);
    expectProblem(await http.get('/v1/campaigns/cmp_000000000000'), 404);
    const contact = await created('/v1/contacts', { firstName: 'Pia' });
    expectProblem(await http.post(`/v1/contacts/${contact.id}/touches`, {}), 400);
  });

  it('keeps each workspace’s campaigns to itself', async () => {
    const mine = await created('/v1/campaigns', {
      name: 'Mine',
      channel: 'social',
      startsOn: '2026-01-01',
      endsOn: '2026-01-31',
      cost: { amount: 5_000, currency: 'EUR' },
    });
    const other = (await freshWorkspace(api)).http;
    expectProblem(await other.get(`/v1/campaigns/${mine.id}`), 404);
    expect((await other.get('/v1/campaigns')).body.data).toEqual([]);
    const rows = await api.db.transaction(async (tx) => {
      await tx.query("select set_config('chorus.workspace_id', 'ws_nobody', true)");
      await tx.query('set local role chorus_app');
      return tx.query('select id from campaigns');
    });
    expect(rows).toEqual([]);
  });
});

describe('attribution and the campaign metrics', () => {
  it('credits an order to the first touch and to the latest touch before it, and computes ROI and cost per lead', async () => {
    const { http: own } = await freshWorkspace(api);
    const post = async (path: string, body: unknown) => {
      const reply = await own.post(path, body);
      if (reply.status !== 201) throw new Error(`${path}: ${JSON.stringify(reply.body)}`);
      return reply.body;
    };
    // Ten days each, all inside the period: the whole cost counts.
    const ads = await post('/v1/campaigns', {
      name: 'Ads',
      channel: 'paid',
      startsOn: dateDaysAgo(40),
      endsOn: dateDaysAgo(31),
      cost: { amount: 10_000, currency: 'EUR' },
    });
    const mail = await post('/v1/campaigns', {
      name: 'Mail',
      channel: 'email',
      startsOn: dateDaysAgo(20),
      endsOn: dateDaysAgo(11),
      cost: { amount: 20_000, currency: 'EUR' },
    });
    const ada = await post('/v1/contacts', { firstName: 'Ada', touch: { campaignId: ads.id } });
    await post('/v1/contacts', { firstName: 'Bo', touch: { campaignId: ads.id } });
    // A customer from the start is never a lead, whatever touched them.
    await post('/v1/contacts', {
      firstName: 'Cy',
      lifecycleStage: 'customer',
      touch: { campaignId: mail.id },
    });
    // Re-engaged by Mail after she came in through Ads, then she orders.
    await post(`/v1/contacts/${ada.id}/touches`, { campaignId: mail.id });
    await post('/v1/orders', { contactId: ada.id, amount: { amount: 50_000, currency: 'EUR' } });

    const period = `from=${encodeURIComponent(daysAgo(60))}&to=${encodeURIComponent(daysAgo(-1))}`;
    const metric = async (query: string) =>
      (await own.get(`/v1/metrics?${period}&${query}`)).body.data.map((m: any) => m.value);
    // Last touch: the order goes to Mail (cost 20,000): (50,000 - 20,000) / 20,000.
    expect(await metric(`names=campaign_roi&campaignId=${mail.id}`)).toEqual([1.5]);
    expect(await metric(`names=campaign_roi&campaignId=${ads.id}`)).toEqual([-1]);
    // First touch: to Ads (cost 10,000): (50,000 - 10,000) / 10,000.
    expect(await metric(`names=campaign_roi&campaignId=${ads.id}&attribution=first_touch`)).toEqual([4]);
    // All campaigns: 50,000 credited, 30,000 spent.
    expect((await metric('names=campaign_roi'))[0]).toBeCloseTo(2 / 3, 12);
    // Ada and Bo are Ads' leads; Cy is a customer, so Mail brought none.
    expect(await metric(`names=cost_per_lead&campaignId=${ads.id}`)).toEqual([5_000]);
    expect(await metric('names=cost_per_lead&channel=email')).toEqual([null]);

    const report = (await own.get(`/v1/metrics/campaigns?${period}`)).body;
    const row = (id: string) => report.data.find((r: any) => r.campaign.id === id);
    expect(row(ads.id)).toMatchObject({
      leads: 2,
      customers: 1,
      cost: { amount: 10_000 },
      revenue: { firstTouch: { amount: 50_000 }, lastTouch: { amount: 0 } },
      roi: { firstTouch: 4, lastTouch: -1 },
    });
    expect(row(mail.id)).toMatchObject({
      leads: 0,
      revenue: { lastTouch: { amount: 50_000 } },
      roi: { lastTouch: 1.5 },
    });
  });

  it('measures the lead stage when no stage is named, and refuses a campaign filter on metrics that do not take one', async () => {
    const names = 'stage_entry_count,stage_conversion_rate';
    const unnamed = (await http.get(`/v1/metrics?names=${names}`)).body.data.map((m: any) => m.value);
    const lead = (await http.get(`/v1/metrics?names=${names}&stage=lead`)).body.data.map((m: any) => m.value);
    expect(unnamed).toEqual(lead);
    expect(lead[0]).toBeGreaterThan(0);
    expectProblem(await http.get('/v1/metrics?names=stage_entry_count&stage=churned'), 400);
    const mixed = expectProblem(await http.get('/v1/metrics?names=win_rate,campaign_roi&channel=email'), 400);
    expect(mixed.detail).toContain('campaign_roi');
    expectProblem(
      await http.get('/v1/metrics/funnel?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'),
      400,
    );
  });
});

describe('the lifecycle funnel', () => {
  it('equals the stage metrics for every stage on the demo, over the period and the one before', async () => {
    const demo = caller(api, DEMO_SECRET_KEY);
    const to = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString();
    const from = new Date(Date.parse(to) - 90 * DAY).toISOString();
    const range = `from=${from}&to=${to}`;
    const funnel = (await demo.get(`/v1/metrics/funnel?${range}`)).body;
    expect(funnel.stages.map((s: any) => s.stage)).toEqual([...FUNNEL_STAGES]);
    for (const { stage, current, previous } of funnel.stages) {
      const metrics = (
        await demo.get(`/v1/metrics?names=stage_entry_count,stage_conversion_rate&stage=${stage}&${range}`)
      ).body.data;
      expect([current.entered, previous.entered]).toEqual([metrics[0].value, metrics[0].previous]);
      expect([current.conversionRate, previous.conversionRate]).toEqual([
        metrics[1].value,
        metrics[1].previous,
      ]);
    }
    const at = (stage: string) => funnel.stages.find((s: any) => s.stage === stage).current;
    // The demo makes a funnel worth looking at: people at every step, and some converting.
    expect(at('lead').entered).toBeGreaterThan(5);
    expect(at('customer').entered).toBeGreaterThan(0);
    expect(at('lead').conversionRate).toBeGreaterThan(0);
    expect(at('evangelist').conversionRate).toBeNull();

    const filtered = (await demo.get(`/v1/metrics/funnel?${range}&channel=paid`)).body;
    const paidLeads = filtered.stages.find((s: any) => s.stage === 'lead').current.entered;
    expect(paidLeads).toBeGreaterThan(0);
    expect(paidLeads).toBeLessThan(at('lead').entered);
  });

  it('shows a customer who churned and bought again as returning, not as a new lead', async () => {
    const { http: own } = await freshWorkspace(api);
    const post = async (path: string, body: unknown) => (await own.post(path, body)).body;
    const contact = await post('/v1/contacts', { firstName: 'Ria', lifecycleStage: 'lead' });
    await post('/v1/orders', { contactId: contact.id, amount: { amount: 1_000, currency: 'EUR' } });
    const current = await own.get(`/v1/contacts/${contact.id}`);
    await own.patch(
      `/v1/contacts/${contact.id}`,
      { lifecycleStage: 'churned' },
      { 'If-Match': `"${current.body.version}"` },
    );
    await post('/v1/orders', { contactId: contact.id, amount: { amount: 2_000, currency: 'EUR' } });
    const funnel = (await own.get('/v1/metrics/funnel')).body;
    const customer = funnel.stages.find((s: any) => s.stage === 'customer').current;
    const lead = funnel.stages.find((s: any) => s.stage === 'lead').current;
    expect(customer).toMatchObject({ entered: 1, returning: 0 });
    expect(lead).toMatchObject({ entered: 1, conversionRate: 1 });
    // Their first entry into customer in the period was as a new customer; a period holding only the return shows it.
    const history = (await own.get(`/v1/contacts/${contact.id}/lifecycle`)).body.data;
    const back = history.at(-1);
    expect(back).toMatchObject({ from: 'churned', to: 'customer' });
    const after = (await own.get(`/v1/metrics/funnel?from=${encodeURIComponent(back.changedAt)}`)).body;
    expect(after.stages.find((s: any) => s.stage === 'customer').current).toMatchObject({
      entered: 1,
      returning: 1,
    });
    expect(after.stages.find((s: any) => s.stage === 'lead').current.entered).toBe(0);
  });
});
