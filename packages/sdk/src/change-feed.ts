import type { components } from '@chorus/contract/paths';
import type { ChorusClientOptions } from './client.js';
import { type ChorusError, ChorusNetworkError, errorFromResponse } from './errors.js';
import { abortErrors } from './middleware/aborts.js';
import { authorization } from './middleware/auth.js';
import { composeFetch, type FetchLike } from './middleware/types.js';
import { createSseParser } from './sse-parser.js';

/** One change in the workspace, as `GET /v1/events` sends it. */
export type ChangeEvent = components['schemas']['ChangeEvent'];

export interface ChangeFeedListener {
  /** A change, at most once per feed (a resumed stream's repeats are dropped). */
  change(event: ChangeEvent): void;
  /**
   * The feed cannot say what changed while it was away (past the retention window): read what you
   * show afresh. Called after a reconnect that could not resume.
   */
  reset?(): void;
  /** The stream is open (again): `true`; it dropped and is reconnecting: `false`. */
  connection?(open: boolean): void;
  /** The feed stopped for good: the credentials were refused (401/403). */
  error?(error: ChorusError): void;
}

export type ChangeFeedOptions = Pick<ChorusClientOptions, 'baseUrl' | 'apiKey' | 'getToken' | 'fetch'> & {
  /** First wait before reconnecting, doubled per failure up to `maxDelayMs`, with jitter (default 500 ms). */
  minDelayMs?: number;
  maxDelayMs?: number;
};

/** Ids remembered to drop repeats: a resumed stream re-sends at most a few seconds of changes. */
const REMEMBERED_IDS = 500;

/**
 * The workspace's changes, one stream however many listen (make one per client, as the provider
 * does, with the client's options): opened with the first
 * listener, closed with the last, resumed with `Last-Event-ID` after a drop (backoff with jitter),
 * and started afresh (with `reset`) when the server no longer holds what was missed. Works wherever
 * `fetch` streams a body: browsers, Node, workers.
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeFeedListener>();
  private readonly seen = new Set<string>();
  private lastEventId: string | undefined;
  private abort: AbortController | undefined;
  private failures = 0;
  /** The client's credentials (a session token refreshed on 401) without its timeouts, retries or body buffering. */
  private readonly transport: FetchLike;

  constructor(private readonly options: ChangeFeedOptions) {
    this.transport = composeFetch(options.fetch ?? ((request) => fetch(request)), [
      abortErrors(),
      authorization(options as ChorusClientOptions),
    ]);
  }

  /** Listens; returns the function that stops listening (the last one closes the stream). */
  subscribe(listener: ChangeFeedListener): () => void {
    this.listeners.add(listener);
    if (!this.abort) this.run();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.abort?.abort();
        this.abort = undefined;
      }
    };
  }

  private emit<K extends keyof ChangeFeedListener>(
    kind: K,
    ...args: Parameters<NonNullable<ChangeFeedListener[K]>>
  ) {
    for (const listener of [...this.listeners]) {
      try {
        (listener[kind] as ((...a: typeof args) => void) | undefined)?.(...args);
      } catch (error) {
        // One listener's failure must not stop the others, nor the feed.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  private run() {
    const abort = new AbortController();
    this.abort = abort;
    void (async () => {
      while (!abort.signal.aborted) {
        const outcome = await this.connectOnce(abort.signal).catch((error: unknown) => error);
        if (abort.signal.aborted) return;
        if (outcome === 'expired') {
          // Past the retention window: start from now, and tell the listeners to read afresh.
          this.lastEventId = undefined;
          this.seen.clear();
          this.emit('reset');
          continue;
        }
        if (
          outcome instanceof Error &&
          'status' in outcome &&
          (outcome.status === 401 || outcome.status === 403)
        ) {
          this.emit('error', outcome as ChorusError);
          this.abort = undefined;
          return;
        }
        this.emit('connection', false);
        await this.wait(abort.signal);
      }
    })();
  }

  /** One connection, until it ends: 'expired' for a 410, throws a typed error for other refusals. */
  private async connectOnce(signal: AbortSignal): Promise<'ended' | 'expired'> {
    const response = await this.transport(
      new Request(`${this.options.baseUrl.replace(/\/+$/, '')}/v1/events`, {
        headers: {
          Accept: 'text/event-stream',
          ...(this.lastEventId ? { 'Last-Event-ID': this.lastEventId } : {}),
        },
        signal,
      }),
    );
    if (response.status === 410) {
      await response.body?.cancel();
      return 'expired';
    }
    if (!response.ok || !response.body) {
      const text = await response.text().catch(() => '');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: the error carries the text.
      }
      throw errorFromResponse(response, body);
    }
    const feed = createSseParser((message) => {
      if (message.event === 'ready') {
        this.failures = 0;
        this.emit('connection', true);
        return;
      }
      if (!message.id || this.seen.has(message.id)) return;
      this.remember(message.id);
      // A late commit arrives with a lower id: resume from the highest seen.
      if (!this.lastEventId || BigInt(message.id) > BigInt(this.lastEventId)) this.lastEventId = message.id;
      this.emit('change', JSON.parse(message.data) as ChangeEvent);
    });
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (signal.aborted) return 'ended';
      throw new ChorusNetworkError(new Request(response.url || 'about:blank'), error);
    } finally {
      reader.releaseLock();
    }
  }

  private remember(id: string) {
    this.seen.add(id);
    if (this.seen.size > REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value as string);
  }

  /** Waits before the next attempt: doubling from `minDelayMs` to `maxDelayMs`, with full jitter. */
  private wait(signal: AbortSignal): Promise<void> {
    const { minDelayMs = 500, maxDelayMs = 30_000 } = this.options;
    const cap = Math.min(maxDelayMs, minDelayMs * 2 ** this.failures);
    this.failures++;
    const delay = cap / 2 + (Math.random() * cap) / 2;
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, delay);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/**
 * The workspace's changes over `GET /v1/events`, with the options the client was made with; nothing
 * is opened until something listens.
 *
 * ```ts
 * const feed = createChangeFeed({ baseUrl, apiKey: process.env.CHORUS_SECRET_KEY });
 * const stop = feed.subscribe({ change: (event) => console.log(event.type, event.entityId) });
 * ```
 */
export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  return new ChangeFeed(options);
}
