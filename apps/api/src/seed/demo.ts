import type { Database, Sql } from '../db/database.js';
import { createKey, createWorkspace } from '../domain/workspace.js';
import { newId } from '../ids.js';
import { DEMO_STAGES, DEMO_USER_NAMES, type DemoStageKey } from './demo-catalogue.js';
import { addCompanies, addContact, addWebsiteRatings, DAY, DemoRows, type DemoWorld } from './demo-story.js';
import { addCampaigns } from './demo-campaigns.js';
import { addOpenTasks } from './demo-tasks.js';
import { seededRandom } from './random.js';
import {
  ACTIVITIES,
  COMPANIES,
  CONTACTS,
  DEAL_STAGE_HISTORY,
  DEALS,
  insertRows,
  LIFECYCLE_CHANGES,
  ORDERS,
  RATINGS,
  STAGES,
  TICKETS,
  USERS,
} from './tables.js';

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

const CURRENCY = 'EUR';

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
    // Nobody watches a seed: its rows are not changes for the feed (GET /v1/events).
    await tx.query("select set_config('chorus.change_events', 'off', true)");
    const seeded = await seedWorkspace(tx, scale, now);
    await tx.query('select metric_rollups_rebuild($1)', [seeded.workspaceId]);
    return seeded;
  });
  // Fresh planner statistics: PGlite has no autovacuum, and without them every list sorts the whole table.
  await db.query('analyze');
  return summary;
}

async function seedWorkspace(tx: Sql, scale: number, nowInstant: Date): Promise<SeedSummary> {
  // Whole days keep the shape of the data the same whatever the hour of seeding.
  const now = Math.floor(nowInstant.getTime() / DAY) * DAY;
  const start = now - 548 * DAY;
  const rnd = seededRandom(20_260_101);

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

  const users = DEMO_USER_NAMES.map((name, i) => ({
    id: `usr_demouser${i + 1}`,
    workspaceId: ws,
    name,
    email: `${name
      .split(' ')[0]!
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '')}@acme-audio.example`,
  }));
  await insertRows(tx, USERS, users);

  const pipelineId = 'pip_demonewbusiness';
  await tx.query('insert into pipelines (id, workspace_id, name, created_at) values ($1, $2, $3, $4)', [
    pipelineId,
    ws,
    'New business',
    new Date(start),
  ]);
  const stages = DEMO_STAGES.map(({ key: _key, ...stage }, position) => ({
    ...stage,
    id: `stg_demostage${position}`,
    workspaceId: ws,
    pipelineId,
    position,
  }));
  await insertRows(tx, STAGES, stages);
  const stageIds = new Map(DEMO_STAGES.map((stage, position) => [stage.key, stages[position]!.id]));

  const world: DemoWorld = {
    workspaceId: ws,
    pipelineId,
    currency: CURRENCY,
    now,
    start,
    rnd,
    id: (kind, at) => newId(kind, at, rnd.next),
    stageId: (key: DemoStageKey) => stageIds.get(key)!,
    rows: new DemoRows(),
  };
  const companies = addCompanies(
    world,
    60 * scale,
    users.map((user) => user.id),
  );
  for (let i = 0; i < 300 * scale; i++) addContact(world, i, companies);
  addWebsiteRatings(world, 80 * scale);
  addOpenTasks(world);

  const { rows } = world;
  await insertRows(tx, COMPANIES, rows.companies);
  await insertRows(tx, CONTACTS, rows.contacts);
  await insertRows(tx, LIFECYCLE_CHANGES, rows.lifecycleChanges);
  await insertRows(tx, DEALS, rows.deals);
  await insertRows(tx, DEAL_STAGE_HISTORY, rows.stageHistory);
  await insertRows(tx, ORDERS, rows.orders);
  await insertRows(tx, ACTIVITIES, rows.activities);
  await insertRows(tx, TICKETS, rows.tickets);
  await insertRows(tx, RATINGS, rows.ratings);
  await addCampaigns(tx, world);
  return {
    workspaceId: ws,
    contacts: rows.contacts.length,
    deals: rows.deals.length,
    orders: rows.orders.length,
    ratings: rows.ratings.length,
  };
}
