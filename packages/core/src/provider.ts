import { type ChorusClient, ChorusError, createChorusClient } from '@chorus/sdk';
import { type ChangeFeed, createChangeFeed } from '@chorus/sdk/changes';
import { createChorusQueries, followChanges } from '@chorus/sdk/query';
import { provide } from '@lit/context';
import { QueryClient } from '@tanstack/query-core';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ChorusEnvironment, chorusContext, type Theme } from './context.js';
import type { MessageOverrides } from './messages.js';
import { pageLocale } from './page-locale.js';

/** Reads stay fresh for 30 s: ten widgets mounting at once share one request, and a revisit is instant. */
const STALE_TIME_MS = 30_000;

/**
 * Gives every Chorus element inside it one SDK client, one QueryClient and the locale, so ten
 * widgets showing one contact make one request. Signed in with `getToken`, it also follows the
 * workspace's changes (one `GET /v1/events` stream), so what another person changes shows here
 * within a second; `live="off"` turns that off.
 *
 * @tagname chorus-provider
 * @summary The configuration and shared cache of the Chorus elements inside it.
 * @slot - The Chorus elements (and anything else) to configure.
 */
export class ChorusProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The Chorus API root, such as `https://crm.example.com`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** A publishable key (`pk_…`), for pages that only show public data such as rating summaries. */
  @property({ attribute: 'publishable-key' }) publishableKey?: string;

  /** BCP 47 locale for every element inside; defaults to the page's language. */
  @property() locale?: string;

  /** `light`, `dark` or `auto` (the OS setting) for every element inside. */
  @property() theme: Theme = 'auto';

  /** Returns a session token minted by your backend (`POST /v1/sessions`); called again after a 401. */
  @property({ attribute: false }) getToken?: () => Promise<string>;

  /** A ready client; takes precedence over `base-url`. */
  @property({ attribute: false }) client?: ChorusClient;

  /** Your own QueryClient, to share the cache with the rest of your app. */
  @property({ attribute: false }) queryClient?: QueryClient;

  /** Message overrides or translations, by key. */
  @property({ attribute: false }) messages: MessageOverrides = {};

  /** `on` (default): follow the workspace's changes live when signed in with `getToken`; `off`: never. */
  @property() live: 'on' | 'off' = 'on';

  @provide({ context: chorusContext })
  @state()
  protected environment?: ChorusEnvironment;

  private ownQueryClient?: QueryClient;
  private mountedClient?: QueryClient;
  /** The change feed being followed, and how to stop following it. */
  private following?: { feed: ChangeFeed; queryClient: QueryClient; stop: () => void };

  override connectedCallback(): void {
    super.connectedCallback();
    // Now, not at the first update: elements inside connect right after and must find a client
    // at once, or they would flash a "not configured" message.
    // Quietly: a page may still set `getToken` right after connecting; the first update reports what is missing.
    if (!this.environment) this.rebuild(true, false);
    this.mountQueryClient();
    this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.mountedClient?.unmount();
    this.mountedClient = undefined;
    this.following?.stop();
    this.following = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const has = (key: string) => (changed as Map<PropertyKey, unknown>).has(key);
    const connection = ['baseUrl', 'getToken', 'client', 'publishableKey'].some(has);
    const settings = ['locale', 'theme', 'messages', 'queryClient', 'live'].some(has);
    if (connection || settings) this.rebuild(connection);
  }

  /** A new environment object, so every consumer updates; a new client only when the connection changed. */
  private rebuild(connection: boolean, report = true): void {
    const current = this.environment;
    const client = connection || !current ? (this.client ?? this.buildClient(report)) : current.client;
    const changes = connection || !current ? this.buildFeed(client) : current.changes;
    this.environment = client
      ? {
          client,
          queryClient: this.sharedQueryClient(),
          queries: connection || !current ? createChorusQueries(client) : current.queries,
          locale: this.resolvedLocale(),
          theme: this.theme,
          messages: this.messages,
          // Off means no stream at all: elements that listen (a board announcing moves) find no feed.
          ...(changes && this.live !== 'off' ? { changes } : {}),
        }
      : undefined;
    this.mountQueryClient();
    this.follow();
  }

  /** The feed of a client this provider signs in with a session token; publishable keys cannot stream. */
  private buildFeed(client: ChorusClient | undefined): ChangeFeed | undefined {
    if (!client || this.client || !this.baseUrl || !this.getToken) return undefined;
    return createChangeFeed({ baseUrl: this.baseUrl, getToken: this.getToken });
  }

  /** Follows the environment's feed into its QueryClient while connected and live; one stream per feed. */
  private follow(): void {
    const env = this.environment;
    const feed = this.isConnected && this.live !== 'off' ? env?.changes : undefined;
    if (this.following?.feed === feed && this.following?.queryClient === env?.queryClient) return;
    this.following?.stop();
    this.following =
      feed && env
        ? { feed, queryClient: env.queryClient, stop: followChanges(env.queryClient, feed) }
        : undefined;
  }

  private buildClient(report: boolean): ChorusClient | undefined {
    if (!this.baseUrl) return undefined;
    if (this.getToken) return createChorusClient({ baseUrl: this.baseUrl, getToken: this.getToken });
    if (this.publishableKey?.startsWith('sk_')) {
      if (report)
        console.error(
          '<chorus-provider>: a secret key must never be used in a browser. Mint a session token on your server and pass getToken.',
        );
      return undefined;
    }
    if (this.publishableKey)
      return createChorusClient({ baseUrl: this.baseUrl, apiKey: this.publishableKey });
    if (report)
      console.error(
        '<chorus-provider>: set `getToken` (a session token from your backend) or `publishable-key` to connect.',
      );
    return undefined;
  }

  private sharedQueryClient(): QueryClient {
    if (this.queryClient) return this.queryClient;
    this.ownQueryClient ??= new QueryClient({
      defaultOptions: {
        queries: {
          staleTime: STALE_TIME_MS,
          // The SDK already retries what is worth retrying; a 4xx will not change by asking again.
          retry: (failures, error) => failures < 1 && !(error instanceof ChorusError && error.status < 500),
        },
      },
    });
    return this.ownQueryClient;
  }

  private mountQueryClient(): void {
    const client = this.environment?.queryClient;
    if (!this.isConnected || !client || client === this.mountedClient) return;
    this.mountedClient?.unmount();
    client.mount();
    this.mountedClient = client;
  }

  private resolvedLocale(): string {
    return this.locale ?? pageLocale();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
