import type { CampaignChannel } from '@chorus/contract';
import type { Sql } from '../db/database.js';
import { bulkInsert } from './bulk.js';
import { DAY, type DemoWorld } from './demo-story.js';
import { seededRandom } from './random.js';

/**
 * Acme Audio's campaigns over the story's eighteen months, the last few inside the last 90 days,
 * with what each cost (in euros), and how each contact was reached: the touch that brought them in
 * and, for some buyers, a later one just before an order (so first and last touch disagree).
 * Drawn from a generator of its own, after the story: the rest of the demo is the same with or without it.
 */
const CAMPAIGNS: readonly {
  name: string;
  channel: CampaignChannel;
  daysAgo: number;
  days: number;
  euros: number;
}[] = [
  { name: 'Spring webinar series', channel: 'event', daysAgo: 510, days: 30, euros: 6_500 },
  { name: 'Newsletter: studio monitors launch', channel: 'email', daysAgo: 430, days: 21, euros: 1_800 },
  { name: 'Search ads: headphones', channel: 'paid', daysAgo: 380, days: 120, euros: 24_000 },
  { name: 'Trade fair Berlin', channel: 'event', daysAgo: 300, days: 5, euros: 18_000 },
  { name: 'Partner bundle with SoundCo', channel: 'partner', daysAgo: 240, days: 90, euros: 9_000 },
  { name: 'Community forum AMA', channel: 'community', daysAgo: 160, days: 10, euros: 1_200 },
  { name: 'Social: studio sessions', channel: 'social', daysAgo: 120, days: 60, euros: 7_500 },
  { name: 'Search ads: speakers', channel: 'paid', daysAgo: 85, days: 80, euros: 16_000 },
  { name: 'Autumn newsletter', channel: 'email', daysAgo: 60, days: 21, euros: 1_500 },
  { name: 'Referral rewards', channel: 'referral', daysAgo: 45, days: 45, euros: 3_000 },
];

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function addCampaigns(
  tx: Sql,
  world: DemoWorld,
): Promise<{ campaigns: number; touches: number }> {
  const rnd = seededRandom(19_190_419);
  const campaigns = CAMPAIGNS.map((c, n) => {
    const starts = world.now - c.daysAgo * DAY;
    return { ...c, id: `cmp_demo${String(n).padStart(6, '0')}`, starts, ends: starts + (c.days - 1) * DAY };
  });
  // Running at a moment, or ended less than a week before it (people answer late).
  const runningAt = (at: number) => campaigns.filter((c) => c.starts <= at && at < c.ends + 8 * DAY);
  const touches: unknown[][] = [];
  const touch = (contactId: string, at: number) => {
    const running = runningAt(at);
    const campaign = running.length > 0 && rnd.chance(0.8) ? rnd.pick(running) : null;
    const source = campaign?.channel ?? rnd.pick(['organic', 'organic', 'referral', 'social'] as const);
    touches.push([world.workspaceId, contactId, campaign?.id ?? null, source, new Date(at).toISOString()]);
  };
  const ordersOf = new Map<string, number[]>();
  for (const order of world.rows.orders) {
    ordersOf.set(order.contactId, [...(ordersOf.get(order.contactId) ?? []), Date.parse(order.orderedAt)]);
  }
  for (const contact of world.rows.contacts) {
    touch(contact.id, Date.parse(contact.createdAt));
    // Re-engaged a few days before a later order, for some buyers.
    const later = (ordersOf.get(contact.id) ?? []).filter(
      (at) => at > Date.parse(contact.createdAt) + 10 * DAY,
    );
    if (later.length > 0 && rnd.chance(0.5)) touch(contact.id, rnd.pick(later) - rnd.int(1, 5) * DAY);
  }
  await bulkInsert(
    tx,
    'campaigns',
    [
      { name: 'id', type: 'text' },
      { name: 'workspace_id', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'channel', type: 'text' },
      { name: 'starts_on', type: 'date' },
      { name: 'ends_on', type: 'date' },
      { name: 'cost_amount', type: 'int8' },
      { name: 'cost_currency', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
    ],
    campaigns.map((c) => [
      c.id,
      world.workspaceId,
      c.name,
      c.channel,
      date(c.starts),
      date(c.ends),
      c.euros * 100,
      world.currency,
      new Date(c.starts - 14 * DAY).toISOString(),
    ]),
  );
  await bulkInsert(
    tx,
    'contact_touches',
    [
      { name: 'workspace_id', type: 'text' },
      { name: 'contact_id', type: 'text' },
      { name: 'campaign_id', type: 'text' },
      { name: 'source', type: 'text' },
      { name: 'touched_at', type: 'timestamptz' },
    ],
    touches,
  );
  return { campaigns: campaigns.length, touches: touches.length };
}
