import { type ChorusFetch, createChorusFetch } from '@chorus/sdk';

const clients = new Map<string, ChorusFetch>();

/**
 * One SDK transport per API and publishable key, shared by every widget on the page.
 *
 * `createChorusFetch`, not `createChorusClient`: the same middleware (credentials, idempotency
 * keys, timeouts, typed errors) without openapi-fetch, which alone is 2.6 kB gzipped of the plain
 * client's 4.4 kB, more than the 12 kB script-tag budget leaves, and without the client's automatic
 * retries: a rating that fails to send (429s included) waits in the outbox, which retries with
 * backoff, one at a time, across page loads and tabs.
 */
export function clientFor(api: string, publishableKey: string): ChorusFetch {
  const id = `${api} ${publishableKey}`;
  let client = clients.get(id);
  if (!client) {
    client = createChorusFetch({ baseUrl: api, apiKey: publishableKey, timeoutMs: 15_000 });
    clients.set(id, client);
  }
  return client;
}
