import type { components } from '@chorus/contract/paths';
import { ChorusError, type ChorusRateLimitError, type Rating } from '@chorus/sdk';
import { clientFor } from './client.js';

/** A rating on its way: written down before the first attempt, crossed out once the API has it. */
export interface PendingRating {
  /** The `Idempotency-Key`: every attempt, in any tab or page load, sends the same one. */
  key: string;
  /** The API's base URL. Stored under this name in `localStorage`: ratings waiting from an earlier page load still find it. */
  api: string;
  publishableKey: string;
  /**
   * The rating, or the answer to its follow-up question (`amends` the stored rating's id): the
   * contract's request bodies, so a field the API adds or renames is a type error here.
   */
  body: components['schemas']['PublicRatingSubmission'] | components['schemas']['PublicRatingAmendment'];
  attempts: number;
  /** Not to be sent before this time (ms since the epoch): the backoff, kept across page loads. */
  due: number;
}

/**
 * What became of an attempt: stored; kept for later (`offline`: no answer at all, rather than a busy
 * or failing server); or refused for good, by one of the `FINAL` statuses.
 */
export type Delivery = { stored: Rating } | { queued: true; offline: boolean } | { refused: ChorusError };

/**
 * The answers that mean a rating can never be stored as it is (the README names them): a bad body,
 * a key or origin the workspace refuses, a wrong API address, too large, a key reused for another
 * body. Anything else (no answer, 408, 429, 5xx, a status unknown here) keeps the rating.
 */
const FINAL = [400, 401, 403, 404, 413, 422];

/**
 * One `localStorage` entry per rating (`chorus-rating-outbox:<key>`), not one shared array: a tab
 * writes only the entries it touches, so two tabs can never overwrite each other's ratings (the
 * shared array lost one whenever two tabs rewrote it at once). IndexedDB would do the same in far more
 * bytes than the 12 kB script-tag budget has left. A Web Lock per entry keeps two tabs from sending
 * one entry at the same time; where there are no Web Locks (pages not served over HTTPS), the API's
 * idempotency still stores it once.
 */
const PREFIX = 'chorus-rating-outbox:';
const inFlight = new Map<string, Promise<Delivery | undefined>>();
const listeners = new Set<(pending: PendingRating, delivery: Delivery) => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
let draining = false;
/**
 * After a failure nothing is sent before this time: a 429 or an outage holds for the whole queue,
 * by a backoff of the failures in a row (any answer resets it), so one unlucky entry's long backoff
 * does not hold the others.
 */
let resumeAt = 0;
let failures = 0;

// Read and written as named properties (what `getItem`/`setItem` do): the shortest code for the bundle.
let storage: Record<string, string> = {};
try {
  storage = localStorage as unknown as Record<string, string>;
} catch {
  // Blocked (a sandboxed frame, some privacy modes): kept in this page's memory, not across reloads.
}

function store(name: string, value?: string): void {
  try {
    if (value === undefined) delete storage[name];
    else storage[name] = value;
  } catch {
    // Storage full: the first attempt still goes out (from `submit`'s copy), but nothing is kept for a retry.
  }
}

function read(key: string): PendingRating | undefined {
  try {
    const pending = JSON.parse(storage[PREFIX + key] ?? 'null');
    // Not one that another tab is crossing out (written with its outcome, then removed).
    return pending?.done ? undefined : pending;
  } catch {
    return undefined;
  }
}

const tell = (pending: PendingRating, delivery: Delivery) => {
  for (const listener of listeners) listener(pending, delivery);
};

/** The ratings waiting to be sent, the soonest due first. */
export function pendingRatings(): PendingRating[] {
  return Object.keys(storage)
    .flatMap((name) => (name.startsWith(PREFIX) && read(name.slice(PREFIX.length))) || [])
    .sort((a, b) => a.due - b.due);
}

