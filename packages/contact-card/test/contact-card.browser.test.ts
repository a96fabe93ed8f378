import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { Contact, ContactInsights } from '@chorus/sdk';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { call, expectNoAxeViolations, shadowTextOf, until, withProvider } from '@chorus/testing/browser';
import type { ChorusContactCard, ChorusContactChangeEvent, ChorusContactSelectEvent } from '../src/index.js';
import { createContact, mount, shadow } from './support.js';

let demo: BrowserApiInfo;
let customer: Contact;
let lead: Contact;

beforeAll(async () => {
  demo = await testApi.demo();
  customer = (await call<{ data: Contact[] }>(demo, 'GET', '/v1/contacts?lifecycleStage=customer&limit=1'))
    .data[0]!;
  lead = (await call<{ data: Contact[] }>(demo, 'GET', '/v1/contacts?lifecycleStage=lead&limit=1')).data[0]!;
});

/** Every card in `root` shows its contact's name. */
const allShown = (root: HTMLElement) =>
  [...root.querySelectorAll('chorus-contact-card')].every(
    (card) => !!card.shadowRoot?.querySelector('[part=name]'),
  );

const cardIn = (root: HTMLElement) => root.querySelector('chorus-contact-card') as ChorusContactCard;

describe('connected to the real API', () => {
  it('shows a seeded customer in full: company, stage, insights as the API computes them, recent activity', async () => {
    const insights = await call<ContactInsights>(demo, 'GET', `/v1/contacts/${customer.id}/insights`);
    const company = await call<{ name: string }>(demo, 'GET', `/v1/companies/${customer.companyId}`);
    const root = mount(
      withProvider(demo, html`<chorus-contact-card contact-id=${customer.id}></chorus-contact-card>`),
    );
    const card = cardIn(root);
    await until(
      () => shadowTextOf(card).includes('Recent activity') && shadowTextOf(card).includes(company.name),
      'the full card',
    );
    const text = shadowTextOf(card);
    expect(text).toContain(`${customer.firstName} ${customer.lastName}`);
    expect(shadow(card).querySelector('[part=badge]')?.textContent).toContain('Customer');
    const money = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: insights.lifetimeValue.currency,
    });
    expect(text).toContain(money.format(insights.lifetimeValue.amount / 100));
    expect(text).toContain(`Orders ${insights.orderCount}`);
    expect(shadow(card).querySelector('a[href^="mailto:"]')?.getAttribute('href')).toBe(
      `mailto:${customer.email}`,
    );
    await expectNoAxeViolations(card);
    await page.screenshot({ path: '../screenshots/contact-card-light.png', element: card });
    root.remove();
  });

  it('compact shows who and what they are, without insights', async () => {
    const root = mount(
      withProvider(
        demo,
        html`<chorus-contact-card variant="compact" contact-id=${lead.id}></chorus-contact-card>`,
      ),
    );
    const card = cardIn(root);
    await until(() => shadowTextOf(card).includes(lead.firstName), 'the compact card');
    expect(shadowTextOf(card)).not.toContain('Insights');
    expect(shadow(card).querySelector('[part=badge]')?.textContent).toContain('Lead');
    await expectNoAxeViolations(card);
    await page.screenshot({ path: '../screenshots/contact-card-compact.png', element: card });
    root.remove();
  });

  it('makes leads and customers look different', async () => {
    const root = mount(
      withProvider(
        demo,
        html`<chorus-contact-card variant="compact" contact-id=${lead.id}></chorus-contact-card>
          <chorus-contact-card variant="compact" contact-id=${customer.id}></chorus-contact-card>`,
      ),
    );
    const [leadCard, customerCard] = [...root.querySelectorAll('chorus-contact-card')] as ChorusContactCard[];
    await until(
      () =>
        !!shadow(leadCard!).querySelector('[part=badge]') &&
        !!shadow(customerCard!).querySelector('[part=badge]'),
      'badges',
    );
    const look = (card: ChorusContactCard) => {
      const style = getComputedStyle(shadow(card).querySelector('[part=badge]')!);
      return `${style.backgroundColor} ${style.borderStyle}`;
    };
    expect(look(leadCard!)).not.toBe(look(customerCard!));
    root.remove();
  });

  it('follows a dark provider theme', async () => {
    const root = mount(
      withProvider(demo, html`<chorus-contact-card contact-id=${customer.id}></chorus-contact-card>`, {
        theme: 'dark',
      }),
    );
    const card = cardIn(root);
    await until(() => shadowTextOf(card).includes('Recent activity'), 'the full card');
    const background = getComputedStyle(shadow(card).querySelector('[part=base]')!).backgroundColor;
    expect(background).toBe('rgb(22, 25, 29)');
    await expectNoAxeViolations(card);
    await page.screenshot({ path: '../screenshots/contact-card-dark.png', element: card });
    root.remove();
  });

  it('says plainly when the contact does not exist', async () => {
    const root = mount(
      withProvider(demo, html`<chorus-contact-card contact-id="con_doesnotexist00"></chorus-contact-card>`),
    );
    const card = cardIn(root);
    await until(() => shadowTextOf(card).includes('No contact'), 'not found');
    expect(shadow(card).querySelector('[role=alert]')?.textContent).toContain(
      'No contact con_doesnotexist00 in this workspace.',
    );
    await expectNoAxeViolations(card);
    root.remove();
  });

  it('shows a skeleton while loading, then an error, and on retry asks the server again and shows the contact', async () => {
    // The embedding app's backend hands out a token the API refuses (revoked), until it recovers.
    let recovered = false;
    const getToken = async () => (recovered ? demo.sessionToken : 'st_revoked00000000000000');
    await testApi.resetRequests();
    const root = mount(
      html`<chorus-provider base-url=${demo.url} locale="en-US" .getToken=${getToken}
        ><chorus-contact-card contact-id=${customer.id}></chorus-contact-card
      ></chorus-provider>`,
    );
    const card = cardIn(root);
    await card.updateComplete;
    expect(shadow(card).querySelector('[role=status]')?.getAttribute('aria-label')).toBe('Loading contact');
    await until(() => !!shadow(card).querySelector('[role=alert] button'), 'the error state', 20_000);
    expect(shadowTextOf(card)).toContain('could not be loaded');
    expect(shadow(card).querySelector('[part=name]')).toBeNull();
    // The contact's reads that reached the server: sent, refused, sent again with a fresh token, refused.
    const reads = async () =>
      (await testApi.requests()).filter(
        (r) =>
          r.method === 'GET' &&
          (r.path === `/v1/contacts/${customer.id}` ||
            (r.path === '/v1/contacts' &&
              new URLSearchParams(r.search).get('ids')?.split(',').includes(customer.id))),
      );
    const refused = (await reads()).length;
    expect(refused).toBe(2);

    recovered = true;
    shadow(card).querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await until(() => shadow(card).querySelector('[part=name]') !== null, 'the contact after the retry');
    expect(shadow(card).querySelector('[part=name]')?.textContent?.trim()).toBe(
      `${customer.firstName} ${customer.lastName}`,
    );
    expect(shadow(card).querySelector('[role=alert]')).toBeNull();
    // The retry went to the server: the old token once more (refused), then the fresh one.
    expect(await reads()).toHaveLength(refused + 2);
    root.remove();
  });

  it('without a provider or data, explains how to configure it', async () => {
    const root = mount(html`<chorus-contact-card contact-id=${customer.id}></chorus-contact-card>`);
    const card = cardIn(root);
    await card.updateComplete;
    expect(shadowTextOf(card)).toContain('<chorus-provider');
    root.remove();
  });

  it('ten cards of one contact make one request, ten cards of ten contacts one more', async () => {
    const ids = (await call<{ data: Contact[] }>(demo, 'GET', '/v1/contacts?limit=30')).data
      .slice(20, 30)
      .map((c) => c.id);
    const contactReads = async () =>
      (await testApi.requests()).filter((r) => r.method === 'GET' && r.path.startsWith('/v1/contacts'));
    await testApi.resetRequests();
    const same = mount(
      withProvider(
        demo,
        html`${Array.from({ length: 10 }, () => html`<chorus-contact-card variant="compact" contact-id=${ids[0]}></chorus-contact-card>`)}`,
      ),
    );
    await until(() => allShown(same), 'ten same cards');
    expect(await contactReads()).toHaveLength(1);
    await testApi.resetRequests();
    const different = mount(
      withProvider(
        demo,
        html`${ids.map((id) => html`<chorus-contact-card variant="compact" contact-id=${id}></chorus-contact-card>`)}`,
      ),
    );
    await until(() => allShown(different), 'ten different cards');
    expect(await contactReads()).toHaveLength(1);
    same.remove();
    different.remove();
  });
});

