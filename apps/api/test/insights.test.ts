/**
 * Contact insights against a hand-worked fixture: five buyers whose recency, frequency and
 * monetary ranks all differ, so each lands in its own quintile of each score and a swapped or
 * mis-ordered score shows up; ratings and activities that the insights must count or ignore.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, freshWorkspace, testApi } from './support/api.js';

let http: Caller;
const contacts: Record<string, string> = {};

const day = (date: string) => `${date}T10:00:00.000Z`;

/**
 * Orders per buyer: their count, amount each (minor units) and the date of the latest; earlier
 * orders fall one day apart before it.
 *
 *        orders  each     total    latest       R  F  M  segment (rfmSegment(R, F))
 *   A    3       15,000   45,000   2025-01-10   1  3  3  at_risk            (R ≤ 2, F ≥ 3)
 *   B    4        5,000   20,000   2025-02-10   2  4  1  at_risk
 *   C    5       20,000  100,000   2025-03-10   3  5  5  loyal              (R ≥ 3, F ≥ 3)
 *   D    2       30,000   60,000   2025-04-10   4  2  4  potential_loyalist (R ≥ 4)
 *   E    1       30,000   30,000   2025-05-10   5  1  2  new_customer       (R ≥ 4, F ≤ 1)
 */
const BUYERS = {
  A: { orders: 3, each: 15_000, latest: '2025-01-10' },
  B: { orders: 4, each: 5_000, latest: '2025-02-10' },
  C: { orders: 5, each: 20_000, latest: '2025-03-10' },
  D: { orders: 2, each: 30_000, latest: '2025-04-10' },
  E: { orders: 1, each: 30_000, latest: '2025-05-10' },
} as const;

async function created(reply: Promise<{ status: number; body: any }>) {
  const { status, body } = await reply;
  if (status !== 201) throw new Error(`setup failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

beforeAll(async () => {
  ({ http } = await freshWorkspace(await testApi()));
  for (const name of [...Object.keys(BUYERS), 'F']) {
    contacts[name] = (await created(http.post('/v1/contacts', { firstName: `Buyer ${name}` }))).id;
  }
  for (const [name, { orders, each, latest }] of Object.entries(BUYERS)) {
    for (let i = 0; i < orders; i++) {
      const orderedAt = new Date(Date.parse(day(latest)) - i * 86_400_000).toISOString();
      await created(
        http.post('/v1/orders', {
          contactId: contacts[name],
          amount: { amount: each, currency: 'EUR' },
          orderedAt,
        }),
      );
    }
  }
  // C's voice: three star ratings (average 13 / 3 = 4.33), a CSAT answer that is not a star rating,
  // and two NPS answers of which the later one is the latest.
  const rate = (scale: string, score: number, createdAt: string) =>
    created(
      http.post('/v1/ratings', {
        subject: 'product:monitor',
        scale,
        score,
        contactId: contacts.C,
        source: 'survey',
        createdAt,
      }),
    );
  await rate('stars5', 5, day('2025-03-01'));
  await rate('stars5', 4, day('2025-03-02'));
  await rate('stars5', 4, day('2025-03-03'));
  await rate('csat5', 1, day('2025-03-04'));
  await rate('nps10', 9, day('2025-03-20'));
  await rate('nps10', 3, day('2025-03-05'));
  // C's touches: the latest is the email; D's later call must not count for C.
  const touch = (contact: string, type: string, occurredAt: string) =>
    created(http.post('/v1/activities', { type, contactId: contacts[contact], body: type, occurredAt }));
  await touch('C', 'call', day('2025-03-12'));
  await touch('C', 'email', day('2025-03-15'));
  await touch('C', 'note', day('2025-03-13'));
  await touch('D', 'call', day('2025-04-20'));
});

const insights = async (name: string) => {
  const reply = await http.get(`/v1/contacts/${contacts[name]}/insights`);
  expect(reply.status).toBe(200);
  return reply.body;
};

describe('contact insights, hand-worked', () => {
  it('scores recency, frequency and monetary value by quintile among the workspace’s buyers', async () => {
    const expected = {
      A: { recency: 1, frequency: 3, monetary: 3, segment: 'at_risk' },
      B: { recency: 2, frequency: 4, monetary: 1, segment: 'at_risk' },
      C: { recency: 3, frequency: 5, monetary: 5, segment: 'loyal' },
      D: { recency: 4, frequency: 2, monetary: 4, segment: 'potential_loyalist' },
      E: { recency: 5, frequency: 1, monetary: 2, segment: 'new_customer' },
    };
    const scored: Record<string, unknown> = {};
    for (const name of Object.keys(expected)) scored[name] = (await insights(name)).rfm;
    expect(scored).toEqual(expected);
  });

  it('sums lifetime value and counts orders, with the latest order’s time', async () => {
    expect(await insights('C')).toMatchObject({
      lifetimeValue: { amount: 100_000, currency: 'EUR' },
      orderCount: 5,
      lastOrderAt: day('2025-03-10'),
    });
    expect(await insights('D')).toMatchObject({
      lifetimeValue: { amount: 60_000, currency: 'EUR' },
      orderCount: 2,
      lastOrderAt: day('2025-04-10'),
    });
  });

  it('averages only star ratings, counts every rating, and keeps the latest NPS answer', async () => {
    expect(await insights('C')).toMatchObject({
      averageRatingGiven: 4.33,
      ratingCount: 6,
      latestNps: { score: 9, at: day('2025-03-20') },
    });
  });

  it('takes the last activity of this contact only', async () => {
    expect((await insights('C')).lastActivityAt).toBe(day('2025-03-15'));
    expect((await insights('D')).lastActivityAt).toBe(day('2025-04-20'));
  });

  it('leaves a contact who never bought, rated or was touched without scores', async () => {
    expect(await insights('F')).toEqual({
      contactId: contacts.F,
      lifetimeValue: { amount: 0, currency: 'EUR' },
      orderCount: 0,
      lastOrderAt: null,
      lastActivityAt: null,
      rfm: null,
      averageRatingGiven: null,
      ratingCount: 0,
      latestNps: null,
    });
  });
});
