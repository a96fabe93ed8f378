/**
 * Random workspaces for the property tests (the metrics' fast path against their definitions, the
 * funnel's entries against its counts): lifecycle moves, deals through stages with open, won and
 * lost ends, campaigns and touches, orders, tickets, ratings, with ties and out-of-order times on
 * purpose, written straight to the tables.
 */
import { CAMPAIGN_CHANNELS, LIFECYCLE_STAGES, RATING_SOURCES } from '@chorus/contract';
import type { Random } from '../../src/seed/random.js';
import type { TestApi } from '../../src/testing.js';

const DAY = 86_400_000;

/** Times within about a year before `end`, on whole hours, often repeating (ties are where bugs hide). */
export function timeSource(random: Random, end: number) {
  const pool: number[] = [];
  return () => {
    if (pool.length > 0 && random.chance(0.2)) return new Date(random.pick(pool));
    const time = end - random.int(0, 400 * 24) * 3_600_000;
    pool.push(time);
    return new Date(time);
  };
}

async function insert(api: TestApi, table: string, columns: string[], rows: unknown[][]) {
  if (rows.length === 0) return;
  const values = rows.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
  await api.db.query(`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`, rows.flat());
}

/** A random workspace's rows, written straight to the tables the metrics read. */
export async function randomWorkspace(api: TestApi, random: Random, end: number): Promise<string> {
  const { workspaceId: ws } = await api.createWorkspace();
  const at = timeSource(random, end);
  const id = (prefix: string, n: number) => `${prefix}_${ws.slice(3)}x${n}`;

  const companies = Array.from({ length: 4 }, (_, n) => [
    id('com', n),
    ws,
    `Company ${n}`,
    random.chance(0.7) ? random.int(0, 5_000_000) : null,
  ]);
  await insert(api, 'companies', ['id', 'workspace_id', 'name', 'wallet_amount'], companies);

  const contacts = Array.from({ length: random.int(5, 30) }, (_, n) => {
    const stage = random.pick(LIFECYCLE_STAGES);
    return [id('con', n), ws, `Contact ${n}`, stage, stage, at()];
  });
  await insert(
    api,
    'contacts',
    ['id', 'workspace_id', 'first_name', 'lifecycle_stage', 'initial_stage', 'created_at'],
    contacts,
  );
  const changes: unknown[][] = [];
  for (const [contactId, , , initial] of contacts) {
    let from = initial as string | null;
    let when: Date | null = null;
    for (let k = random.int(0, 4); k > 0; k--) {
      const to = random.pick(LIFECYCLE_STAGES);
      // Often at the moment of the change before: the order they were recorded in decides.
      when = when && random.chance(0.3) ? when : at();
      changes.push([ws, contactId, from, to, 'test', when]);
      from = to;
    }
  }
  await insert(
    api,
    'lifecycle_changes',
    ['workspace_id', 'contact_id', 'from_stage', 'to_stage', 'reason', 'changed_at'],
    changes,
  );

  // Campaigns of a few channels over the year, and touches (first, re-engagements, some through no
  // campaign, some before the contact's orders, some after), often at the same moment.
  const campaigns = Array.from({ length: random.int(0, 5) }, (_, n) => {
    const start = at();
    const days = random.int(0, 60);
    return [
      id('cmp', n),
      ws,
      `Campaign ${n}`,
      random.pick(CAMPAIGN_CHANNELS.slice(0, 3)),
      start.toISOString().slice(0, 10),
      new Date(start.getTime() + days * DAY).toISOString().slice(0, 10),
      random.int(0, 3_000_000),
      'EUR',
    ];
  });
  await insert(
    api,
    'campaigns',
    ['id', 'workspace_id', 'name', 'channel', 'starts_on', 'ends_on', 'cost_amount', 'cost_currency'],
    campaigns,
  );
  const pipeline = id('pip', 0);
  await insert(api, 'pipelines', ['id', 'workspace_id', 'name'], [[pipeline, ws, 'Sales']]);
  const kinds = ['open', 'open', 'open', 'won', 'lost'] as const;
  const stages = kinds.map((kind, n) => [
    id('stg', n),
    ws,
    pipeline,
    `Stage ${n}`,
    n,
    kind,
    kind === 'won' ? 1 : kind === 'lost' ? 0 : random.int(1, 99) / 100,
  ]);
  await insert(
    api,
    'stages',
    ['id', 'workspace_id', 'pipeline_id', 'name', 'position', 'kind', 'probability'],
    stages,
  );

  const deals: unknown[][] = [];
  const history: unknown[][] = [];
  const dealCount = random.int(0, 40);
  for (let n = 0; n < dealCount; n++) {
    const status = random.pick(['open', 'open', 'won', 'lost'] as const);
    const created = at();
    const stage = stages[status === 'won' ? 3 : status === 'lost' ? 4 : random.int(0, 2)]![0];
    deals.push([
      id('deal', n),
      ws,
      `Deal ${n}`,
      random.int(0, 1_000_000),
      'EUR',
      pipeline,
      stage,
      status,
      status === 'open' ? null : at(),
      created,
    ]);
    let entered = created;
    for (let k = random.int(1, 3); k > 0; k--) {
      const left = k === 1 && random.chance(0.7) ? null : at();
      history.push([ws, id('deal', n), random.pick(stages)[0], entered, left]);
      entered = left ?? at();
    }
  }
  await insert(
    api,
    'deals',
    [
      'id',
      'workspace_id',
      'title',
      'value_amount',
      'value_currency',
      'pipeline_id',
      'stage_id',
      'status',
      'closed_at',
      'created_at',
    ],
    deals,
  );
  await insert(
    api,
    'deal_stage_history',
    ['workspace_id', 'deal_id', 'stage_id', 'entered_at', 'left_at'],
    history,
  );

  const orders = Array.from({ length: random.int(0, 40) }, (_, n) => [
    id('ord', n),
    ws,
    random.pick(contacts)[0],
    random.chance(0.8) ? random.pick(companies)[0] : null,
    random.int(1, 200_000),
    'EUR',
    at(),
  ]);
  await insert(
    api,
    'orders',
    ['id', 'workspace_id', 'contact_id', 'company_id', 'amount', 'currency', 'ordered_at'],
    orders,
  );
  const ordersOf = (contactId: unknown) => orders.filter((order) => order[2] === contactId);
  const touches: unknown[][] = [];
  for (const [contactId] of contacts) {
    for (let k = random.int(0, 3); k > 0; k--) {
      const campaign = campaigns.length > 0 && random.chance(0.8) ? random.pick(campaigns) : null;
      touches.push([
        ws,
        contactId,
        campaign?.[0] ?? null,
        campaign && random.chance(0.8) ? campaign[3] : random.pick(CAMPAIGN_CHANNELS.slice(0, 3)),
        // Often at the moment of one of the contact's orders: "at or before" is where last touch can slip.
        ordersOf(contactId).length > 0 && random.chance(0.4) ? random.pick(ordersOf(contactId))[6] : at(),
      ]);
    }
  }
  await insert(
    api,
    'contact_touches',
    ['workspace_id', 'contact_id', 'campaign_id', 'source', 'touched_at'],
    touches,
  );

  const tickets = Array.from({ length: random.int(0, 15) }, (_, n) => {
    const opened = at();
    const resolved = random.chance(0.6) ? new Date(opened.getTime() + random.int(0, 500) * 3_600_000) : null;
    return [
      id('tkt', n),
      ws,
      random.pick(contacts)[0],
      'Help',
      resolved ? 'resolved' : 'open',
      opened,
      resolved,
    ];
  });
  await insert(
    api,
    'tickets',
    ['id', 'workspace_id', 'contact_id', 'subject', 'status', 'opened_at', 'resolved_at'],
    tickets,
  );

  const scales = { stars5: [1, 5], nps10: [0, 10], csat5: [1, 5] } as const;
  const ratings = Array.from({ length: random.int(0, 50) }, (_, n) => {
    const scale = random.pick(Object.keys(scales) as (keyof typeof scales)[]);
    return [
      id('rat', n),
      ws,
      'product:x',
      scale,
      random.int(scales[scale][0], scales[scale][1]),
      random.pick(RATING_SOURCES.slice(0, 3)),
      at(),
    ];
  });
  await insert(
    api,
    'ratings',
    ['id', 'workspace_id', 'subject', 'scale', 'score', 'source', 'created_at'],
    ratings,
  );
  return ws;
}
