/**
 * Every filter of every list endpoint, read off the contract: each one is called on data where it
 * must leave something out, and must keep only rows that match. A list parameter added to the
 * contract without a row in FILTERS fails the first test.
 */
import openapi from '@chorus/contract/openapi.json' with { type: 'json' };
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../src/testing.js';
import { type Caller, freshWorkspace, testApi } from './support/api.js';

type Row = Record<string, any>;
interface FilterCase {
  /** The value to filter by, from the rows made below. */
  value: () => string;
  /** What every row the filter keeps must satisfy. */
  keeps: (row: Row) => boolean;
  /** A board column's stage, when not the pipeline's first. */
  stage?: () => string;
}

/** Parameters of lists that are not filters: pagination, and a board column's order (board.test.ts covers it). */
const PAGING = new Set(['limit', 'cursor', 'sort']);

/** One pair of owners per test process run: user ids are unique across workspaces. */
const run = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
const ALPHA = `usr_alpha${run}`;
const BETA = `usr_beta${run}`;
const OWNERS = [ALPHA, BETA];

let api: TestApi;
let http: Caller;
const made: Record<string, Row> = {};

/** The rows each filter must tell apart: two of everything, differing in each filtered field. */
async function makeRows() {
  const { ws, http: caller } = await freshWorkspace(api);
  http = caller;
  // Users come from the embedding app's directory; the API has no endpoint that creates them.
  for (const owner of OWNERS) {
    await api.db.query('insert into users (id, workspace_id, name, email) values ($1, $2, $3, $4)', [
      owner,
      ws.workspaceId,
      owner,
      `${owner}@filters.example`,
    ]);
  }
  const post = async (name: string, path: string, body: unknown) => {
    const reply = await http.post(path, body);
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    made[name] = reply.body;
  };
  const pipelines = (await http.get('/v1/pipelines')).body.data;
  const [pipeline] = pipelines;
  made.pipeline = pipeline;
  await post('otherPipeline', '/v1/pipelines', {
    name: 'Renewals',
    stages: [
      { name: 'Due', probability: 0.5, definition: 'Renewal date within 90 days.' },
      { name: 'Renewed', kind: 'won', probability: 1, definition: 'Signed again.' },
      { name: 'Lapsed', kind: 'lost', probability: 0, definition: 'Did not renew.' },
    ],
  });
  await post('alpha', '/v1/companies', { name: 'Alpha Audio', ownerId: ALPHA });
  await post('beta', '/v1/companies', { name: 'Beta Sound', ownerId: BETA });
  await post('ada', '/v1/contacts', {
    firstName: 'Ada',
    lastName: 'Lindqvist',
    companyId: made.alpha!.id,
    ownerId: ALPHA,
    lifecycleStage: 'lead',
  });
  await post('bo', '/v1/contacts', {
    firstName: 'Bo',
    lastName: 'Nakamura',
    companyId: made.beta!.id,
    ownerId: BETA,
    lifecycleStage: 'lead',
  });
  await post('cy', '/v1/contacts', { firstName: 'Cy', lastName: 'Okoro', lifecycleStage: 'subscriber' });
  const stage = (name: string) => pipeline.stages.find((s: Row) => s.name === name).id;
  await post('openDeal', '/v1/deals', {
    title: 'Monitors',
    value: { amount: 120_000, currency: 'EUR' },
    pipelineId: pipeline.id,
    stageId: stage('Lead in'),
    contactId: made.ada!.id,
    companyId: made.alpha!.id,
    ownerId: ALPHA,
  });
  await post('wonDeal', '/v1/deals', {
    title: 'Desks',
    value: { amount: 80_000, currency: 'EUR' },
    pipelineId: pipeline.id,
    stageId: stage('Won'),
    contactId: made.bo!.id,
    companyId: made.beta!.id,
    ownerId: BETA,
  });
  // A second won deal, closed a moment after the first: a closed window can split the Won column.
  await new Promise((resolve) => setTimeout(resolve, 20));
  made.betweenCloses = { at: new Date(Date.now() - 10).toISOString() };
  await post('laterWin', '/v1/deals', {
    title: 'Cables',
    value: { amount: 9_000, currency: 'EUR' },
    pipelineId: pipeline.id,
    stageId: stage('Won'),
  });
  await post('secondLead', '/v1/deals', {
    title: 'Speakers',
    value: { amount: 30_000, currency: 'EUR' },
    pipelineId: pipeline.id,
    stageId: stage('Lead in'),
    companyId: made.beta!.id,
    ownerId: BETA,
  });
  await post('renewal', '/v1/deals', {
    title: 'Licences',
    value: { amount: 30_000, currency: 'EUR' },
    pipelineId: made.otherPipeline!.id,
  });
  await post('call', '/v1/activities', {
    type: 'call',
    contactId: made.ada!.id,
    dealId: made.openDeal!.id,
    body: 'Room sizes.',
  });
  await post('email', '/v1/activities', { type: 'email', contactId: made.bo!.id, body: 'Quote sent.' });
  await post('adaTask', '/v1/activities', {
    type: 'call',
    contactId: made.ada!.id,
    dealId: made.openDeal!.id,
    dueAt: '2026-12-01T09:00:00.000Z',
  });
  await post('boTask', '/v1/activities', {
    type: 'email',
    contactId: made.bo!.id,
    dueAt: '2026-12-02T09:00:00.000Z',
  });
  await post('adaOrder', '/v1/orders', {
    contactId: made.ada!.id,
    companyId: made.alpha!.id,
    amount: { amount: 49_900, currency: 'EUR' },
  });
  await post('boOrder', '/v1/orders', {
    contactId: made.bo!.id,
    amount: { amount: 19_900, currency: 'EUR' },
  });
  await post('openTicket', '/v1/tickets', { contactId: made.ada!.id, subject: 'Hum on the left monitor' });
  await post('resolvedTicket', '/v1/tickets', { contactId: made.bo!.id, subject: 'Desk wobbles' });
  const resolved = await http.patch(
    `/v1/tickets/${made.resolvedTicket!.id}`,
    { status: 'resolved' },
    { 'If-Match': '"1"' },
  );
  if (resolved.status !== 200) throw new Error(`ticket: ${JSON.stringify(resolved.body)}`);
  await post('stars', '/v1/ratings', {
    subject: 'product:monitor',
    scale: 'stars5',
    score: 4,
    contactId: made.ada!.id,
    source: 'website',
  });
  await post('webinar', '/v1/campaigns', {
    name: 'Webinar',
    channel: 'event',
    startsOn: '2026-01-05',
    endsOn: '2026-01-09',
    cost: { amount: 150_000, currency: 'EUR' },
  });
  await post('mailing', '/v1/campaigns', {
    name: 'Mailing',
    channel: 'email',
    startsOn: '2026-02-01',
    endsOn: '2026-02-01',
    cost: { amount: 20_000, currency: 'EUR' },
  });
  await post('nps', '/v1/ratings', {
    subject: 'service:support',
    scale: 'nps10',
    score: 9,
    contactId: made.bo!.id,
    source: 'survey',
  });
}

