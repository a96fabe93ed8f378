import type { ActivityType, LifecycleStage } from '@chorus/contract';
import type { newId } from '../ids.js';
import { type DemoStageKey, OPEN_STAGE_KEYS } from './demo-catalogue.js';
import type { Random } from './random.js';
import type {
  ActivityRow,
  CompanyRow,
  ContactRow,
  DealRow,
  LifecycleChangeRow,
  OrderRow,
  RatingRow,
  StageEntryRow,
  TicketRow,
} from './tables.js';
import { stageRank } from './tables.js';
import * as words from './words.js';

export const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The demo's story of eighteen months at Acme Audio: who arrived, who bought, who churned, what they
 * rated. Every draw comes from one seeded generator in a fixed order, so the same seed tells the same
 * story on every machine; change the order of draws and every figure of the demo changes.
 */
export interface DemoWorld {
  workspaceId: string;
  pipelineId: string;
  currency: string;
  /** The seed's "today", in ms, a whole day. */
  now: number;
  /** When the story starts, in ms. */
  start: number;
  rnd: Random;
  /** A time-ordered id drawn from the story's generator. */
  id: (kind: Parameters<typeof newId>[0], at: number) => string;
  stageId: (key: DemoStageKey) => string;
  rows: DemoRows;
}

/** Every row the story writes, by table, until the seed inserts them together. */
export class DemoRows {
  readonly companies: CompanyRow[] = [];
  readonly contacts: ContactRow[] = [];
  readonly lifecycleChanges: LifecycleChangeRow[] = [];
  readonly deals: DealRow[] = [];
  /** How many deals each stage holds so far, for the next one's rank. */
  readonly dealsInStage = new Map<string, number>();
  readonly stageHistory: StageEntryRow[] = [];
  readonly orders: OrderRow[] = [];
  readonly activities: ActivityRow[] = [];
  readonly tickets: TicketRow[] = [];
  readonly ratings: RatingRow[] = [];
}

