import type { ActivityType, LifecycleStage } from '@chorus/contract';
import type { Database, Sql } from '../db/database.js';
import { createKey, createWorkspace } from '../domain/workspace.js';
import { newId } from '../ids.js';
import { bulkInsert } from './bulk.js';
import { seededRandom } from './random.js';
import * as words from './words.js';

export const DEMO_WORKSPACE_ID = 'ws_demoacmeaudio';
/** Demo keys: fixed so the README and Storybook can name them. They open only the local demo workspace. */
export const DEMO_SECRET_KEY = 'sk_demo_4c8f1e2a9b7d3c5e6f0a1b2c3d4e5f60';
export const DEMO_PUBLISHABLE_KEY = 'pk_demo_7a1b2c3d4e5f60718293a4b5c6d7e8f9';
export const DEMO_ORIGINS = [
  'http://localhost:6006',
  'http://127.0.0.1:6006',
  'http://localhost:8787',
  'http://127.0.0.1:8787',
];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CURRENCY = 'EUR';

const STAGES = [
  {
    name: 'Lead in',
    kind: 'open',
    probability: 0.1,
    rottingDays: 14,
    definition:
      'A named person at an organisation has shown interest (form, call or event) and has been assigned an owner.',
  },
  {
    name: 'Qualified',
    kind: 'open',
    probability: 0.2,
    rottingDays: 14,
    definition: 'Budget, need and timing confirmed on a call; the buyer has a project within six months.',
  },
  {
    name: 'Demo',
    kind: 'open',
    probability: 0.4,
    rottingDays: 21,
    definition: 'A listening session or site visit has taken place with the people who will use the gear.',
  },
  {
    name: 'Proposal',
    kind: 'open',
    probability: 0.6,
    rottingDays: 21,
    definition: 'A written proposal with price and scope has been sent to the decision maker.',
  },
  {
    name: 'Negotiation',
    kind: 'open',
    probability: 0.8,
    rottingDays: 14,
    definition:
      'The buyer has answered the proposal and terms (price, delivery, installation) are being agreed.',
  },
  {
    name: 'Won',
    kind: 'won',
    probability: 1,
    rottingDays: null,
    definition: 'A signed order or paid invoice.',
  },
  {
    name: 'Lost',
    kind: 'lost',
    probability: 0,
    rottingDays: null,
    definition: 'The buyer said no or went silent for 30 days; a reason is recorded.',
  },
] as const;

export interface SeedSummary {
  workspaceId: string;
  contacts: number;
  deals: number;
  orders: number;
  ratings: number;
}

/** Seeds the demo workspace unless it exists. `scale` multiplies every count (1 ≈ 300 contacts, 400 deals). */
export async function seedDemo(
  db: Database,
  { scale = 1, now = new Date() } = {},
): Promise<SeedSummary | null> {
  const existing = await db.query('select 1 from workspaces where id = $1', [DEMO_WORKSPACE_ID]);
  if (existing.length > 0) return null;
  const summary = await db.transaction(async (tx) => {
    // A bulk load: the metric rollups are rebuilt once at the end instead of by each insert's triggers.
    await tx.query("select set_config('chorus.metric_rollups_deferred', 'on', true)");
    const seeded = await seedWorkspace(tx, scale, now);
    await tx.query('select metric_rollups_rebuild($1)', [seeded.workspaceId]);
    return seeded;
  });
  // Fresh planner statistics: PGlite has no autovacuum, and without them every list sorts the whole table.
  await db.query('analyze');
  return summary;
}