const id = (name: string) => () => made[name]!.id as string;

/** Each list's filters: the value to ask for and what every kept row must satisfy. */
const FILTERS: Record<string, Record<string, FilterCase>> = {
  '/v1/contacts': {
    ids: {
      value: () => `${made.ada!.id},${made.cy!.id}`,
      keeps: (r) => [made.ada!.id, made.cy!.id].includes(r.id),
    },
    lifecycleStage: { value: () => 'subscriber', keeps: (r) => r.lifecycleStage === 'subscriber' },
    ownerId: { value: () => BETA, keeps: (r) => r.ownerId === BETA },
    companyId: { value: id('alpha'), keeps: (r) => r.companyId === made.alpha!.id },
    q: { value: () => 'lindq', keeps: (r) => `${r.firstName} ${r.lastName}`.toLowerCase().includes('lindq') },
  },
  '/v1/companies': {
    ids: { value: id('beta'), keeps: (r) => r.id === made.beta!.id },
    ownerId: { value: () => ALPHA, keeps: (r) => r.ownerId === ALPHA },
    q: { value: () => 'sound', keeps: (r) => r.name.toLowerCase().includes('sound') },
  },
  '/v1/deals': {
    pipelineId: { value: id('otherPipeline'), keeps: (r) => r.pipelineId === made.otherPipeline!.id },
    stageId: { value: () => made.openDeal!.stageId, keeps: (r) => r.stageId === made.openDeal!.stageId },
    status: { value: () => 'won', keeps: (r) => r.status === 'won' },
    ownerId: { value: () => ALPHA, keeps: (r) => r.ownerId === ALPHA },
    contactId: { value: id('bo'), keeps: (r) => r.contactId === made.bo!.id },
    companyId: { value: id('alpha'), keeps: (r) => r.companyId === made.alpha!.id },
  },
  '/v1/pipelines/{id}/board/stages/{stageId}': {
    ownerId: { value: () => BETA, keeps: (r) => r.ownerId === BETA },
    q: { value: () => 'ALPHA', keeps: (r) => r.companyName === 'Alpha Audio' },
    minValue: { value: () => '100000', keeps: (r) => r.value.amount >= 100_000 },
    maxValue: { value: () => '30000', keeps: (r) => r.value.amount <= 30_000 },
    closedFrom: {
      value: () => made.betweenCloses!.at,
      keeps: (r) => r.id === made.laterWin!.id,
      stage: () => made.wonDeal!.stageId,
    },
    closedTo: {
      value: () => made.betweenCloses!.at,
      keeps: (r) => r.id === made.wonDeal!.id,
      stage: () => made.wonDeal!.stageId,
    },
  },
  '/v1/activities': {
    contactId: { value: id('bo'), keeps: (r) => r.contactId === made.bo!.id },
    dealId: { value: id('openDeal'), keeps: (r) => r.dealId === made.openDeal!.id },
    type: { value: () => 'email', keeps: (r) => r.type === 'email' },
  },
  '/v1/tasks': {
    contactId: { value: id('bo'), keeps: (r) => r.contactId === made.bo!.id },
    dealId: { value: id('openDeal'), keeps: (r) => r.dealId === made.openDeal!.id },
  },
  '/v1/orders': {
    contactId: { value: id('ada'), keeps: (r) => r.contactId === made.ada!.id },
    companyId: { value: id('alpha'), keeps: (r) => r.companyId === made.alpha!.id },
  },
  '/v1/tickets': {
    contactId: { value: id('bo'), keeps: (r) => r.contactId === made.bo!.id },
    status: { value: () => 'resolved', keeps: (r) => r.status === 'resolved' },
  },
  '/v1/campaigns': {
    channel: { value: () => 'email', keeps: (r) => r.channel === 'email' },
  },
  '/v1/ratings': {
    subject: { value: () => 'service:support', keeps: (r) => r.subject === 'service:support' },
    scale: { value: () => 'stars5', keeps: (r) => r.scale === 'stars5' },
    contactId: { value: id('ada'), keeps: (r) => r.contactId === made.ada!.id },
    source: { value: () => 'survey', keeps: (r) => r.source === 'survey' },
  },
};