/** Whom a deal is with: the contact, their company and its owner. */
interface Counterpart {
  id: string;
  name: string;
  company: string;
  owner: string;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** 0 at the start of the story, 1 today: later cohorts convert and rate a little better. */
const recencyOf = (world: DemoWorld, at: number) =>
  Math.min(1, Math.max(0, (at - world.start) / (world.now - world.start)));

/** The companies contacts work for, each owned by one of `ownerIds`. */
export function addCompanies(world: DemoWorld, count: number, ownerIds: readonly string[]): CompanyRow[] {
  const { rnd } = world;
  for (let i = 0; i < count; i++) {
    const name = `${words.COMPANY_WORDS[i % words.COMPANY_WORDS.length]} ${words.COMPANY_SUFFIXES[Math.floor(i / words.COMPANY_WORDS.length) % words.COMPANY_SUFFIXES.length]}${i >= 128 ? ` ${Math.floor(i / 128) + 1}` : ''}`;
    const at = world.start + rnd.int(0, 60) * DAY;
    const id = world.id('company', at);
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`;
    const industry = rnd.pick(words.INDUSTRIES);
    const ownerId = rnd.pick(ownerIds);
    const walletAmount = rnd.chance(0.7) ? rnd.int(200, 4000) * 10_000 : null;
    world.rows.companies.push({
      id,
      workspaceId: world.workspaceId,
      name,
      domain,
      industry,
      ownerId,
      walletAmount,
      walletCurrency: walletAmount ? world.currency : null,
      createdAt: iso(at),
      updatedAt: iso(at),
    });
  }
  return world.rows.companies;
}

/**
 * A deal with `contact`, created at `created`, that walked the open stages in order up to where it
 * is (or was when it closed at `closeAt`), and then into Won or Lost unless it is still open.
 */
function addDeal(
  world: DemoWorld,
  contact: Counterpart,
  created: number,
  outcome: 'won' | 'lost' | 'open',
  closeAt: number,
): void {
  const { rnd, now, rows } = world;
  const dealId = world.id('deal', created);
  const product = rnd.pick(words.PRODUCTS);
  const value = rnd.int(20, 600) * 10_000;
  // How far along the open stages it got: a won deal at least to Demo.
  const reached = rnd.int(outcome === 'won' ? 2 : 0, OPEN_STAGE_KEYS.length - 1);
  // An open deal entered its current stage some days ago, however old it is: a board of deals all
  // sitting in their stage for a year would mark every card stale.
  const span = outcome === 'open' ? rnd.int(2, 80) * DAY : 0;
  const end = outcome === 'open' ? Math.min(now - DAY, Math.max(created + span, now - span / 3)) : closeAt;
  const path: DemoStageKey[] = [
    ...OPEN_STAGE_KEYS.slice(0, reached + 1),
    ...(outcome === 'open' ? [] : [outcome]),
  ];
  const stepLength = (end - created) / Math.max(1, path.length - 1);
  let enteredAt = created;
  path.forEach((key, i) => {
    const at = i === path.length - 1 ? end : created + Math.round(i * stepLength);
    const previous = rows.stageHistory.at(-1);
    if (i > 0 && previous) previous.leftAt = iso(at);
    rows.stageHistory.push({
      workspaceId: world.workspaceId,
      dealId,
      stageId: world.stageId(key),
      enteredAt: iso(at),
      leftAt: null,
    });
    enteredAt = at;
  });
  const expectedCloseDate = new Date(end + rnd.int(5, 45) * DAY).toISOString().slice(0, 10);
  const lostReason = outcome === 'lost' ? rnd.pick(words.LOST_REASONS) : null;
  const stageId = world.stageId(path.at(-1)!);
  const inStage = (rows.dealsInStage.get(stageId) ?? 0) + 1;
  rows.dealsInStage.set(stageId, inStage);
  rows.deals.push({
    id: dealId,
    workspaceId: world.workspaceId,
    title: `${product.name} for ${contact.name}`,
    valueAmount: value,
    valueCurrency: world.currency,
    pipelineId: world.pipelineId,
    stageId,
    status: outcome,
    contactId: contact.id,
    companyId: contact.company,
    ownerId: contact.owner,
    expectedCloseDate,
    lostReason,
    stageEnteredAt: iso(enteredAt),
    closedAt: outcome === 'open' ? null : iso(closeAt),
    createdAt: iso(created),
    updatedAt: iso(end),
    rank: stageRank(inStage),
  });
}

/** A contact's lifecycle as it is told: each change recorded, the current stage kept. */
class Lifecycle {
  stage: LifecycleStage;

  constructor(
    private readonly world: DemoWorld,
    private readonly contactId: string,
    readonly initial: LifecycleStage,
    created: number,
  ) {
    this.stage = initial;
    this.record(null, initial, 'created', created);
  }

  change(to: LifecycleStage, reason: string, at: number): void {
    this.record(this.stage, to, reason, at);
    this.stage = to;
  }

  private record(fromStage: LifecycleStage | null, toStage: LifecycleStage, reason: string, at: number) {
    this.world.rows.lifecycleChanges.push({
      workspaceId: this.world.workspaceId,
      contactId: this.contactId,
      fromStage,
      toStage,
      reason,
      changedAt: iso(at),
    });
  }
}

/**
 * The `index`-th contact: arrives (more of them as the business grows), becomes a customer or stays
 * a prospect, and leaves a trail of activities.
 */
export function addContact(world: DemoWorld, index: number, companies: readonly CompanyRow[]): void {
  const { rnd, now, start } = world;
  // The square root skews creation towards recent months.
  const created = start + Math.floor(Math.sqrt(rnd.next()) * (now - start - 2 * DAY));
  const first = rnd.pick(words.FIRST_NAMES);
  const last = rnd.pick(words.LAST_NAMES);
  const company = rnd.pick(companies);
  const contact: Counterpart = {
    id: world.id('contact', created),
    company: company.id,
    owner: company.ownerId,
    name: `${first} ${last}`,
  };
  const initial: LifecycleStage = rnd.pick(['subscriber', 'lead', 'lead', 'marketing_qualified'] as const);
  const lifecycle = new Lifecycle(world, contact.id, initial, created);

  // Recent cohorts convert a little better: the story the dashboard tells is one of improvement.
  const converts = rnd.chance(0.3 + 0.15 * recencyOf(world, created));
  const convertAt = created + rnd.int(5, 110) * DAY;
  if (converts && convertAt < now - DAY) customerJourney(world, contact, lifecycle, created, convertAt);
  else prospectJourney(world, contact, lifecycle, created);

  for (let a = rnd.int(2, 8); a > 0; a--) {
    const at = created + Math.floor(rnd.next() * (now - created));
    const type = rnd.pick<ActivityType>(
      lifecycle.stage === 'customer' || lifecycle.stage === 'evangelist'
        ? ['email', 'call', 'support', 'purchase', 'note']
        : ['email', 'call', 'meeting', 'note'],
    );
    world.rows.activities.push({
      id: world.id('activity', at),
      workspaceId: world.workspaceId,
      type,
      contactId: contact.id,
      dealId: null,
      ownerId: contact.owner,
      body: words.ACTIVITY_BODIES[type],
      occurredAt: iso(at),
      dueAt: null,
      completedAt: iso(at),
    });
  }

  const title = rnd.pick(words.TITLES);
  const leadScore = rnd.int(lifecycle.stage === 'subscriber' ? 5 : 30, 98);
  const tags = rnd.chance(0.3) ? rnd.pick(['newsletter', 'vip', 'trade-show', 'newsletter|vip']) : '';
  world.rows.contacts.push({
    id: contact.id,
    workspaceId: world.workspaceId,
    firstName: first,
    lastName: last,
    email: `${first}.${last}.${index}@${company.domain}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, ''),
    phone: `+44 20 7946 ${String(1000 + (index % 9000)).padStart(4, '0')}`,
    title,
    companyId: company.id,
    ownerId: contact.owner,
    lifecycleStage: lifecycle.stage,
    initialStage: initial,
    leadScore,
    tags,
    createdAt: iso(created),
    updatedAt: iso(created),
  });
}

