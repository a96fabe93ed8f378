import '@chorus/contact-card/define';
import { CONTACT_CARD_VARIANTS, type ContactCardVariant } from '@chorus/contact-card';
import { THEMES } from '@chorus/core';
import type { Activity, Contact, ContactInsights } from '@chorus/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { demoClient } from '../../src/demo-api.js';

interface CardArgs {
  contactId?: string;
  variant: ContactCardVariant;
  editable: boolean;
  quickActions: boolean;
  associations: boolean;
  theme?: (typeof THEMES)[number];
  locale?: string;
  messages?: Record<string, string>;
  contact?: Contact;
  insights?: ContactInsights;
  activities?: Activity[];
  onChorusContactSelect: (event: Event) => void;
  onChorusContactChange: (event: Event) => void;
  onChorusAssociationOpen: (event: Event) => void;
}

/** Real records from the API the stories run against, picked by what they are, never by a fixed id. */
interface Loaded {
  customer: Contact;
  lead: Contact;
}

async function firstContact(lifecycleStage: Contact['lifecycleStage']): Promise<Contact> {
  const page = await demoClient().get('/v1/contacts', { params: { query: { lifecycleStage, limit: 1 } } });
  const [contact] = page.data;
  if (!contact) throw new Error(`The demo workspace has no ${lifecycleStage}: is the API seeded?`);
  return contact;
}

const loadSeededContacts = async (): Promise<Loaded> => {
  const [customer, lead] = await Promise.all([firstContact('customer'), firstContact('lead')]);
  return { customer, lead };
};

/** Everything the presentational full card shows, read from the API once, as an app would pass it. */
const loadCustomerRecord = async () => {
  const customer = await firstContact('customer');
  const client = demoClient();
  const [insights, activities] = await Promise.all([
    client.get('/v1/contacts/{id}/insights', { params: { path: { id: customer.id } } }),
    client.get('/v1/activities', { params: { query: { contactId: customer.id, limit: 5 } } }),
  ]);
  return { record: { contact: customer, insights, activities: activities.data } };
};

function shadowOf(card: Element | null | undefined): ShadowRoot {
  if (!card?.shadowRoot) throw new Error('no rendered <chorus-contact-card> in the story');
  return card.shadowRoot;
}

/**
 * Testing Library queries inside a card: its `base` part as rendered now (the skeleton's is replaced
 * by the contact's), so call it again after the card changes state.
 */
function inCard(card: Element | null | undefined) {
  const base = shadowOf(card).querySelector<HTMLElement>('[part~="base"]');
  if (!base) throw new Error('the card rendered no base part');
  return within(base);
}

function cards(canvasElement: HTMLElement): HTMLElementTagNameMap['chorus-contact-card'][] {
  return [...canvasElement.querySelectorAll('chorus-contact-card')];
}

/** Waits until the card shows the contact's name (loaded, or given). */
async function expectName(card: Element | undefined, contact: Pick<Contact, 'firstName' | 'lastName'>) {
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  await waitFor(() => expect(inCard(card).getByText(name)).toBeVisible(), { timeout: 10_000 });
}

function badge(card: Element | undefined): HTMLElement {
  const found = shadowOf(card).querySelector<HTMLElement>('[part~="badge"]');
  if (!found) throw new Error('the card shows no lifecycle badge');
  return found;
}

const renderCard = (args: CardArgs) => html`
  <chorus-contact-card
    contact-id=${ifDefined(args.contactId || undefined)}
    variant=${args.variant}
    ?editable=${args.editable}
    ?quick-actions=${args.quickActions}
    ?associations=${args.associations}
    theme=${ifDefined(args.theme)}
    locale=${ifDefined(args.locale || undefined)}
    .messages=${args.messages ?? {}}
    .contact=${args.contact}
    .insights=${args.insights}
    .activities=${args.activities}
    @chorus-contact-select=${args.onChorusContactSelect}
    @chorus-contact-change=${args.onChorusContactChange}
    @chorus-association-open=${args.onChorusAssociationOpen}
  ></chorus-contact-card>
`;