/** The contract's paginated lists (they take a cursor) and their filter parameters. */
function contractFilters(): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [path, operations] of Object.entries(openapi.paths as Record<string, Record<string, any>>)) {
    const query = ((operations.get?.parameters ?? []) as { in: string; name: string }[])
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => parameter.name);
    // A subject's public reviews take the subject they are of, required: reviews.test.ts covers them.
    if (path === '/v1/public/ratings/reviews') continue;
    // A funnel stage's entries take the stage they are of, required, and their filters are the
    // funnel's: funnel-entries.test.ts holds each filter to stage_entry_count's definition.
    if (path === '/v1/metrics/funnel/entries') continue;
    // A column is one stage, and its kind decides its deals' status, so `status` cannot split one:
    // board.test.ts covers it on the whole board.
    const unsplittable = path === '/v1/pipelines/{id}/board/stages/{stageId}' ? ['status'] : [];
    if (query.includes('cursor'))
      lists[path] = query.filter((name) => !PAGING.has(name) && !unsplittable.includes(name)).sort();
  }
  return lists;
}

beforeAll(async () => {
  api = await testApi();
  await makeRows();
});

describe('list filters', () => {
  it('has a case for every filter of every list in the contract', () => {
    const tested = Object.fromEntries(
      Object.entries(FILTERS).map(([path, cases]) => [path, Object.keys(cases).sort()]),
    );
    expect(Object.keys(contractFilters()).length).toBeGreaterThanOrEqual(7);
    expect(tested).toEqual(contractFilters());
  });

  const cases = Object.entries(FILTERS).flatMap(([path, filters]) =>
    Object.entries(filters).map(([name, filter]) => ({ path, name, filter })),
  );
  it.each(cases)(
    '$path ?$name= keeps only what matches and leaves the rest out',
    async ({ path: template, name, filter }) => {
      // A board column: the first stage of the pipeline the deals above are in.
      const path = template
        .replace('{id}', made.pipeline!.id)
        .replace('{stageId}', filter.stage?.() ?? made.pipeline!.stages[0].id);
      const all = (await http.get(`${path}?limit=200`)).body.data as Row[];
      const value = filter.value();
      const reply = await http.get(`${path}?limit=200&${name}=${encodeURIComponent(value)}`);
      expect(reply.status).toBe(200);
      const kept = reply.body.data as Row[];
      // The data holds rows on both sides of this filter, or the check below would prove nothing.
      const matching = all.filter(filter.keeps);
      expect(matching.length).toBeGreaterThan(0);
      expect(matching.length).toBeLessThan(all.length);
      expect(kept.map((row) => row.id).sort()).toEqual(matching.map((row) => row.id).sort());
    },
  );
});