async function seedWorkspace(tx: Sql, scale: number, nowInstant: Date): Promise<SeedSummary> {
  const rnd = seededRandom(20_260_101);
  // Whole days keep the shape of the data the same whatever the hour of seeding.
  const now = Math.floor(nowInstant.getTime() / DAY) * DAY;
  const start = now - 548 * DAY;
  const id = (kind: Parameters<typeof newId>[0], at: number) => newId(kind, at, rnd.next);

  const ws = await createWorkspace(
    tx,
    { id: DEMO_WORKSPACE_ID, name: 'Acme Audio', currency: CURRENCY, allowedOrigins: DEMO_ORIGINS },
    new Date(start),
  );
  await createKey(
    tx,
    ws,
    { kind: 'secret', label: 'Demo secret key', token: DEMO_SECRET_KEY },
    new Date(start),
  );
  await createKey(
    tx,
    ws,
    { kind: 'publishable', label: 'Demo publishable key', token: DEMO_PUBLISHABLE_KEY },
    new Date(start),
  );

  const users = ['Ana Lima', 'Ben Carter', 'Chloé Martin', 'Dev Patel', 'Eva Schulz', 'Femi Adebayo'].map(
    (name, i) => ({
      id: `usr_demouser${i + 1}`,
      name,
      email: `${name
        .split(' ')[0]!
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}@acme-audio.example`,
    }),
  );
  await bulkInsert(
    tx,
    'users',
    [col('id'), col('workspace_id'), col('name'), col('email')],
    users.map((u) => [u.id, ws, u.name, u.email]),
  );

  const pipelineId = 'pip_demonewbusiness';
  await tx.query('insert into pipelines (id, workspace_id, name, created_at) values ($1, $2, $3, $4)', [
    pipelineId,
    ws,
    'New business',
    new Date(start),
  ]);
  const stages = STAGES.map((s, position) => ({ ...s, id: `stg_demostage${position}`, position }));
  await bulkInsert(
    tx,
    'stages',
    [
      col('id'),
      col('workspace_id'),
      col('pipeline_id'),
      col('name'),
      col('position', 'int4'),
      col('kind'),
      col('probability', 'float8'),
      col('definition'),
      col('rotting_days', 'int4'),
    ],
    stages.map((s) => [
      s.id,
      ws,
      pipelineId,
      s.name,
      s.position,
      s.kind,
      s.probability,
      s.definition,
      s.rottingDays,
    ]),
  );

  const companies = Array.from({ length: 60 * scale }, (_, i) => {
    const name = `${words.COMPANY_WORDS[i % words.COMPANY_WORDS.length]} ${words.COMPANY_SUFFIXES[Math.floor(i / words.COMPANY_WORDS.length) % words.COMPANY_SUFFIXES.length]}${i >= 128 ? ` ${Math.floor(i / 128) + 1}` : ''}`;
    const at = start + rnd.int(0, 60) * DAY;
    return {
      id: id('company', at),
      name,
      at,
      domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`,
      industry: rnd.pick(words.INDUSTRIES),
      owner: rnd.pick(users).id,
      wallet: rnd.chance(0.7) ? rnd.int(200, 4000) * 10_000 : null,
    };
  });
  await bulkInsert(
    tx,
    'companies',
    [
      col('id'),
      col('workspace_id'),
      col('name'),
      col('domain'),
      col('industry'),
      col('owner_id'),
      col('wallet_amount', 'int8'),
      col('wallet_currency'),
      col('created_at', 'timestamptz'),
      col('updated_at', 'timestamptz'),
    ],
    companies.map((c) => [
      c.id,
      ws,
      c.name,
      c.domain,
      c.industry,
      c.owner,
      c.wallet,
      c.wallet ? CURRENCY : null,
      iso(c.at),
      iso(c.at),
    ]),
  );

  const contacts: unknown[][] = [];
  const changes: unknown[][] = [];
  const deals: unknown[][] = [];
  const history: unknown[][] = [];
  const orders: unknown[][] = [];
  const activities: unknown[][] = [];
  const tickets: unknown[][] = [];
  const ratings: unknown[][] = [];

  const addDeal = (
    contact: { id: string; company: string; owner: string; name: string },
    created: number,
    outcome: 'won' | 'lost' | 'open',
    closeAt: number,
  ) => {
    const dealId = id('deal', created);
    const product = rnd.pick(words.PRODUCTS);
    const value = rnd.int(20, 600) * 10_000;
    const last = outcome === 'won' ? 5 : outcome === 'lost' ? 6 : rnd.int(0, 4);
    // Walk the open stages in order up to where the deal is (or was when it closed).
    const openSteps = outcome === 'open' ? last : rnd.int(outcome === 'won' ? 2 : 0, 4);
    // An open deal entered its current stage some days ago, however old it is: a board of deals all
    // sitting in their stage for a year would mark every card stale. The same single draw as before
    // (open deals only), so the rest of the seed stays the same.
    const span = outcome === 'open' ? rnd.int(2, 80) * DAY : 0;
    const end = outcome === 'open' ? Math.min(now - DAY, Math.max(created + span, now - span / 3)) : closeAt;
    const path = [
      ...Array.from({ length: openSteps + 1 }, (_, i) => i),
      ...(outcome === 'open' ? [] : [last]),
    ];
    const stepLength = (end - created) / Math.max(1, path.length - 1);
    let enteredAt = created;
    path.forEach((stageIndex, i) => {
      const at = i === path.length - 1 ? end : created + Math.round(i * stepLength);
      if (i > 0) history[history.length - 1]![5] = iso(at);
      history.push([ws, dealId, stages[stageIndex]!.id, iso(at), null, null]);
      enteredAt = at;
    });
    const status = outcome;
    deals.push([
      dealId,
      ws,
      `${product.name} for ${contact.name}`,
      value,
      CURRENCY,
      pipelineId,
      stages[path.at(-1)!]!.id,
      status,
      contact.id,
      contact.company,
      contact.owner,
      new Date(end + rnd.int(5, 45) * DAY).toISOString().slice(0, 10),
      status === 'lost' ? rnd.pick(words.LOST_REASONS) : null,
      iso(enteredAt),
      status === 'open' ? null : iso(closeAt),
      iso(created),
      iso(end),
    ]);
    return value;
  };

  const contactCount = 300 * scale;
  for (let i = 0; i < contactCount; i++) {
    // More contacts arrive as the business grows: the square root skews creation towards recent months.
    const created = start + Math.floor(Math.sqrt(rnd.next()) * (now - start - 2 * DAY));
    const first = rnd.pick(words.FIRST_NAMES);
    const last = rnd.pick(words.LAST_NAMES);
    const company = rnd.pick(companies);
    const contact = {
      id: id('contact', created),
      company: company.id,
      owner: company.owner,
      name: `${first} ${last}`,
    };
    const initial: LifecycleStage = rnd.pick(['subscriber', 'lead', 'lead', 'marketing_qualified'] as const);
    let stage = initial as LifecycleStage;
    const change = (to: LifecycleStage, reason: string, at: number) => {
      changes.push([ws, contact.id, stage, to, reason, iso(at)]);
      stage = to;
    };
    changes.push([ws, contact.id, null, initial, 'created', iso(created)]);

    // Recent cohorts convert a little better: the story the dashboard tells is one of improvement.
    const recency = (created - start) / (now - start);
    const converts = rnd.chance(0.3 + 0.15 * recency);
    const convertAt = created + rnd.int(5, 110) * DAY;
    if (converts && convertAt < now - DAY) {
      if (rnd.chance(0.5))
        change('sales_qualified', 'manual', created + Math.floor((convertAt - created) / 2));
      const viaDeal = rnd.chance(0.6);
      if (viaDeal) addDeal(contact, Math.max(created, convertAt - rnd.int(10, 60) * DAY), 'won', convertAt);
      change('customer', viaDeal ? 'deal_won' : 'order', convertAt);
      const churnAt = rnd.chance(0.22 - 0.1 * recency)
        ? convertAt + rnd.int(60, 300) * DAY
        : Number.POSITIVE_INFINITY;
      let orderAt = convertAt;
      let orderCount = 0;
      while (orderAt < Math.min(now, churnAt)) {
        const amount = rnd.int(15, 900) * 1000;
        orders.push([id('order', orderAt), ws, contact.id, company.id, amount, CURRENCY, iso(orderAt)]);
        orderCount++;
        if (rnd.chance(0.5)) {
          const product = rnd.pick(words.PRODUCTS);
          const score = Math.min(
            5,
            Math.max(1, Math.round(3.6 + recencyOf(orderAt) * 0.9 + (rnd.next() - 0.5) * 2.4)),
          );
          const at = orderAt + rnd.int(2, 12) * DAY;
          if (at < now)
            ratings.push([
              id('rating', at),
              ws,
              product.subject,
              'stars5',
              score,
              rnd.chance(0.5) ? rnd.pick(score >= 4 ? words.GOOD_COMMENTS : words.BAD_COMMENTS) : null,
              rnd.pick(['website', 'marketplace', 'survey'] as const),
              contact.id,
              null,
              iso(at),
            ]);
        }
        orderAt += rnd.int(25, 160) * DAY;
      }
      if (churnAt < now) change('churned', 'manual', churnAt);
      else if (orderCount >= 4 && rnd.chance(0.4))
        change('evangelist', 'manual', Math.min(now - DAY, orderAt - 10 * DAY));
      // Quarterly NPS survey answers while a customer.
      for (let at = convertAt + 30 * DAY; at < Math.min(now, churnAt); at += 91 * DAY) {
        if (!rnd.chance(0.45)) continue;
        const base = churnAt < Number.POSITIVE_INFINITY ? 5 : 7.4 + recencyOf(at) * 1.2;
        const score = Math.min(10, Math.max(0, Math.round(base + (rnd.next() - 0.5) * 5)));
        ratings.push([
          id('rating', at),
          ws,
          'survey:nps',
          'nps10',
          score,
          null,
          'survey',
          contact.id,
          null,
          iso(at),
        ]);
      }
      // Service cases, with a CSAT answer once resolved.
      for (let t = rnd.int(0, 3); t > 0; t--) {
        const opened = convertAt + rnd.int(3, 400) * DAY + rnd.int(0, 23) * HOUR;
        if (opened >= now) continue;
        const hours = Math.round(Math.exp(rnd.next() * 4.2) * (1.2 - 0.4 * recencyOf(opened)));
        const resolved = opened + Math.max(1, hours) * HOUR;
        const open = resolved >= now || rnd.chance(0.04);
        tickets.push([
          id('ticket', opened),
          ws,
          contact.id,
          rnd.pick(words.TICKET_SUBJECTS),
          open ? 'open' : 'resolved',
          iso(opened),
          open ? null : iso(resolved),
        ]);
        if (!open && rnd.chance(0.7)) {
          const score = Math.min(5, Math.max(1, Math.round(4.4 - hours / 60 + (rnd.next() - 0.5) * 2)));
          ratings.push([
            id('rating', resolved),
            ws,
            'service:support',
            'csat5',
            score,
            null,
            'survey',
            contact.id,
            null,
            iso(resolved + HOUR),
          ]);
        }
      }
      if (rnd.chance(0.25))
        addDeal(contact, Math.min(now - 3 * DAY, convertAt + rnd.int(20, 200) * DAY), 'open', 0);
    } else {
      if (rnd.chance(0.5))
        change(
          rnd.pick(['marketing_qualified', 'sales_qualified', 'opportunity'] as const),
          'manual',
          Math.min(now - DAY, created + rnd.int(2, 40) * DAY),
        );
      if (rnd.chance(0.75)) {
        const dealCreated = Math.min(now - 2 * DAY, created + rnd.int(1, 30) * DAY);
        const closeAt = dealCreated + rnd.int(10, 90) * DAY;
        const lost = closeAt < now && rnd.chance(0.55);
        addDeal(contact, dealCreated, lost ? 'lost' : 'open', closeAt);
      }
    }
    for (let a = rnd.int(2, 8); a > 0; a--) {
      const at = created + Math.floor(rnd.next() * (now - created));
      const type = rnd.pick<ActivityType>(
        stage === 'customer' || stage === 'evangelist'
          ? ['email', 'call', 'support', 'purchase', 'note']
          : ['email', 'call', 'meeting', 'note'],
      );
      activities.push([
        id('activity', at),
        ws,
        type,
        contact.id,
        contact.owner,
        words.ACTIVITY_BODIES[type],
        iso(at),
      ]);
    }
    contacts.push([
      contact.id,
      ws,
      first,
      last,
      `${first}.${last}.${i}@${company.domain}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      `+44 20 7946 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
      rnd.pick(words.TITLES),
      company.id,
      contact.owner,
      stage,
      initial,
      rnd.int(stage === 'subscriber' ? 5 : 30, 98),
      rnd.chance(0.3) ? rnd.pick(['newsletter', 'vip', 'trade-show', 'newsletter|vip']) : '',
      iso(created),
      iso(created),
    ]);
  }
  // Anonymous website ratings of the products.
  for (let i = 0; i < 80 * scale; i++) {
    const at = start + Math.floor(Math.sqrt(rnd.next()) * (now - start));
    const score = Math.min(5, Math.max(1, Math.round(3.8 + recencyOf(at) * 0.8 + (rnd.next() - 0.5) * 2.6)));
    ratings.push([
      id('rating', at),
      ws,
      rnd.pick(words.PRODUCTS).subject,
      'stars5',
      score,
      rnd.chance(0.4) ? rnd.pick(score >= 4 ? words.GOOD_COMMENTS : words.BAD_COMMENTS) : null,
      'website',
      null,
      'https://shop.acme-audio.example',
      iso(at),
    ]);
  }

  function recencyOf(at: number) {
    return Math.min(1, Math.max(0, (at - start) / (now - start)));
  }

  await bulkInsert(
    tx,
    'contacts',
    [
      col('id'),
      col('workspace_id'),
      col('first_name'),
      col('last_name'),
      col('email'),
      col('phone'),
      col('title'),
      col('company_id'),
      col('owner_id'),
      col('lifecycle_stage'),
      col('initial_stage'),
      col('lead_score', 'int4'),
      { name: 'tags', type: 'text', expression: (v) => `string_to_array(${v}, '|')` },
      col('created_at', 'timestamptz'),
      col('updated_at', 'timestamptz'),
    ],
    contacts,
  );
  await bulkInsert(
    tx,
    'lifecycle_changes',
    [
      col('workspace_id'),
      col('contact_id'),
      col('from_stage'),
      col('to_stage'),
      col('reason'),
      col('changed_at', 'timestamptz'),
    ],
    changes,
  );
  await bulkInsert(
    tx,
    'deals',
    [
      col('id'),
      col('workspace_id'),
      col('title'),
      col('value_amount', 'int8'),
      col('value_currency'),
      col('pipeline_id'),
      col('stage_id'),
      col('status'),
      col('contact_id'),
      col('company_id'),
      col('owner_id'),
      col('expected_close_date', 'date'),
      col('lost_reason'),
      col('stage_entered_at', 'timestamptz'),
      col('closed_at', 'timestamptz'),
      col('created_at', 'timestamptz'),
      col('updated_at', 'timestamptz'),
    ],
    deals,
  );
  await bulkInsert(
    tx,
    'deal_stage_history',
    [
      col('workspace_id'),
      col('deal_id'),
      col('stage_id'),
      col('entered_at', 'timestamptz'),
      col('left_at', 'timestamptz'),
    ],
    history.map((h) => [h[0], h[1], h[2], h[3], h[5]]),
  );
  await bulkInsert(
    tx,
    'orders',
    [
      col('id'),
      col('workspace_id'),
      col('contact_id'),
      col('company_id'),
      col('amount', 'int8'),
      col('currency'),
      col('ordered_at', 'timestamptz'),
    ],
    orders,
  );
  await bulkInsert(
    tx,
    'activities',
    [
      col('id'),
      col('workspace_id'),
      col('type'),
      col('contact_id'),
      col('owner_id'),
      col('body'),
      col('occurred_at', 'timestamptz'),
    ],
    activities,
  );
  await bulkInsert(
    tx,
    'tickets',
    [
      col('id'),
      col('workspace_id'),
      col('contact_id'),
      col('subject'),
      col('status'),
      col('opened_at', 'timestamptz'),
      col('resolved_at', 'timestamptz'),
    ],
    tickets,
  );
  await bulkInsert(
    tx,
    'ratings',
    [
      col('id'),
      col('workspace_id'),
      col('subject'),
      col('scale'),
      col('score', 'int4'),
      col('comment'),
      col('source'),
      col('contact_id'),
      col('origin'),
      col('created_at', 'timestamptz'),
    ],
    ratings,
  );
  return {
    workspaceId: ws,
    contacts: contacts.length,
    deals: deals.length,
    orders: orders.length,
    ratings: ratings.length,
  };
}

function col(name: string, type: 'text' | 'int8' | 'int4' | 'float8' | 'timestamptz' | 'date' = 'text') {
  return { name, type };
}

function iso(ms: number) {
  return new Date(ms).toISOString();
}
