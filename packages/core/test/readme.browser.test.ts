import type { Contact } from '@chorus/sdk';
import { html, render } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '@chorus/api/testing/browser-client';
import { shadowTextOf } from '@chorus/testing/browser';
import '../src/define.js';
// The README's "Writing an element" (its third ts block, after the two of "Languages"), run as written: it defines <my-contact-name>.
import 'virtual:readme-snippet/3.ts';

let api: { url: string; sessionToken: string };
let contact: Contact;

beforeAll(async () => {
  api = await testApi.demo();
  const response = await fetch(`${api.url}/v1/contacts?limit=1`, {
    headers: { Authorization: `Bearer ${api.sessionToken}` },
  });
  [contact] = ((await response.json()) as { data: [Contact] }).data;
});

function mount(contactId?: string): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    html`<chorus-provider base-url=${api.url} .getToken=${async () => api.sessionToken}>
      <my-contact-name contact-id=${contactId ?? ''}></my-contact-name>
    </chorus-provider>`,
    root,
  );
  return root.querySelector('my-contact-name')!;
}

describe("the README's element", () => {
  it('shows the contact named by contact-id, read through the provider', async () => {
    const element = mount(contact.id);
    await expect
      .poll(() => shadowTextOf(element), { timeout: 10_000 })
      .toBe(`${contact.firstName} ${contact.lastName}`);
    element.closest('div')!.remove();
  });

  it('shows its own default message while it has no contact', async () => {
    const element = mount();
    await expect.poll(() => shadowTextOf(element)).toBe('No contact yet');
    element.closest('div')!.remove();
  });
});
