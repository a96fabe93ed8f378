import type { Database } from '../db/database.js';
import { type Caller, findCaller, hashToken } from '../domain/workspace.js';

interface Entry {
  caller: Caller;
  /** Until when this entry may answer without asking the database (ms since the epoch). */
  freshUntil: number;
}

export interface CallerCacheOptions {
  /** How long a found caller is reused. Revocations in this process take effect at once regardless. */
  ttlMs?: number;
  /** The oldest entries are dropped beyond this many. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Callers found by the hash of their token, reused for a few seconds so a request does not look its
 * key up again (the lookup was a fifth of a list request's time). Only found callers are kept: an
 * unknown token is asked about every time, so a key minted a moment ago works at once.
 *
 * Revocation takes effect at once in this process: the authentication middleware forgets a
 * workspace's callers after any committed change to its keys, sessions or workspace (allowed
 * origins), and a lookup that began before such a change is not kept. A session's own expiry is
 * checked on every hit. With several API processes, each keeps its own entries: a key revoked
 * through one process is still accepted by the others until their entries age out (at most `ttlMs`).
 * Where that matters, lower `ttlMs`, or send revocations to every process (LISTEN/NOTIFY).
 */
export class CallerCache {
  readonly #db: Database;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  /** Bumped by every forget: a lookup that started under an older generation may be stale. */
  #generation = 0;

  constructor(db: Database, { ttlMs = 5_000, maxEntries = 10_000, now = Date.now }: CallerCacheOptions = {}) {
    this.#db = db;
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  async find(token: string): Promise<Caller | 'expired' | null> {
    const hash = hashToken(token);
    const now = this.#now();
    const entry = this.#entries.get(hash);
    if (entry && entry.freshUntil > now) {
      if (entry.caller.expiresAt !== null && entry.caller.expiresAt <= now) return 'expired';
      return entry.caller;
    }
    if (entry) this.#entries.delete(hash);
    const generation = this.#generation;
    const found = await findCaller(this.#db, token, new Date(now));
    if (typeof found === 'object' && found !== null && generation === this.#generation && this.#ttlMs > 0) {
      if (this.#entries.size >= this.#maxEntries) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      this.#entries.set(hash, { caller: found, freshUntil: now + this.#ttlMs });
    }
    return found;
  }

  /** Forgets every caller of one workspace: call it once a change to its keys, sessions or origins has committed. */
  forgetWorkspace(workspaceId: string): void {
    this.#generation += 1;
    for (const [hash, entry] of this.#entries) {
      if (entry.caller.workspaceId === workspaceId) this.#entries.delete(hash);
    }
  }
}
