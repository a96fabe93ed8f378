// The page the bench loads in Chromium: renders N cards and reports how long until all show a name.
import '@chorus/core/define';
import '@chorus/contact-card/define';
import { assertDefined, until } from '@chorus/testing/bounded';
import type { Contact } from '@chorus/sdk';
import { html, render } from 'lit';

interface Run {
  mode: 'presentational' | 'connected';
  contacts: Contact[];
  api: { url: string; sessionToken: string };
}

function allShown(root: HTMLElement, count: number): boolean {
  const cards = root.querySelectorAll('chorus-contact-card');
  if (cards.length !== count) return false;
  for (const card of cards) if (!card.shadowRoot?.querySelector('[part=name]')) return false;
  return true;
}

/** Milliseconds from starting the render until every card shows its contact's name. */
async function renderCards({ mode, contacts, api }: Run): Promise<number> {
  assertDefined('chorus-provider', 'chorus-contact-card');
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const start = performance.now();
  const cards =
    mode === 'presentational'
      ? contacts.map(
          (contact) =>
            html`<chorus-contact-card variant="compact" .contact=${contact}></chorus-contact-card>`,
        )
      : contacts.map(
          (contact) =>
            html`<chorus-contact-card variant="compact" contact-id=${contact.id}></chorus-contact-card>`,
        );
  render(
    mode === 'presentational'
      ? html`${cards}`
      : html`<chorus-provider base-url=${api.url} locale="en-US" .getToken=${async () => api.sessionToken}>${cards}</chorus-provider>`,
    root,
  );
  await until(`${contacts.length} ${mode} cards to show their names`, () => allShown(root, contacts.length));
  return performance.now() - start;
}

(window as unknown as { renderCards: typeof renderCards }).renderCards = renderCards;
