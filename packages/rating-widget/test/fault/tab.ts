/**
 * A tab of the fault suite: a shop page with one `<chorus-rating>` per subject, driven by the suite
 * through Playwright (`tab-commands.ts`) as a visitor would: choose a score, write a comment, send.
 */
import '../../src/define.js';
import type { ChorusRating } from '../../src/index.js';

export interface TabPage {
  api: string;
  publishableKey: string;
  subjects: string[];
}

const widgets = () => [...document.querySelectorAll('chorus-rating')] as ChorusRating[];

/** What the visitor sees of each widget: its status line, its alert, and its buttons. */
function shown(element: ChorusRating) {
  const root = element.shadowRoot!;
  return {
    subject: element.subject!,
    status: root.querySelector('[role=status]')?.textContent?.trim() ?? '',
    alert: root.querySelector('[role=alert]')?.textContent?.trim() ?? '',
    buttons: [...root.querySelectorAll('button')].map((button) => button.textContent!.trim()),
  };
}

const chorusTab = {
  shown: () => widgets().map(shown),
  /** The outbox's entries in this origin's storage (shared by every tab). */
  outbox: () => Object.keys(localStorage).filter((key) => key.startsWith('chorus-rating-outbox:')),
  /** The entries themselves: what is waiting, how often it was tried, and when it is due. */
  entries: () =>
    chorusTab.outbox().map((key) => {
      const { body, attempts, due } = JSON.parse(localStorage.getItem(key)!);
      return { subject: body.subject, attempts, dueInMs: due - Date.now() };
    }),
  /** Rates each subject (score 1-5 from its position) with a comment that names the rating. */
  async rate(ratings: { subject: string; comment: string }[]) {
    // The API takes a submission within 1.5 s of the page's start for a script's.
    while (performance.now() < 1700) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const [i, { subject, comment }] of ratings.entries()) {
      const element = widgets().find((w) => w.subject === subject)!;
      await element.updateComplete;
      const radios = element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
      radios[i % radios.length]!.click();
      await element.updateComplete;
      const textarea = element.shadowRoot!.querySelector('textarea')!;
      textarea.value = comment;
      textarea.dispatchEvent(new InputEvent('input'));
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
    }
  },
  /** Presses the widget's Try again. */
  tryAgain(subject: string) {
    const element = widgets().find((w) => w.subject === subject)!;
    const button = [...element.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Try again',
    );
    if (!button) throw new Error(`no Try again on ${subject}: ${JSON.stringify(shown(element))}`);
    button.click();
  },
  /** The browser's `online` event, as when a device's connection comes back. */
  online: () => void dispatchEvent(new Event('online')),
};

declare global {
  interface Window {
    chorusTab: typeof chorusTab;
  }
}
window.chorusTab = chorusTab;

// The page's setup comes in its URL, as a shop's page would have its own markup.
const setup = JSON.parse(new URLSearchParams(location.search).get('page') ?? 'null') as TabPage | null;
if (setup) {
  for (const subject of setup.subjects) {
    const element = document.createElement('chorus-rating');
    element.setAttribute('base-url', setup.api);
    element.setAttribute('publishable-key', setup.publishableKey);
    element.setAttribute('subject', subject);
    element.setAttribute('comment', 'optional');
    document.body.append(element);
  }
}
