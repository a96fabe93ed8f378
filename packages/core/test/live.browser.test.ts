import type { Contact } from '@chorus/sdk';
import { html, render } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describe, expect, it } from 'vitest';
import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import { call, until } from '@chorus/testing/browser';
import { ChorusElement, QueryController } from '../src/index.js';
import '../src/define.js';

/** One contact's name, read through the provider's cache. */
@customElement('test-live-name')
class TestLiveName extends ChorusElement {
  @property({ attribute: 'contact-id' }) contactId?: string;
  readonly query = new QueryController<Contact>(this, (queries) =>
    this.contactId ? queries.contacts.detail(this.contactId) : null,
  );
  override render() {
    return html`<p>${this.query.data ? `${this.query.data.firstName} ${this.query.data.lastName}` : '…'}</p>`;
  }
}

function page(api: BrowserApiInfo, contactId: string, live?: 'off') {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    html`<chorus-provider base-url=${api.url} live=${live ?? 'on'} .getToken=${async () => api.sessionToken}>
      <test-live-name contact-id=${contactId}></test-live-name>
    </chorus-provider>`,
    root,
  );
  const name = () =>
    root.querySelector<TestLiveName>('test-live-name')!.shadowRoot?.textContent?.trim() ?? '';
  return { root, name };
}

const streams = async () =>
  (await testApi.requests()).filter((r) => r.method === 'GET' && r.path === '/v1/events').length;

describe('a provider signed in with a session follows the workspace live', () => {
  it('shows a name another person changed within a second, on one stream', async () => {
    const api = await testApi.freshWorkspace();
    const contact = await call<Contact>(api, 'POST', '/v1/contacts', { firstName: 'Ana', lastName: 'Lima' });
    await testApi.resetRequests();
    const { root, name } = page(api, contact.id);
    await until(() => name() === 'Ana Lima', 'the name');
    await until(async () => (await streams()) === 1, 'the change stream');
    // Someone else renames her (their own call, not through this page).
    await call(api, 'PATCH', `/v1/contacts/${contact.id}`, { lastName: 'Lima Souza' }, { 'If-Match': '"1"' });
    await until(() => name() === 'Ana Lima Souza', 'the new name', 2_000);
    expect(await streams()).toBe(1);
    root.remove();
  });

  it('with live="off" opens no stream and shows the change only when asked again', async () => {
    const api = await testApi.freshWorkspace();
    const contact = await call<Contact>(api, 'POST', '/v1/contacts', { firstName: 'Bo', lastName: 'Berg' });
    await testApi.resetRequests();
    const { root, name } = page(api, contact.id, 'off');
    await until(() => name() === 'Bo Berg', 'the name');
    await call(api, 'PATCH', `/v1/contacts/${contact.id}`, { lastName: 'Bergström' }, { 'If-Match': '"1"' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(name()).toBe('Bo Berg');
    expect(await streams()).toBe(0);
    root.remove();
  });
});