/** Told of every attempt's outcome, including retries the outbox makes on its own and in other tabs. */
export function onDelivery(listener: (pending: PendingRating, delivery: Delivery) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The longest wait between two attempts, jitter included. */
export const BACKOFF_CAP_MS = 300_000;

/**
 * The wait before attempt `attempts + 1`: about 2 s, 4 s, 8 s … never more than 5 minutes. "Equal
 * jitter": between half and all of the doubled delay, so tabs and visitors that failed together do
 * not come back together, and a later attempt never waits less than an earlier one's least.
 */
export const backoffMs = (attempts: number, random = Math.random()): number =>
  (Math.min(BACKOFF_CAP_MS, 1000 * 2 ** attempts) * (1 + random)) / 2;

/**
 * Runs `task` holding the entry's Web Lock: waiting for another tab to let go of it (a visitor's
 * send), or (`wait` false: a drain) not at all, so that tabs draining one backlog share it out
 * instead of queueing behind each other.
 */
const locked = <T>(key: string, wait: boolean, task: () => Promise<T>): Promise<T | undefined> =>
  navigator.locks
    ? (navigator.locks.request(PREFIX + key, { ifAvailable: !wait }, (lock) =>
        lock ? task() : undefined,
      ) as Promise<T | undefined>)
    : task();

/**
 * Sends one entry now (whatever its backoff says), unless this tab is already sending it. Resolves
 * undefined when another tab sent it: that tab's `storage` event then tells the listeners.
 */
export function attempt(key: string, wait = true, given?: PendingRating): Promise<Delivery | undefined> {
  let delivery = inFlight.get(key);
  if (delivery) return delivery;
  delivery = locked(key, wait, async () => {
    // Read again under the lock: another tab may have sent it while this one waited.
    const pending = read(key) ?? given;
    if (!pending) return;
    let result: Delivery;
    try {
      result = {
        stored: await clientFor(pending.api, pending.publishableKey)<Rating>('/v1/public/ratings', {
          body: pending.body,
          headers: { 'Idempotency-Key': key },
        }),
      };
    } catch (error) {
      if (error instanceof ChorusError && FINAL.includes(error.status)) {
        result = { refused: error };
      } else {
        // No answer (or a body cut short), a busy or failing server: keep it, and wait as long as the
        // server's Retry-After says, or else the backoff; with jitter, so a backlog does not return at once.
        const attempts = pending.attempts + 1;
        const retryAfter = (error as ChorusRateLimitError | undefined)?.retryAfterMs;
        const wait = (n: number) =>
          Date.now() + (retryAfter ? retryAfter * (1 + Math.random() / 2) : backoffMs(n));
        resumeAt = wait(++failures);
        if (read(key)) store(PREFIX + key, JSON.stringify({ ...pending, attempts, due: wait(attempts) }));
        result = { queued: true, offline: !(error instanceof ChorusError) || error.status === 0 };
      }
    }
    if (!('queued' in result)) {
      failures = 0;
      // Written, then crossed out: the write's `storage` event tells the other tabs what became of it.
      store(PREFIX + key, JSON.stringify({ ...pending, done: result }));
      store(PREFIX + key);
    }
    tell(pending, result);
    return result;
  }).finally(() => inFlight.delete(key));
  inFlight.set(key, delivery);
  return delivery;
}

/**
 * Writes the rating down, then sends it at once (the visitor is waiting), beside any backlog; or,
 * with `holdMs`, once that has passed (due then, for this tab and any other, and after a reload).
 */
export async function submit(pending: Omit<PendingRating, 'due'>, holdMs = 0): Promise<Delivery | undefined> {
  const entry = { ...pending, due: Date.now() + holdMs };
  store(PREFIX + pending.key, JSON.stringify(entry));
  if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
  return attempt(pending.key, true, entry).finally(flush);
}

/**
 * Sends what is due, one rating at a time, so a backlog (a device back online with thirty ratings)
 * is spread out instead of spending the API's per-client limit at once; a failure pauses the whole
 * queue until its backoff. Runs at page load, when the browser is back online, and on a timer.
 */
export async function flush(): Promise<void> {
  clearTimeout(timer);
  if (draining) return;
  draining = true;
  // Each entry once per pass: one that another tab is sending is left to that tab.
  const tried = new Set<string>();
  try {
    for (let next: PendingRating | undefined; ; ) {
      const now = Date.now();
      next = now >= resumeAt ? pendingRatings().find((p) => p.due <= now && !tried.has(p.key)) : undefined;
      if (!next) break;
      tried.add(next.key);
      await attempt(next.key, false);
    }
  } finally {
    draining = false;
  }
  // At least a second: what is left due now is another tab's to send, and is looked at again later.
  const dues = pendingRatings().map((p) => p.due);
  if (dues.length)
    timer = setTimeout(flush, Math.max(resumeAt - Date.now(), Math.min(...dues) - Date.now(), 1000));
}

let started = false;

/**
 * Called by the first widget on a page: sends what an earlier page load left behind, again whenever
 * the browser comes back online (after a random second, so that the tabs do not all send at once),
 * and listens for other tabs' deliveries. (Not at import, so importing the module has no effects.)
 */
export function startOutbox(): void {
  if (started) return;
  started = true;
  addEventListener('online', () => setTimeout(flush, Math.random() * 1000));
  addEventListener('storage', ({ key, newValue }) => {
    const { done, ...pending } = (key?.startsWith(PREFIX) && newValue && JSON.parse(newValue)) || {};
    if (done) tell(pending, done);
  });
  void flush();
}
