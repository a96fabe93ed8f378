import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { Contact } from '@chorus/sdk';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import {
  ChorusContactCard,
  ChorusDealCard,
  ChorusMetricTile,
  ChorusProvider,
  ChorusReviews,
} from '../src/index.js';

// Tells React this is a test environment in which act() flushes updates.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let known: BrowserApiInfo;
let contacts: Contact[];
let root: Root | undefined;

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${known.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${known.sessionToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** January 2026, when the known CSAT answers below were given. */
const JANUARY = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };

// A workspace of the test's own, so the page's figures are known before it renders.
beforeAll(async () => {
  known = await testApi.freshWorkspace();
  contacts = [
    await post<Contact>('/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace' }),
    await post<Contact>('/v1/contacts', { firstName: 'Grace', lastName: 'Hopper' }),
  ];
  // CSAT 5, 4 and 2: two of three answers are 4 or 5, shown as "66.7%".
  for (const score of [5, 4, 2]) {
    await post('/v1/ratings', {
      subject: 'product:known',
      scale: 'csat5',
      score,
      createdAt: '2026-01-15T12:00:00.000Z',
    });
  }
  await post('/v1/ratings', { subject: 'product:reviewed', score: 5, comment: 'Sounds great.' });
});

afterEach(() => {
  act(() => root?.unmount());
  document.body.replaceChildren();
});

/** A small React page: a provider, a contact card whose contact the page chooses, a metric tile. */
function SalesPage({ onSelect }: { onSelect: (contactId: string) => void }) {
  const [contactId, setContactId] = useState(contacts[0]!.id);
  return (
    <ChorusProvider baseUrl={known.url} locale="en-US" getToken={async () => known.sessionToken}>
      <button type="button" onClick={() => setContactId(contacts[1]!.id)}>
        Next contact
      </button>
      <ChorusContactCard contactId={contactId} onChorusContactSelect={(event) => onSelect(event.contactId)} />
      <ChorusMetricTile metricName="csat" period="custom" from={JANUARY.from} to={JANUARY.to} />
    </ChorusProvider>
  );
}

const card = () => document.querySelector('chorus-contact-card')!;
const cardName = () => card().shadowRoot?.querySelector('[part=name]')?.textContent?.trim() ?? '';

describe('React wrappers on a React page', () => {
  it('renders connected elements, passes an event to the host and re-renders on a prop change', async () => {
    const selected: string[] = [];
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root!.render(<SalesPage onSelect={(id) => selected.push(id)} />));

    // Rendered: the card shows the name the test gave the contact, the tile its known CSAT.
    await expect.poll(cardName, { timeout: 15_000 }).toBe('Ada Lovelace');
    await expect
      .poll(
        () =>
          document
            .querySelector('chorus-metric-tile')
            ?.shadowRoot?.querySelector('[part=value]')
            ?.textContent?.trim(),
        { timeout: 15_000 },
      )
      .toBe('66.7%');

    // An event reaches the host: activating the name calls the React prop with the contact's id.
    const name = card().shadowRoot!.querySelector<HTMLElement>('button[part=name]')!;
    name.click();
    expect(selected).toEqual([contacts[0]!.id]);

    // A property change re-renders: React sets `contactId` on the element, which loads the other contact.
    await page.getByRole('button', { name: 'Next contact' }).click();
    expect(card().contactId).toBe(contacts[1]!.id);
    await expect.poll(cardName, { timeout: 15_000 }).toBe('Grace Hopper');
  });

  it('renders the deal card from its own define entry and passes its contact event to React', async () => {
    const pipeline = await post<{ id: string }>('/v1/pipelines', {
      name: 'Sales',
      stages: [
        { name: 'Lead in', probability: 0.1, definition: 'Interest shown.' },
        { name: 'Won', kind: 'won', probability: 1, definition: 'Signed.' },
        { name: 'Lost', kind: 'lost', probability: 0, definition: 'Said no.' },
      ],
    });
    const deal = await post<{ id: string }>('/v1/deals', {
      title: 'React monitors',
      value: { amount: 420_000, currency: 'EUR' },
      pipelineId: pipeline.id,
      contactId: contacts[0]!.id,
    });
    const opened: string[] = [];
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() =>
      root!.render(
        <ChorusProvider baseUrl={known.url} locale="en-US" getToken={async () => known.sessionToken}>
          <ChorusDealCard dealId={deal.id} onChorusContactOpen={(event) => opened.push(event.contactId)} />
        </ChorusProvider>,
      ),
    );
    const dealCard = () => document.querySelector('chorus-deal-card')!;
    await expect
      .poll(() => dealCard().shadowRoot?.querySelector('dd button.link')?.textContent?.trim(), {
        timeout: 15_000,
      })
      .toBe('Ada Lovelace');
    expect(dealCard().shadowRoot!.querySelector('h2')!.textContent).toBe('React monitors');
    dealCard().shadowRoot!.querySelector<HTMLElement>('dd button.link')!.click();
    expect(opened).toEqual([contacts[0]!.id]);
  });
});

describe('the reviews wrapper', () => {
  it("shows the API's reviews of a subject, and hands a refusal to the page through onChorusError", async () => {
    const refused: number[] = [];
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() =>
      root!.render(
        <>
          <ChorusReviews api={known.url} publishableKey={known.publishableKey} subject="product:reviewed" />
          <ChorusReviews
            api={known.url}
            publishableKey={known.publishableKey}
            subject="not a subject"
            onChorusError={(event) => refused.push(event.error.status)}
          />
        </>,
      ),
    );
    const [reviews] = document.querySelectorAll('chorus-reviews');
    await expect
      .poll(() => reviews!.shadowRoot?.querySelector('[part=review] p')?.textContent, { timeout: 15_000 })
      .toBe('Sounds great.');
    await expect.poll(() => refused, { timeout: 15_000 }).toEqual([400]);
  });
});
