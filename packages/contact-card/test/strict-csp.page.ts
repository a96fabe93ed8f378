// The page the strict-CSP test serves: contact cards in their richest states, under the policy.
import '@chorus/core/define';
import '../src/define.js';
import type { Contact } from '@chorus/sdk';
import { html, render } from 'lit';

export interface StrictCspPageData {
  api: string;
  token: string;
  /** A seeded customer with insights and activities, shown editable in the dark theme. */
  customerId: string;
  /** Contacts whose every free-text field is hostile, shown presentationally. */
  hostile: Contact[];
}

(window as unknown as { renderPage(data: StrictCspPageData): void }).renderPage = (data) => {
  const provider = (theme: string, token: string, children: unknown) =>
    html`<chorus-provider base-url=${data.api} theme=${theme} locale="en-US" .getToken=${async () => token}
      >${children}</chorus-provider
    >`;
  render(
    html`<main>
      ${provider(
        'dark',
        data.token,
        html`<chorus-contact-card id="editing" contact-id=${data.customerId} editable></chorus-contact-card>
          <chorus-contact-card id="missing" contact-id="con_doesnotexist"></chorus-contact-card>`,
      )}
      ${provider('light', 'st_revoked00000000000000', html`<chorus-contact-card id="failing" contact-id=${data.customerId}></chorus-contact-card>`)}
      ${data.hostile.map(
        (contact) =>
          html`<chorus-contact-card class="hostile" editable .contact=${contact}></chorus-contact-card>`,
      )}
    </main>`,
    document.body,
  );
};
