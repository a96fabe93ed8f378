import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { ChorusProvider } from '@chorus/core';
import type { ChorusContactSelectEvent } from '@chorus/contact-card';
import type { Contact } from '@chorus/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import '@chorus/core/define';
import '@chorus/contact-card/define';
import '@chorus/metrics-tiles/define';
import { nameOf, shownName, twoCustomers } from './support.js';

let demo: BrowserApiInfo;
let customers: [Contact, Contact];

beforeAll(async () => {
  demo = await testApi.demo();
  customers = await twoCustomers(demo);
});

describe('plain HTML, no framework', () => {
  it('renders from markup, reports events to a listener and re-renders on an attribute change', async () => {
    // What a page author writes: markup, then one line of script for the token callback.
    document.body.innerHTML = `
      <chorus-provider base-url="${demo.url}" locale="en-US">
        <chorus-contact-card contact-id="${customers[0].id}"></chorus-contact-card>
        <chorus-metric-tile metric="win_rate" period="90d"></chorus-metric-tile>
      </chorus-provider>`;
    const provider = document.querySelector('chorus-provider') as ChorusProvider;
    provider.getToken = async () => demo.sessionToken;
    const card = document.querySelector('chorus-contact-card')!;

    await expect.poll(() => shownName(card), { timeout: 15_000 }).toBe(nameOf(customers[0]));
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

    const selected: string[] = [];
    document.addEventListener('chorus-contact-select', (event: ChorusContactSelectEvent) =>
      selected.push(event.contactId),
    );
    card.shadowRoot!.querySelector<HTMLButtonElement>('button[part=name]')!.click();
    expect(selected).toEqual([customers[0].id]);

    card.setAttribute('contact-id', customers[1].id);
    await expect.poll(() => shownName(card), { timeout: 15_000 }).toBe(nameOf(customers[1]));
  });
});
