import type { Contact } from '@chorus/sdk';
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '@chorus/api/testing/browser-client';
import { mount, shadowTextOf } from '@chorus/testing/browser';
import { ChorusElement, type ChorusProvider, QueryController } from '../src/index.js';
import '../src/define.js';

/** The smallest real consumer: one contact's name through the query controller. */
@customElement('test-contact-name')
class TestContactName extends ChorusElement {
  @property({ attribute: 'contact-id' }) contactId?: string;
  readonly query = new QueryController<Contact>(this, (queries) =>
    this.contactId ? queries.contacts.detail(this.contactId) : null,
  );
  override render() {
    if (!this.chorusEnvironment) return html`<p>${this.msg('core.noProvider')}</p>`;
    if (this.query.status === 'success')
      return html`<p>${this.query.data?.firstName} ${this.query.data?.lastName}</p>`;
    return html`<p>${this.query.status}</p>`;
  }
}

let api: { url: string; sessionToken: string };
let contacts: Contact[];

beforeAll(async () => {
  api = await testApi.demo();
  const response = await fetch(`${api.url}/v1/contacts?limit=12`, {
    headers: { Authorization: `Bearer ${api.sessionToken}` },
  });
  contacts = ((await response.json()) as { data: Contact[] }).data;
});

const provider = (children: unknown, theme = 'auto') =>
  html`<chorus-provider base-url=${api.url} theme=${theme} .getToken=${async () => api.sessionToken}>${children}</chorus-provider>`;

async function settled(element: TestContactName) {
  await expect.poll(() => element.query.status, { timeout: 10_000 }).not.toBe('pending');
  await element.updateComplete;
}

describe('<chorus-provider> and the query controller', () => {
  it('reads a contact from the real API through the provider', async () => {
    const contact = contacts[0]!;
    const root = mount(provider(html`<test-contact-name contact-id=${contact.id}></test-contact-name>`));
    const element = root.querySelector('test-contact-name') as TestContactName;
    await settled(element);
    expect(shadowTextOf(element)).toBe(`${contact.firstName} ${contact.lastName}`);
    root.remove();
  });

  it('without a provider, an element says how to configure it instead of staying blank', async () => {
    const root = mount(html`<test-contact-name contact-id="con_doesnotexist00"></test-contact-name>`);
    const element = root.querySelector('test-contact-name') as TestContactName;
    await element.updateComplete;
    expect(shadowTextOf(element)).toContain('<chorus-provider');
    expect(element.query.status).toBe('idle');
    root.remove();
  });

  it('ten elements for one contact and ten for ten contacts make one request each', async () => {
    await testApi.resetRequests();
    const same = contacts[1]!.id;
    const different = contacts.slice(2, 12).map((c) => c.id);
    const root = mount(
      provider(html`
        ${Array.from({ length: 10 }, () => html`<test-contact-name contact-id=${same}></test-contact-name>`)}
        ${different.map((id) => html`<test-contact-name contact-id=${id}></test-contact-name>`)}
      `),
    );
    const elements = [...root.querySelectorAll('test-contact-name')] as TestContactName[];
    for (const element of elements) await settled(element);
    expect(elements.every((e) => e.query.status === 'success')).toBe(true);
    const requests = await testApi.requests();
    const contactReads = requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/contacts'));
    // The batcher folds all 11 distinct ids of this tick into one `?ids=` read.
    expect(contactReads).toHaveLength(1);
    expect(contactReads[0]!.search).toContain('ids=');
    root.remove();
  });

  it('lets go of its observer when the element leaves the page, every time', async () => {
    const contact = contacts[0]!;
    const root = mount(provider(html`<test-contact-name contact-id=${contact.id}></test-contact-name>`));
    const providerElement = root.querySelector('chorus-provider') as ChorusProvider;
    const element = root.querySelector('test-contact-name') as TestContactName;
    await settled(element);
    const queryClient = element.chorusEnvironment!.queryClient;
    const query = queryClient
      .getQueryCache()
      .find({ queryKey: element.chorusEnvironment!.queries.contacts.detail(contact.id).queryKey })!;
    expect(query.getObserversCount()).toBe(1);
    for (let i = 0; i < 50; i++) {
      element.remove();
      providerElement.append(element);
    }
    expect(query.getObserversCount()).toBe(1);
    element.remove();
    expect(query.getObserversCount()).toBe(0);
    root.remove();
  });

  it('passes its theme down as a custom state', async () => {
    const root = mount(provider(html`<test-contact-name></test-contact-name>`, 'dark'));
    const element = root.querySelector('test-contact-name') as TestContactName;
    await element.updateComplete;
    expect(element.matches(':state(dark)')).toBe(true);
    expect(getComputedStyle(element).colorScheme).toBe('dark');
    element.theme = 'light';
    await element.updateComplete;
    expect(element.matches(':state(light)')).toBe(true);
    root.remove();
  });

  it('can be configured by property right after it connects, without a false alarm', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      // What a page does with plain HTML and a module script that sets `getToken` afterwards.
      const root = document.createElement('div');
      root.innerHTML = `<chorus-provider base-url="${api.url}"><test-contact-name contact-id="${contacts[0]!.id}"></test-contact-name></chorus-provider>`;
      document.body.append(root);
      (root.querySelector('chorus-provider') as ChorusProvider).getToken = async () => api.sessionToken;
      const element = root.querySelector('test-contact-name') as TestContactName;
      await expect.poll(() => element.query.status, { timeout: 10_000 }).toBe('success');
      expect(errors).toEqual([]);
      root.remove();
    } finally {
      console.error = original;
    }
  });

  it('refuses a secret key in the browser', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const root = mount(
        html`<chorus-provider base-url=${api.url} publishable-key="sk_live_oops"><test-contact-name contact-id=${contacts[0]!.id}></test-contact-name></chorus-provider>`,
      );
      const element = root.querySelector('test-contact-name') as TestContactName;
      await element.updateComplete;
      expect(element.chorusEnvironment).toBeUndefined();
      expect(String(errors[0])).toContain('secret key must never be used in a browser');
      root.remove();
    } finally {
      console.error = original;
    }
  });
});