/** A prospect: maybe qualified further, and most often a deal, lost or still open. */
function prospectJourney(
  world: DemoWorld,
  contact: Counterpart,
  lifecycle: Lifecycle,
  created: number,
): void {
  const { rnd, now } = world;
  if (rnd.chance(0.5))
    lifecycle.change(
      rnd.pick(['marketing_qualified', 'sales_qualified', 'opportunity'] as const),
      'manual',
      Math.min(now - DAY, created + rnd.int(2, 40) * DAY),
    );
  if (rnd.chance(0.75)) {
    const dealCreated = Math.min(now - 2 * DAY, created + rnd.int(1, 30) * DAY);
    const closeAt = dealCreated + rnd.int(10, 90) * DAY;
    const lost = closeAt < now && rnd.chance(0.55);
    addDeal(world, contact, dealCreated, lost ? 'lost' : 'open', closeAt);
  }
}

/**
 * A customer: won by a deal or a first order, then orders (some rated), quarterly NPS answers,
 * service tickets with CSAT, until they churn or become an evangelist; sometimes a new open deal.
 */
function customerJourney(
  world: DemoWorld,
  contact: Counterpart,
  lifecycle: Lifecycle,
  created: number,
  convertAt: number,
): void {
  const { rnd, now } = world;
  const recency = recencyOf(world, created);
  if (rnd.chance(0.5))
    lifecycle.change('sales_qualified', 'manual', created + Math.floor((convertAt - created) / 2));
  const viaDeal = rnd.chance(0.6);
  if (viaDeal)
    addDeal(world, contact, Math.max(created, convertAt - rnd.int(10, 60) * DAY), 'won', convertAt);
  lifecycle.change('customer', viaDeal ? 'deal_won' : 'order', convertAt);
  const churnAt = rnd.chance(0.22 - 0.1 * recency)
    ? convertAt + rnd.int(60, 300) * DAY
    : Number.POSITIVE_INFINITY;

  let orderAt = convertAt;
  let orderCount = 0;
  while (orderAt < Math.min(now, churnAt)) {
    addOrder(world, contact, orderAt);
    orderCount++;
    orderAt += rnd.int(25, 160) * DAY;
  }
  if (churnAt < now) lifecycle.change('churned', 'manual', churnAt);
  else if (orderCount >= 4 && rnd.chance(0.4))
    lifecycle.change('evangelist', 'manual', Math.min(now - DAY, orderAt - 10 * DAY));

  // Quarterly NPS survey answers while a customer.
  for (let at = convertAt + 30 * DAY; at < Math.min(now, churnAt); at += 91 * DAY) {
    if (!rnd.chance(0.45)) continue;
    const base = churnAt < Number.POSITIVE_INFINITY ? 5 : 7.4 + recencyOf(world, at) * 1.2;
    const score = Math.min(10, Math.max(0, Math.round(base + (rnd.next() - 0.5) * 5)));
    world.rows.ratings.push(surveyRating(world, at, 'survey:nps', 'nps10', score, contact.id, at));
  }
  addTickets(world, contact, convertAt);
  if (rnd.chance(0.25))
    addDeal(world, contact, Math.min(now - 3 * DAY, convertAt + rnd.int(20, 200) * DAY), 'open', 0);
}

