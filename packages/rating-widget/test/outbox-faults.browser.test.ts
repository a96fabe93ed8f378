/**
 * Lose none, count none twice, tell the truth: ratings sent through a seeded fault proxy in front of
 * the real API (answers dropped after the API committed, 503s, 429s, offline), from tabs of one
 * browser that reload, share one outbox, and come back online with a backlog. Every test ends by
 * reading what the API stored with the workspace's secret key.
 */
import type { FaultRates } from '@chorus/api/testing/fault-proxy';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { FaultRun } from './fault/commands.js';
import { openTab, type Shown, type Tab } from './fault/client.js';

const SAVED_OFFLINE = 'Saved, will send when online.';
const SAVED_BUSY = 'Saved, will send shortly.';
const THANKS = 'Thank you!';

let run: FaultRun | undefined;
let tabs: Tab[] = [];

afterEach(async () => {
  for (const tab of tabs) await tab.close();
  tabs = [];
  // The tabs share this page's origin: what one test left in the outbox must not go to the next.
  localStorage.clear();
  if (run) await commands.faultEnd(run.id);
  run = undefined;
});

async function start(seed: number, rates: FaultRates) {
  run = await commands.faultRun(seed, rates);
  return run;
}

async function open(subjects: string[]) {
  const tab = await openTab(run!, subjects);
  tabs.push(tab);
  return tab;
}

/** Waits until `predicate` resolves true, polling. */
async function eventually(predicate: () => Promise<boolean>, what: string, timeout = 25_000) {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ratingsOf = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ subject: `product:${prefix}${i}`, comment: `${prefix}-${i}` }));

/** Every widget on every tab, as the visitor sees it. */
const everything = async () => (await Promise.all(tabs.map((tab) => tab.shown()))).flat();

/**
 * Waits until nothing is left in the outbox and every widget that was rated shows its outcome,
 * then compares what the API stored with what was rated and what the visitor was told.
 */
async function verdict(rated: { subject: string; comment: string }[], timeout = 25_000) {
  const subjects = new Set(rated.map((r) => r.subject));
  const settled = (shown: Shown) => !subjects.has(shown.subject) || !shown.status.startsWith('Saved');
  await eventually(
    async () => (await tabs[0]!.outbox()).length === 0 && (await everything()).every(settled),
    'the outbox to empty',
    timeout,
  ).catch(async (error) => {
    const left = await tabs[0]!.entries();
    const waiting = (await everything()).filter((s) => !settled(s));
    const log = (await commands.faultLog(run!.id)).map((e) => [
      e.idempotencyKey?.slice(0, 4),
      e.fault,
      e.status,
      e.at % 100_000,
    ]);
    throw new Error(
      `${error.message}: ${JSON.stringify(left)}, ${JSON.stringify(waiting)} ${JSON.stringify(log)}`,
    );
  });
  const stored = await commands.faultStored(run!.id);
  const comments = stored.map((s) => s.comment);
  const shown = await everything();
  const storedSubjects = new Set(stored.map((s) => s.subject));
  return {
    stored: new Set(comments).size,
    duplicated: comments.length - new Set(comments).size,
    lost: rated.filter((r) => !comments.includes(r.comment)).length,
    // "Thank you" for a rating the API does not have, an error for one it has, or "Saved" for one long sent.
    misreported: shown.filter(
      (s) =>
        (s.status === THANKS && !storedSubjects.has(s.subject)) ||
        (s.alert !== '' && storedSubjects.has(s.subject)) ||
        s.status.startsWith('Saved'),
    ),
  };
}