describe('presentational', () => {
  it('renders a given contact and makes no request for it', async () => {
    await testApi.resetRequests();
    const root = mount(html`<chorus-contact-card variant="compact" .contact=${lead}></chorus-contact-card>`);
    const card = cardIn(root);
    await card.updateComplete;
    expect(shadowTextOf(card)).toContain(lead.firstName);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await testApi.requests()).filter((r) => r.path.startsWith('/v1/contacts'))).toEqual([]);
    root.remove();
  });

  it('renders hostile strings inert and keeps its shape', async () => {
    const hostile: Contact = {
      ...lead,
      id: 'con_hostile0001',
      firstName: '<img src=x onerror="window.__pwned=1">',
      lastName: 'x'.repeat(5000),
      title: 'مدير المشتريات',
      email: 'javascript:alert(1)',
      phone: '"><script>window.__pwned=2</script>',
      tags: ['<b>bold</b>', 'invoice\u202Efdp.exe'],
    };
    const root = mount(html`<chorus-contact-card .contact=${hostile}></chorus-contact-card>`);
    const card = cardIn(root);
    await card.updateComplete;
    const dom = shadow(card);
    expect(dom.querySelector('img, script, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect([...dom.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([]);
    expect(dom.querySelector('[part=name]')?.textContent).toContain('<img src=x');
    expect(card.getBoundingClientRect().height).toBeLessThan(400);
    expect(card.getBoundingClientRect().width).toBeLessThanOrEqual(420);
    expect(dom.querySelector('.subtitle')?.getAttribute('dir')).toBe('auto');
    // A right-to-left override would make the tag read as 'invoiceexe.pdf'.
    expect(dom.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(dom.textContent).toContain('invoicefdp.exe');
    root.remove();
  });
});

/** A new contact in a workspace of its own, shown in an editable compact card once it has loaded. */
async function editableCard(contactFields: Record<string, unknown>, live: 'on' | 'off' = 'on') {
  const ws = await testApi.freshWorkspace();
  const contact = await createContact(ws, contactFields);
  const root = mount(
    withProvider(
      ws,
      html`<chorus-contact-card editable variant="compact" contact-id=${contact.id}></chorus-contact-card>`,
      { live },
    ),
  );
  const card = cardIn(root);
  await until(() => !!shadow(card).querySelector('[part=name]'), 'the card');
  return { ws, contact, root, card };
}

describe('editing', () => {
  it('saves a change with the keyboard alone and the server keeps it', async () => {
    const { ws, contact, root, card } = await editableCard({
      firstName: 'Keyboard',
      lastName: 'User',
      lifecycleStage: 'lead',
    });
    const selected: string[] = [];
    card.addEventListener('chorus-contact-select', (event: ChorusContactSelectEvent) =>
      selected.push(event.contactId),
    );
    await until(() => shadowTextOf(card).includes('Keyboard User'), 'the card');

    shadow(card).querySelector<HTMLButtonElement>('[part=name]')!.focus();
    await userEvent.keyboard('{Enter}');
    expect(selected).toEqual([contact.id]);
    await userEvent.tab();
    expect(shadow(card).activeElement?.textContent).toBe('Edit');
    await userEvent.keyboard('{Enter}');
    await until(() => !!shadow(card).querySelector('form'), 'the editor');
    const select = shadow(card).querySelector('select')!;
    select.focus();
    await userEvent.selectOptions(select, 'sales_qualified');
    await userEvent.tab();
    await userEvent.keyboard('Producer');
    await userEvent.keyboard('{Enter}');
    await until(() => shadowTextOf(card).includes('Saved.'), 'saved');
    expect(shadow(card).querySelector('[part=badge]')?.textContent).toContain('Sales qualified');
    const stored = await call<Contact>(ws, 'GET', `/v1/contacts/${contact.id}`);
    expect(stored).toMatchObject({ lifecycleStage: 'sales_qualified', title: 'Producer', version: 2 });
    await expectNoAxeViolations(card);
    root.remove();
  });

  it('rolls back and shows the server’s reason when a customer would go back to a lead stage', async () => {
    // Not live: a live card would learn of the order at once and never offer the refused stage.
    // This is the card that has not heard yet (a dropped stream, or the second before the event).
    const { ws, contact, root, card } = await editableCard(
      { firstName: 'Aiko', lastName: 'Tanaka', lifecycleStage: 'lead' },
      'off',
    );
    await until(() => shadowTextOf(card).includes('Aiko'), 'the card');
    // Someone else's order makes her a customer while the card still shows a lead.
    await call(ws, 'POST', '/v1/orders', {
      contactId: contact.id,
      amount: { amount: 1000, currency: 'EUR' },
    });
    const changes: ChorusContactChangeEvent[] = [];
    card.addEventListener('chorus-contact-change', (event) => changes.push(event));
    shadow(card).querySelector<HTMLButtonElement>('.row button')!.click();
    await until(() => !!shadow(card).querySelector('form'), 'the editor');
    shadow(card).querySelector('select')!.value = 'sales_qualified';
    shadow(card).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => shadowTextOf(card).includes('Not saved'), 'the refusal');
    expect(changes).toHaveLength(1);
    expect(shadow(card).querySelector('[role=status]')?.textContent).toMatch(
      /Not saved: (Aiko Tanaka is a customer|The resource changed)/,
    );
    // The optimistic stage is rolled back and the card catches up with the server: a customer.
    await until(
      () => shadow(card).querySelector('[part=badge]')?.textContent?.includes('Customer') ?? false,
      'the server state',
    );
    const stored = await call<Contact>(ws, 'GET', `/v1/contacts/${contact.id}`);
    expect(stored.lifecycleStage).toBe('customer');
    root.remove();
  });

  it('a cancelled change event sends nothing', async () => {
    const { root, card } = await editableCard({ firstName: 'Vetoed' });
    await until(() => shadowTextOf(card).includes('Vetoed'), 'the card');
    card.addEventListener('chorus-contact-change', (event) => event.preventDefault());
    await testApi.resetRequests();
    shadow(card).querySelector<HTMLButtonElement>('.row button')!.click();
    await until(() => !!shadow(card).querySelector('form'), 'the editor');
    shadow(card).querySelector<HTMLInputElement>('input[name=title]')!.value = 'Never sent';
    shadow(card).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await testApi.requests()).filter((r) => r.method === 'PATCH')).toEqual([]);
    root.remove();
  });
});
