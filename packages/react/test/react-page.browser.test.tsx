import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { Contact } from '@chorus/sdk';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { ChorusContactCard, ChorusMetricTile, ChorusProvider } from '../src/index.js';

// Tells React this is a test environment in which act() flushes updates.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let demo: BrowserApiInfo;
let contacts: Contact[];
let root: Root | undefined;

beforeAll(async () => {
  demo = await testApi.demo();
  const response = await fetch(`${demo.url}/v1/contacts?lifecycleStage=customer&limit=2`, {
    headers: { Authorization: `Bearer ${demo.sessionToken}` },
  });
  contacts = ((await response.json()) as { data: Contact[] }).data;
});

afterEach(() => {
  act(() => root?.unmount());
  document.body.replaceChildren();
});

/** A small React page: a provider, a contact card whose contact the page chooses, a metric tile. */
function SalesPage({ onSelect }: { onSelect: (contactId: string) => void }) {
  const [contactId, setContactId] = useState(contacts[0]!.id);
  return (
    <ChorusProvider baseUrl={demo.url} locale="en-US" getToken={async () => demo.sessionToken}>
      <button type="button" onClick={() => setContactId(contacts[1]!.id)}>
        Next contact
      </button>
      <ChorusContactCard contactId={contactId} onChorusContactSelect={(event) => onSelect(event.contactId)} />
      <ChorusMetricTile metricName="win_rate" period="90d" />
    </ChorusProvider>
  );
}

const nameOf = (contact: Contact) => `${contact.firstName} ${contact.lastName}`;
const card = () => document.querySelector('chorus-contact-card')!;
const cardName = () => card().shadowRoot?.querySelector('[part=name]')?.textContent?.trim() ?? '';

describe('React wrappers on a React page', () => {
  it('renders connected elements, passes an event to the host and re-renders on a prop change', async () => {
    const selected: string[] = [];
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root!.render(<SalesPage onSelect={(id) => selected.push(id)} />));

    // Rendered: the card shows the contact the API has, the tile a formatted figure.
    await expect.poll(cardName, { timeout: 15_000 }).toBe(nameOf(contacts[0]!));
    await expect
      .poll(
        () =>
          document.querySelector('chorus-metric-tile')?.shadowRoot?.querySelector('[part=value]')
            ?.textContent,
        {
          timeout: 15_000,
        },
      )
      .toMatch(/\d/);

    // An event reaches the host: activating the name calls the React prop with the contact's id.
    const name = card().shadowRoot!.querySelector<HTMLElement>('button[part=name]')!;
    name.click();
    expect(selected).toEqual([contacts[0]!.id]);

    // A property change re-renders: React sets `contactId` on the element, which loads the other contact.
    await page.getByRole('button', { name: 'Next contact' }).click();
    expect(card().contactId).toBe(contacts[1]!.id);
    await expect.poll(cardName, { timeout: 15_000 }).toBe(nameOf(contacts[1]!));
  });
});
