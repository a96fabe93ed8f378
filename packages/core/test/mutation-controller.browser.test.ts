import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import { ChorusError, type Contact } from '@chorus/sdk';
import type { ContactEdit } from '@chorus/sdk/query';
import type { MutationCacheNotifyEvent } from '@tanstack/query-core';
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { mount, shadowTextOf } from '@chorus/testing/browser';
import { ChorusElement, type ChorusProvider, MutationController, QueryController } from '../src/index.js';
import '../src/define.js';

/** The smallest real writer: renames a contact through the mutation controller, and shows its status. */
@customElement('test-contact-rename')
class TestContactRename extends ChorusElement {
  readonly rename = new MutationController<Contact, ContactEdit>(this, (queries) =>
    queries.contacts.update(),
  );
  /** Every status the host rendered, in order: what a user would have seen. */
  readonly rendered: string[] = [];
  override render() {
    if (this.rendered.at(-1) !== this.rename.status) this.rendered.push(this.rename.status);
    return html`<p>${this.rename.status}</p>`;
  }
}

/** A reader of the same contact, through the query controller and the same provider. */
@customElement('test-contact-first-name')
class TestContactFirstName extends ChorusElement {
  @property({ attribute: 'contact-id' }) contactId?: string;
  readonly query = new QueryController<Contact>(this, (queries) =>
    this.contactId ? queries.contacts.detail(this.contactId) : null,
  );
  override render() {
    return html`<p>${this.query.data?.firstName ?? ''}</p>`;
  }
}

// A workspace of the suite's own: these tests write.
let api: BrowserApiInfo;

beforeAll(async () => {
  api = await testApi.freshWorkspace();
});