const meta = {
  title: 'Contact card',
  component: 'chorus-contact-card',
  args: {
    variant: 'full',
    editable: false,
    quickActions: false,
    associations: false,
    onChorusContactSelect: fn(),
    onChorusContactChange: fn(),
    onChorusAssociationOpen: fn(),
  },
  argTypes: {
    contactId: {
      control: 'text',
      description: 'The contact to load (`contact-id`). Empty in the Playground: the first seeded customer.',
    },
    variant: { control: 'inline-radio', options: CONTACT_CARD_VARIANTS },
    editable: { control: 'boolean' },
    quickActions: {
      control: 'boolean',
      description: 'Log a note, call or email, or schedule a task, from the card (`quick-actions`).',
    },
    associations: {
      control: 'boolean',
      description: "The contact's deals, open tickets and company, with counts (`associations`).",
    },
    theme: {
      control: 'inline-radio',
      options: THEMES,
      description: 'Forces a scheme for this card; by default it follows the provider (the toolbar).',
    },
    locale: {
      control: 'text',
      description: 'BCP 47 locale for this card; by default the provider’s (the toolbar’s).',
    },
    messages: {
      control: 'object',
      description:
        'Message overrides for this card, by key, e.g. `{ "contactCard.stage.customer": "Client" }`.',
      table: { category: 'properties', type: { summary: 'MessageOverrides' } },
    },
    contact: { control: 'object' },
    insights: { control: 'object' },
    activities: { control: 'object' },
  },
  render: renderCard,
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** Every public property as a control. With no `contact-id`, the first customer of the demo workspace. */
export const Playground: Story = {
  loaders: [loadSeededContacts],
  render: (args, { loaded }) =>
    renderCard({ ...args, contactId: args.contactId || (loaded as Loaded).customer.id }),
  play: async ({ canvasElement, loaded }) => {
    const { customer } = loaded as Loaded;
    await expectName(cards(canvasElement)[0], customer);
  },
};

/** Connected: the card loads a customer, its insights and recent activity by `contact-id`. */
export const Full: Story = {
  loaders: [loadSeededContacts],
  render: (args, { loaded }) => renderCard({ ...args, contactId: (loaded as Loaded).customer.id }),
  play: async ({ canvasElement, loaded, args }) => {
    const { customer } = loaded as Loaded;
    const [card] = cards(canvasElement);
    await expectName(card, customer);
    await expect(badge(card)).toHaveTextContent('Customer');
    const root = inCard(card);
    await waitFor(() => expect(root.getByText('Lifetime value')).toBeVisible(), { timeout: 10_000 });
    await userEvent.click(root.getByText(`${customer.firstName} ${customer.lastName}`.trim()));
    await expect(args.onChorusContactSelect).toHaveBeenCalled();
  },
};

/**
 * With quick actions and associations: the customer's deals (open and won, with values), open
 * tickets and company; activating one fires `chorus-association-open` for the page to open it.
 * Nothing is logged here: logging is played in the sales workspace's test-only walk.
 */
export const ActionsAndAssociations: Story = {
  name: 'Quick actions and associations',
  args: { quickActions: true, associations: true },
  loaders: [loadSeededContacts],
  render: (args, { loaded }) => renderCard({ ...args, contactId: (loaded as Loaded).customer.id }),
  play: async ({ canvasElement, loaded, args }) => {
    const [card] = cards(canvasElement);
    await expectName(card, (loaded as Loaded).customer);
    const root = inCard(card);
    await waitFor(() => expect(root.getByText('Associations')).toBeVisible(), { timeout: 10_000 });
    await waitFor(() => expect(root.getByText(/^Deals \(\d+\)$/)).toBeVisible(), { timeout: 10_000 });
    await expect(root.getByRole('button', { name: 'Log a call' })).toBeVisible();
    const company = shadowOf(card).querySelector<HTMLButtonElement>(
      '[part=associations] ul:last-of-type button',
    );
    if (company) {
      await userEvent.click(company);
      await expect(args.onChorusAssociationOpen).toHaveBeenCalled();
    }
  },
};

/** Avatar, name, company and lifecycle badge, for lists. */
export const Compact: Story = {
  args: { variant: 'compact' },
  loaders: [loadSeededContacts],
  render: (args, { loaded }) => renderCard({ ...args, contactId: (loaded as Loaded).customer.id }),
  play: async ({ canvasElement, loaded }) => {
    const { customer } = loaded as Loaded;
    const [card] = cards(canvasElement);
    await expectName(card, customer);
    await expect(badge(card)).toHaveTextContent('Customer');
    await expect(inCard(card).queryByText('Lifetime value')).toBeNull();
  },
};

/** A lead and a customer side by side: never treat a customer like a lead. */
export const LeadVsCustomer: Story = {
  name: 'Lead vs customer',
  args: { variant: 'compact' },
  loaders: [loadSeededContacts],
  render: (args, { loaded }) => {
    const { lead, customer } = loaded as Loaded;
    return html`<div style="display: grid; gap: 1rem; max-width: 28rem">
      ${renderCard({ ...args, contactId: lead.id })} ${renderCard({ ...args, contactId: customer.id })}
    </div>`;
  },
  play: async ({ canvasElement, loaded }) => {
    const { lead, customer } = loaded as Loaded;
    const [leadCard, customerCard] = cards(canvasElement);
    await expectName(leadCard, lead);
    await expectName(customerCard, customer);
    await expect(badge(leadCard)).toHaveTextContent('Lead');
    await expect(badge(customerCard)).toHaveTextContent('Customer');
    const look = (element: HTMLElement) => getComputedStyle(element).backgroundColor;
    await expect(look(badge(leadCard))).not.toBe(look(badge(customerCard)));
  },
};

/** Inline editing of the lifecycle stage and a few fields; saved optimistically, rolled back if refused. */
export const Editable: Story = {
  args: { editable: true },
  loaders: [loadSeededContacts],
  render: (args, { loaded }) => renderCard({ ...args, contactId: (loaded as Loaded).lead.id }),
  play: async ({ canvasElement, loaded }) => {
    const { lead } = loaded as Loaded;
    const [card] = cards(canvasElement);
    await expectName(card, lead);
    const root = inCard(card);
    await userEvent.click(root.getByRole('button', { name: /^Edit/ }));
    await expect(root.getByRole('button', { name: 'Save' })).toBeVisible();
    await userEvent.click(root.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(root.queryByRole('button', { name: 'Save' })).toBeNull());
  },
};

/** A well-formed id that no contact has: the card says so instead of staying blank. */
export const NotFound: Story = {
  name: 'Not found',
  args: { contactId: 'con_doesnotexist00' },
  play: async ({ canvasElement }) => {
    const [card] = cards(canvasElement);
    await waitFor(
      () => expect(inCard(card).getByText('No contact con_doesnotexist00 in this workspace.')).toBeVisible(),
      { timeout: 10_000 },
    );
  },
};

/** Data in by property: the app already has the contact, and the card makes no request. */
export const Presentational: Story = {
  loaders: [loadCustomerRecord],
  render: (args, { loaded }) => renderCard({ ...args, ...loaded.record }),
  play: async ({ canvasElement, loaded }) => {
    const [card] = cards(canvasElement);
    await expectName(card, loaded.record.contact);
    await expect(inCard(card).getByText('Lifetime value')).toBeVisible();
  },
};

const LONG_NAME = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(143).slice(0, 5000);

/** Markup, a `javascript:` address, right-to-left text and a 5,000-character name: shown as text, laid out sanely. */
export const HostileStrings: Story = {
  name: 'Hostile strings',
  loaders: [loadSeededContacts],
  render: (args, { loaded }) => {
    const { customer } = loaded as Loaded;
    const hostile: Contact[] = [
      {
        ...customer,
        firstName: '<img src=x onerror=alert(1)>',
        lastName: '"><script>alert(2)</script>',
        email: 'javascript:alert(3)',
      },
      { ...customer, firstName: 'نور', lastName: 'الهدى \u202Eevil.exe', title: 'مديرة المشتريات' },
      { ...customer, firstName: LONG_NAME, lastName: '' },
    ];
    return html`<div style="display: grid; gap: 1rem; max-width: 32rem" data-testid="column">
      ${hostile.map((contact) => renderCard({ ...args, variant: 'compact', contact }))}
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const all = cards(canvasElement);
    await expect(all).toHaveLength(3);
    const [markup, rtl, long] = all;
    await waitFor(() =>
      expect(inCard(markup).getByRole('button', { name: /^<img src=x onerror=alert\(1\)>/ })).toBeVisible(),
    );
    for (const card of all) {
      await expect(shadowOf(card).querySelector('img, script')).toBeNull();
      for (const link of shadowOf(card).querySelectorAll('a')) {
        await expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
      }
    }
    const rtlName = inCard(rtl).getByRole('button', { name: /^نور الهدى/ });
    await expect(rtlName).toBeVisible();
    await expect(getComputedStyle(rtlName).direction).toBe('rtl');
    const column = within(canvasElement).getByTestId('column').getBoundingClientRect();
    await expect(long!.getBoundingClientRect().width).toBeLessThanOrEqual(column.width + 1);
    await expect(long!.getBoundingClientRect().height).toBeLessThan(400);
  },
};

/** The provider's theme (the toolbar's) set to dark. */
export const DarkTheme: Story = {
  name: 'Dark theme',
  globals: { theme: 'dark' },
  loaders: [loadSeededContacts],
  render: (args, { loaded }) => renderCard({ ...args, contactId: (loaded as Loaded).customer.id }),
  play: async ({ canvasElement, loaded }) => {
    const [card] = cards(canvasElement);
    await expectName(card, (loaded as Loaded).customer);
    await expect(getComputedStyle(card!).colorScheme).toBe('dark');
  },
};

/** No `<chorus-provider>` and no data: a clear configuration error, not a blank box. */
export const ProviderMissing: Story = {
  name: 'Provider missing',
  args: { contactId: 'con_doesnotexist00' },
  parameters: { chorusProvider: false },
  play: async ({ canvasElement }) => {
    const [card] = cards(canvasElement);
    await waitFor(() => expect(inCard(card).getByText(/Chorus is not configured here/)).toBeVisible());
  },
};