/** An order, and half the time a star rating of its product some days later. */
function addOrder(world: DemoWorld, contact: Counterpart, orderAt: number): void {
  const { rnd, now } = world;
  const amount = rnd.int(15, 900) * 1000;
  world.rows.orders.push({
    id: world.id('order', orderAt),
    workspaceId: world.workspaceId,
    contactId: contact.id,
    companyId: contact.company,
    amount,
    currency: world.currency,
    orderedAt: iso(orderAt),
  });
  if (!rnd.chance(0.5)) return;
  const product = rnd.pick(words.PRODUCTS);
  const score = Math.min(
    5,
    Math.max(1, Math.round(3.6 + recencyOf(world, orderAt) * 0.9 + (rnd.next() - 0.5) * 2.4)),
  );
  const at = orderAt + rnd.int(2, 12) * DAY;
  if (at >= now) return;
  const id = world.id('rating', at);
  const comment = rnd.chance(0.5) ? rnd.pick(score >= 4 ? words.GOOD_COMMENTS : words.BAD_COMMENTS) : null;
  const source = rnd.pick(['website', 'marketplace', 'survey'] as const);
  world.rows.ratings.push({
    id,
    workspaceId: world.workspaceId,
    subject: product.subject,
    scale: 'stars5',
    score,
    comment,
    source,
    contactId: contact.id,
    origin: null,
    createdAt: iso(at),
  });
}

/** Up to three service cases, resolved in hours (faster lately), most answered with a CSAT score. */
function addTickets(world: DemoWorld, contact: Counterpart, convertAt: number): void {
  const { rnd, now } = world;
  for (let t = rnd.int(0, 3); t > 0; t--) {
    const opened = convertAt + rnd.int(3, 400) * DAY + rnd.int(0, 23) * HOUR;
    if (opened >= now) continue;
    const hours = Math.round(Math.exp(rnd.next() * 4.2) * (1.2 - 0.4 * recencyOf(world, opened)));
    const resolved = opened + Math.max(1, hours) * HOUR;
    const open = resolved >= now || rnd.chance(0.04);
    const id = world.id('ticket', opened);
    world.rows.tickets.push({
      id,
      workspaceId: world.workspaceId,
      contactId: contact.id,
      subject: rnd.pick(words.TICKET_SUBJECTS),
      status: open ? 'open' : 'resolved',
      openedAt: iso(opened),
      resolvedAt: open ? null : iso(resolved),
    });
    if (!open && rnd.chance(0.7)) {
      const score = Math.min(5, Math.max(1, Math.round(4.4 - hours / 60 + (rnd.next() - 0.5) * 2)));
      world.rows.ratings.push(
        surveyRating(world, resolved, 'service:support', 'csat5', score, contact.id, resolved + HOUR),
      );
    }
  }
}

/** A survey answer of a known contact: its id is drawn at `idAt`, it is stored as of `at`. */
function surveyRating(
  world: DemoWorld,
  idAt: number,
  subject: string,
  scale: RatingRow['scale'],
  score: number,
  contactId: string,
  at: number,
): RatingRow {
  return {
    id: world.id('rating', idAt),
    workspaceId: world.workspaceId,
    subject,
    scale,
    score,
    comment: null,
    source: 'survey',
    contactId,
    origin: null,
    createdAt: iso(at),
  };
}

/** Anonymous star ratings of the products from the shop's website. */
export function addWebsiteRatings(world: DemoWorld, count: number): void {
  const { rnd, now, start } = world;
  for (let i = 0; i < count; i++) {
    const at = start + Math.floor(Math.sqrt(rnd.next()) * (now - start));
    const score = Math.min(
      5,
      Math.max(1, Math.round(3.8 + recencyOf(world, at) * 0.8 + (rnd.next() - 0.5) * 2.6)),
    );
    const id = world.id('rating', at);
    const subject = rnd.pick(words.PRODUCTS).subject;
    const comment = rnd.chance(0.4) ? rnd.pick(score >= 4 ? words.GOOD_COMMENTS : words.BAD_COMMENTS) : null;
    world.rows.ratings.push({
      id,
      workspaceId: world.workspaceId,
      subject,
      scale: 'stars5',
      score,
      comment,
      source: 'website',
      contactId: null,
      origin: 'https://shop.acme-audio.example',
      createdAt: iso(at),
    });
  }
}
