import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
import type { ChorusProvider } from '@chorus/core';
import type { ChorusContactSelectEvent } from '@chorus/contact-card';
import type { Contact } from '@chorus/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import '@chorus/core/define';
import '@chorus/contact-card/define';
import '@chorus/metrics-tiles/define';
import { KNOWN_PERIOD, knownWorkspace, shownName } from './support.js';

let known: BrowserApiInfo;
let contacts: [Contact, Contact];

beforeAll(async () => {
  ({ api: known, contacts } = await knownWorkspace());
});

describe('plain HTML, no framework', () => {
  it('renders from markup, reports events to a listener and re-renders on an attribute change', async () => {
    // What a page author writes: markup, then one line of script for the token callback.
    document.body.innerHTML = `
      <chorus-provider base-url="${known.url}" locale="en-US">
        <chorus-contact-card contact-id="${contacts[0].id}"></chorus-contact-card>
        <chorus-metric-tile metric="average_rating" period="custom" from="${KNOWN_PERIOD.from}" to="${KNOWN_PERIOD.to}"></chorus-metric-tile>
      </chorus-provider>`;
    const provider = document.querySelector('chorus-provider') as ChorusProvider;
    provider.getToken = async () => known.sessionToken;
    const card = document.querySelector('chorus-contact-card')!;

    // The names the test gave its contacts, and the average of its ratings (5, 4, 4) to one decimal.
    await expect.poll(() => shownName(card), { timeout: 15_000 }).toBe('Ada Lovelace');
    await expect
      .poll(
        () =>
          document
            .querySelector('chorus-metric-tile')
            ?.shadowRoot?.querySelector('[part=value]')
            ?.textContent?.trim(),
        { timeout: 15_000 },
      )
      .toBe('4.3');

    const selected: string[] = [];
    document.addEventListener('chorus-contact-select', (event: ChorusContactSelectEvent) =>
      selected.push(event.contactId),
    );
    card.shadowRoot!.querySelector<HTMLButtonElement>('button[part=name]')!.click();
    expect(selected).toEqual([contacts[0].id]);

    card.setAttribute('contact-id', contacts[1].id);
    await expect.poll(() => shownName(card), { timeout: 15_000 }).toBe('Grace Hopper');
  });
});
