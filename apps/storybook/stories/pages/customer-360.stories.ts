import '../../src/pages/customer-360.js';
import type { Contact, Rating } from '@chorus/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { demoClient } from '../../src/demo-api.js';

interface Loaded {
  /** Customers with at least one rating, as the page's picker offers them. */
  customers: Contact[];
}

/** Customers who rated something, picked from the API by what they are, never by a fixed id. */
async function customersWithRatings(): Promise<Loaded> {
  const client = demoClient();
  const ratings = await client.get('/v1/ratings', { params: { query: { limit: 200 } } });
  const ids = [...new Set(ratings.data.flatMap((r) => (r.contactId ? [r.contactId] : [])))].slice(0, 4);
  if (ids.length < 2) throw new Error('The demo workspace has too few rated customers: is the API seeded?');
  const contacts = await client.get('/v1/contacts', { params: { query: { ids: ids.join(',') } } });
  return { customers: contacts.data };
}

const nameOf = (contact: Contact) => `${contact.firstName} ${contact.lastName}`;

const meta = {
  title: 'Pages/Customer 360',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'One customer as service, sales and marketing all see them: the full contact card (lifecycle stage, insights, recent activity), their ratings and NPS answers, their deals and their orders. Every part reads through one provider, so a change in one is seen in all.',
      },
    },
  },
  loaders: [customersWithRatings],
  render: (_args, { loaded }) => {
    const { customers } = loaded as Loaded;
    const pick = (event: Event) => {
      const page = document.querySelector('demo-customer-360');
      if (page) page.contactId = (event.target as HTMLSelectElement).value;
    };
    return html`
      <label>Customer
        <select @change=${pick}>
          ${customers.map((c) => html`<option value=${c.id}>${nameOf(c)}</option>`)}
        </select>
      </label>
      <demo-customer-360 contact-id=${customers[0]!.id}></demo-customer-360>
    `;
  },
} satisfies Meta;

export default meta;

/** The rendered page's shadow root, once it is there. */
const pageRoot = () => {
  const page = document.querySelector('demo-customer-360');
  if (!page?.shadowRoot) throw new Error('no rendered <demo-customer-360>');
  return page.shadowRoot;
};

/** Waits until every section of the page shows what the API has for the contact. */
async function expectCustomer(contact: Contact) {
  const client = demoClient();
  const [ratings, deals, orders] = await Promise.all([
    client.get('/v1/ratings', { params: { query: { contactId: contact.id, limit: 20 } } }),
    client.get('/v1/deals', { params: { query: { contactId: contact.id, limit: 20 } } }),
    client.get('/v1/orders', { params: { query: { contactId: contact.id, limit: 20 } } }),
  ]);
  await waitFor(
    () => {
      const card = pageRoot().querySelector('chorus-contact-card');
      expect(card?.shadowRoot?.querySelector('[part=name]')?.textContent?.trim()).toBe(nameOf(contact));
      expect(pageRoot().querySelectorAll('[data-rating]')).toHaveLength(ratings.data.length);
      expect(pageRoot().querySelectorAll('[data-deal]')).toHaveLength(deals.data.length);
      expect(pageRoot().querySelectorAll('[data-order]')).toHaveLength(orders.data.length);
    },
    { timeout: 15_000 },
  );
  const first: Rating = ratings.data[0]!;
  const shown = pageRoot().querySelector(`[data-rating="${first.id}"]`)?.textContent ?? '';
  await expect(shown).toContain(first.subject);
  if (first.comment) await expect(shown).toContain(first.comment);
}

/** Open the page, then switch to another customer: every section follows. */
export const Customer360: StoryObj = {
  name: 'Customer 360',
  play: async ({ canvasElement, loaded }) => {
    const { customers } = loaded as Loaded;
    await expectCustomer(customers[0]!);
    await userEvent.selectOptions(within(canvasElement).getByLabelText('Customer'), customers[1]!.id);
    await expectCustomer(customers[1]!);
  },
};
