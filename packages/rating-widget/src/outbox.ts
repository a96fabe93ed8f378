import { ChorusError, type Rating } from '@chorus/sdk';
import { clientFor } from './client.js';
import type { RatingScale } from './scales.js';

/** A rating on its way: written down before the first attempt, crossed out once the API has it. */
export interface PendingRating {
  /** The `Idempotency-Key`: every attempt, in any tab or page load, sends the same one. */
  key: string;
  api: string;
  publishableKey: string;
  body: {
    subject: string;
    scale: RatingScale;
    score: number;
    comment?: string;
    hp?: string;
    elapsedMs: number;
  };
  attempts: number;
}

/** What became of an attempt: stored, kept for later, or refused for good (a ChorusError). */
export type Delivery = { stored: Rating } | { queued: true } | { refused: ChorusError };

const STORAGE_KEY = 'chorus-rating-outbox';
const inFlight = new Map<string, Promise<Delivery>>();
const listeners = new Set<(pending: PendingRating, delivery: Delivery) => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** The ratings waiting to be sent, oldest first. */
export function pendingRatings(): PendingRating[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(list) ? list : [];
  } catch {
    // Storage blocked (privacy mode, sandboxed frame) or garbage: nothing to resend.
    return [];
  }
}

function write(list: PendingRating[]): void {
  try {
    if (list.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Without storage a rating survives only this page: still sent, just not across reloads.
  }
}

/** Told of every attempt's outcome, including retries the outbox makes on its own. */
export function onDelivery(listener: (pending: PendingRating, delivery: Delivery) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const update = (key: string, change?: PendingRating) =>
  write(pendingRatings().flatMap((p) => (p.key !== key ? [p] : change ? [change] : [])));

/** Backoff between attempts: 2, 4, 8 … up to 5 minutes, with jitter so tabs do not stampede. */
export const backoffMs = (attempts: number): number =>
  Math.min(300_000, 1000 * 2 ** attempts) * (0.75 + Math.random() / 2);

/** Writes the rating down, then sends it. */
export function submit(pending: PendingRating): Promise<Delivery> {
  write([...pendingRatings().filter((p) => p.key !== pending.key), pending]);
  return attempt(pending);
}

function attempt(pending: PendingRating): Promise<Delivery> {
  let delivery = inFlight.get(pending.key);
  if (delivery) return delivery;
  delivery = clientFor(pending.api, pending.publishableKey)<Rating>('/v1/public/ratings', {
    body: pending.body,
    headers: { 'Idempotency-Key': pending.key },
  })
    .then(
      (stored): Delivery => {
        update(pending.key);
        return { stored };
      },
      (error: unknown): Delivery => {
        // No answer, or the server failed: keep it and try again later. Anything else will never pass.
        if (!(error instanceof ChorusError) || error.status === 0 || error.status >= 500) {
          const next = { ...pending, attempts: pending.attempts + 1 };
          update(pending.key, next);
          schedule(backoffMs(next.attempts));
          return { queued: true };
        }
        update(pending.key);
        return { refused: error };
      },
    )
    .then((result) => {
      inFlight.delete(pending.key);
      for (const listener of listeners) listener(pending, result);
      return result;
    });
  inFlight.set(pending.key, delivery);
  return delivery;
}

/** Sends everything waiting (at page load, when back online, and on the backoff timer). */
export function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  for (const pending of pendingRatings()) void attempt(pending);
}

function schedule(ms: number): void {
  if (timer === undefined) timer = setTimeout(flush, ms);
}

let started = false;

/**
 * Called by the first widget on a page: sends what an earlier page load left behind, and again
 * whenever the browser comes back online. (Not at import, so importing the module has no effects.)
 */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', flush);
  flush();
}
