import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { ChorusContactCard } from '@chorus/contact-card';
import type { Contact } from '@chorus/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createApp, nextTick, ref } from 'vue';
import '@chorus/core/define';
import '@chorus/contact-card/define';
import { nameOf, shownName, twoCustomers } from './support.js';

let demo: BrowserApiInfo;
let customers: [Contact, Contact];

beforeAll(async () => {
  demo = await testApi.demo();
  customers = await twoCustomers(demo);
});

describe('a Vue page using the elements directly', () => {
  it('binds properties, listens to chorus-* events and re-renders on a reactive change', async () => {
    const selected = ref<string[]>([]);
    const contactId = ref(customers[0].id);
    const container = document.createElement('div');
    document.body.replaceChildren(container);
    const app = createApp({
      setup: () => ({
        apiUrl: demo.url,
        getToken: async () => demo.sessionToken,
        contactId,
        selected,
        next: () => {
          contactId.value = customers[1].id;
        },
      }),
      template: `
        <chorus-provider :base-url="apiUrl" :getToken.prop="getToken" locale="en-US">
          <button type="button" @click="next">Next contact</button>
          <chorus-contact-card :contactId.prop="contactId" @chorus-contact-select="selected.push($event.contactId)"></chorus-contact-card>
          <p id="selected">{{ selected.join(',') }}</p>
        </chorus-provider>`,
    });
    // Vue is told which tags are custom elements, as its docs say for any web component.
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('chorus-');
    app.mount(container);

    const card = container.querySelector('chorus-contact-card') as ChorusContactCard;
    await expect.poll(() => shownName(card), { timeout: 15_000 }).toBe(nameOf(customers[0]));

    card.shadowRoot!.querySelector<HTMLButtonElement>('button[part=name]')!.click();
    await nextTick();
    expect(container.querySelector('#selected')?.textContent).toBe(customers[0].id);

    await page.getByRole('button', { name: 'Next contact' }).click();
    expect(card.contactId).toBe(customers[1].id);
    await expect.poll(() => shownName(card), { timeout: 15_000 }).toBe(nameOf(customers[1]));
    app.unmount();
  });
});
