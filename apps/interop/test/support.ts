import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
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