async function createContact(firstName: string): Promise<Contact> {
  const response = await fetch(`${api.url}/v1/contacts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${api.sessionToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ firstName, lastName: 'Test' }),
  });
  if (!response.ok) throw new Error(`POST /v1/contacts: ${response.status} ${await response.text()}`);
  return (await response.json()) as Contact;
}

async function readContact(id: string): Promise<Contact> {
  const response = await fetch(`${api.url}/v1/contacts/${id}`, {
    headers: { Authorization: `Bearer ${api.sessionToken}` },
  });
  return (await response.json()) as Contact;
}

const provider = (children: unknown) =>
  html`<chorus-provider base-url=${api.url} .getToken=${async () => api.sessionToken}>${children}</chorus-provider>`;

const patches = async (id: string) =>
  (await testApi.requests()).filter((r) => r.method === 'PATCH' && r.path === `/v1/contacts/${id}`);

describe('the mutation controller', () => {
  it('sends a change to the real API and renders idle, pending, then success', async () => {
    const contact = await createContact('Ada');
    const root = mount(provider(html`<test-contact-rename></test-contact-rename>`));
    const host = root.querySelector('test-contact-rename') as TestContactRename;
    await host.updateComplete;
    expect(host.rename.status).toBe('idle');
    await testApi.resetRequests();

    const saving = host.rename.mutate({
      id: contact.id,
      version: contact.version,
      changes: { firstName: 'Augusta' },
    });
    await host.updateComplete;
    expect(shadowTextOf(host)).toBe('pending');
    const saved = await saving;
    await host.updateComplete;

    expect(saved.firstName).toBe('Augusta');
    expect(saved.version).toBe(contact.version + 1);
    expect(host.rename.status).toBe('success');
    expect(host.rename.error).toBeNull();
    expect(host.rendered).toEqual(['idle', 'pending', 'success']);
    expect(await patches(contact.id)).toHaveLength(1);
    expect((await readContact(contact.id)).firstName).toBe('Augusta');
    root.remove();
  });

  it('rejects with the server’s typed error on a stale version, shows it, and reset() clears it', async () => {
    const contact = await createContact('Grace');
    const root = mount(provider(html`<test-contact-rename></test-contact-rename>`));
    const host = root.querySelector('test-contact-rename') as TestContactRename;
    await host.updateComplete;

    const stale = host.rename.mutate({
      id: contact.id,
      version: contact.version + 5,
      changes: { firstName: 'X' },
    });
    const error = await stale.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ChorusError);
    expect((error as ChorusError).status).toBe(412);
    await host.updateComplete;
    expect(host.rename.status).toBe('error');
    expect(host.rename.error).toBe(error);
    expect(shadowTextOf(host)).toBe('error');
    expect((await readContact(contact.id)).firstName).toBe('Grace');

    host.rename.reset();
    await host.updateComplete;
    expect(host.rename.status).toBe('idle');
    expect(host.rename.error).toBeNull();
    expect(shadowTextOf(host)).toBe('idle');
    root.remove();
  });

  it('keeps showing an error after the host moves on the page, and reset() still clears it', async () => {
    const contact = await createContact('Mary');
    const root = mount(
      provider(html`<div id="a"><test-contact-rename></test-contact-rename></div><div id="b"></div>`),
    );
    const host = root.querySelector('test-contact-rename') as TestContactRename;
    await host.updateComplete;
    await host.rename
      .mutate({ id: contact.id, version: contact.version + 5, changes: { firstName: 'X' } })
      .catch(() => undefined);
    await host.updateComplete;
    expect(host.rename.status).toBe('error');
    // A page that moves the element (a re-sorted list, a dialog) disconnects and reconnects it.
    root.querySelector('#b')!.append(host);
    await host.updateComplete;
    expect(shadowTextOf(host)).toBe('error');
    host.rename.reset();
    await host.updateComplete;
    expect(host.rename.status).toBe('idle');
    expect(shadowTextOf(host)).toBe('idle');
    root.remove();
  });

  it('shows the change in every element reading the same contact through the provider', async () => {
    const contact = await createContact('Hedy');
    const root = mount(
      provider(html`<test-contact-first-name contact-id=${contact.id}></test-contact-first-name
        ><test-contact-rename></test-contact-rename>`),
    );
    const reader = root.querySelector('test-contact-first-name') as TestContactFirstName;
    const host = root.querySelector('test-contact-rename') as TestContactRename;
    await expect.poll(() => shadowTextOf(reader), { timeout: 10_000 }).toBe('Hedy');
    await host.rename.mutate({
      id: contact.id,
      version: contact.version,
      changes: { firstName: 'Katherine' },
    });
    await expect.poll(() => shadowTextOf(reader), { timeout: 10_000 }).toBe('Katherine');
    root.remove();
  });

  it('without a provider, refuses to send and says why', async () => {
    const contact = await createContact('Radia');
    const root = mount(html`<test-contact-rename></test-contact-rename>`);
    const host = root.querySelector('test-contact-rename') as TestContactRename;
    await host.updateComplete;
    await testApi.resetRequests();
    await expect(
      host.rename.mutate({ id: contact.id, version: contact.version, changes: { firstName: 'X' } }),
    ).rejects.toThrow('No Chorus provider');
    expect(host.rename.status).toBe('idle');
    expect(await patches(contact.id)).toHaveLength(0);
    root.remove();
  });

  it('lets go of its mutation observer when the host leaves the page, every time', async () => {
    const contact = await createContact('Barbara');
    const root = mount(provider(html`<test-contact-rename></test-contact-rename>`));
    const providerElement = root.querySelector('chorus-provider') as ChorusProvider;
    const host = root.querySelector('test-contact-rename') as TestContactRename;
    await host.updateComplete;
    const mutationCache = host.chorusEnvironment!.queryClient.getMutationCache();
    // The cache announces every observer that attaches to a mutation and every one that lets go.
    let observers = 0;
    const stopCounting = mutationCache.subscribe((event: MutationCacheNotifyEvent) => {
      if (event.type === 'observerAdded') observers++;
      if (event.type === 'observerRemoved') observers--;
    });
    try {
      let version = contact.version;
      for (let i = 0; i < 20; i++) {
        if (!host.isConnected) providerElement.append(host);
        version = (
          await host.rename.mutate({ id: contact.id, version, changes: { firstName: `Barbara ${i}` } })
        ).version;
        expect(observers).toBe(1);
        host.remove();
        expect(observers).toBe(0);
      }
      // Twenty saves, each kept by the server, and none of their observers left behind.
      expect(version).toBe(contact.version + 20);
      expect(mutationCache.getAll().every((mutation) => mutation.state.status === 'success')).toBe(true);
    } finally {
      stopCounting();
      root.remove();
    }
  });
});