describe('the outbox under faults', () => {
  it('reloads while ratings are on their way: none lost, none twice, each widget says what is true', async () => {
    await start(11, { drop: 0.3, unavailable: 0.1, rateLimit: 0.05, maxFaultsPerKey: 2 });
    const rated = ratingsOf('reload', 6);
    const tab = await open(rated.map((r) => r.subject));
    await tab.rate(rated);
    // Reloaded at once (first attempts in flight), and again while retries wait for their backoff.
    await tab.reload();
    expect((await tab.outbox()).length).toBeGreaterThan(0);
    for (const shown of await tab.shown())
      expect(['', SAVED_BUSY, SAVED_OFFLINE, THANKS]).toContain(shown.status);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await tab.reload();
    expect(await verdict(rated)).toEqual({ stored: 6, duplicated: 0, lost: 0, misreported: [] });
    const log = await commands.faultLog(run!.id);
    // The faults happened: answers were lost after the API stored the rating, and retried under one key.
    expect(log.filter((entry) => entry.fault === 'dropped' && entry.status === 201).length).toBeGreaterThan(
      0,
    );
    expect(new Set(log.map((entry) => entry.idempotencyKey)).size).toBe(6);
  });

  it('two tabs rating at once share one outbox and never overwrite each other', async () => {
    await start(22, { drop: 0.3, unavailable: 0.1, rateLimit: 0.05, maxFaultsPerKey: 2 });
    const left = ratingsOf('left', 6);
    const right = ratingsOf('right', 6);
    const [a, b] = [await open(left.map((r) => r.subject)), await open(right.map((r) => r.subject))];
    await Promise.all([a.rate(left), b.rate(right)]);
    const outcome = await verdict([...left, ...right], 45_000);
    expect(outcome).toEqual({ stored: 12, duplicated: 0, lost: 0, misreported: [] });
    // Every widget in both tabs ends on "Thank you!", including those sent by the other tab.
    expect((await everything()).map((s) => s.status)).toEqual(Array(12).fill(THANKS));
    const log = await commands.faultLog(run!.id);
    expect(log.filter((entry) => entry.fault === 'unavailable').length).toBeGreaterThan(0);
  }, 90_000);

  it('back online with a backlog of 30: sent one at a time within the per-client limit, none lost', async () => {
    await start(33, { offline: true });
    const rated = ratingsOf('backlog', 30);
    const tab = await open(rated.map((r) => r.subject));
    await tab.rate(rated);
    await eventually(
      async () => (await tab.shown()).every((s) => s.status === SAVED_OFFLINE),
      'every widget to say it saved the rating',
    );
    expect(await tab.outbox()).toHaveLength(30);
    // Still offline after a reload: the backlog is still there, and each widget says so.
    await tab.reload();
    expect(await tab.outbox()).toHaveLength(30);
    await commands.faultRates(run!.id, {});
    await tab.online();
    expect(await verdict(rated, 60_000)).toEqual({ stored: 30, duplicated: 0, lost: 0, misreported: [] });
    const answers = (await commands.faultLog(run!.id)).filter((entry) => entry.fault === 'forwarded');
    // The API's own per-client limit (20 at once, then one every 2 s) answered some with 429: kept, resent.
    expect(answers.filter((entry) => entry.status === 201)).toHaveLength(30);
  }, 90_000);

  it('Try again after an answer lost after commit and then a 429 sends the same rating: stored once', async () => {
    // The first answer is lost after commit; the automatic retry meets a 429 that asks for a minute.
    await start(44, { script: ['dropped', 'rateLimited'], retryAfterSeconds: 60 });
    const [rated] = ratingsOf('again', 1);
    const tab = await open([rated!.subject]);
    await tab.rate([rated!]);
    // The visitor is told it is saved, and may push.
    await eventually(
      async () => (await tab.shown())[0]!.buttons.includes('Try again'),
      'the rate-limited rating to offer Try again',
    );
    expect((await tab.shown())[0]).toMatchObject({ status: SAVED_BUSY, alert: '' });
    await tab.tryAgain(rated!.subject);
    expect(await verdict([rated!])).toEqual({ stored: 1, duplicated: 0, lost: 0, misreported: [] });
    expect((await tab.shown())[0]!.status).toBe(THANKS);
    const log = await commands.faultLog(run!.id);
    expect(log.map((entry) => entry.fault)).toEqual(['dropped', 'rateLimited', 'forwarded']);
    expect(new Set(log.map((entry) => entry.idempotencyKey)).size).toBe(1);
    // The API answered the Try again with the row it stored the first time.
    expect(log.map((entry) => entry.status)).toEqual([201, undefined, 201]);
  });
});
