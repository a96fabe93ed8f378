import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { Contact } from '@chorus/sdk';

/** Two customers of the demo workspace, read as the signed-in test user. */
export async function twoCustomers(api: BrowserApiInfo): Promise<[Contact, Contact]> {
  const response = await fetch(`${api.url}/v1/contacts?lifecycleStage=customer&limit=2`, {
    headers: { Authorization: `Bearer ${api.sessionToken}` },
  });
  const { data } = (await response.json()) as { data: Contact[] };
  return [data[0]!, data[1]!];
}

export const nameOf = (contact: Contact) => `${contact.firstName} ${contact.lastName}`;

/** The name a contact card shows, read from its part. */
export const shownName = (card: Element | null) =>
  card?.shadowRoot?.querySelector('[part=name]')?.textContent?.trim() ?? '';

async function post<T>(api: BrowserApiInfo, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${api.sessionToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** January 2026, when the known ratings below were given. */
export const KNOWN_PERIOD = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };

/**
 * A workspace of the test's own whose page is known before it renders: two contacts, Ada Lovelace
 * and Grace Hopper, and three five-star ratings in KNOWN_PERIOD (5, 4, 4: an average of 4.33, shown
 * as "4.3").
 */
export async function knownWorkspace(): Promise<{ api: BrowserApiInfo; contacts: [Contact, Contact] }> {
  const api = await testApi.freshWorkspace();
  const ada = await post<Contact>(api, '/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace' });
  const grace = await post<Contact>(api, '/v1/contacts', { firstName: 'Grace', lastName: 'Hopper' });
  for (const score of [5, 4, 4]) {
    await post(api, '/v1/ratings', {
      subject: 'product:known',
      scale: 'stars5',
      score,
      createdAt: '2026-01-15T12:00:00.000Z',
    });
  }
  return { api, contacts: [ada, grace] };
}
