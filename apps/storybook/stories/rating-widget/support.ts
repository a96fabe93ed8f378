/**
 * The demo workspace's publishable key. Publishable keys are public by design (they go into web
 * pages): this one can only submit ratings and read their summaries, from the demo's allowed origins.
 */
export const DEMO_PUBLISHABLE_KEY = 'pk_demo_7a1b2c3d4e5f60718293a4b5c6d7e8f9';

/** A product the demo seed has ratings for, so the summaries have something to show. */
export const SEEDED_PRODUCT = { subject: 'product:headphones-h7', name: 'H7 headphones' };

/** The API counts a rating as a person's only after 1.5 s on the page; a play function waits that out. */
export async function dwell(): Promise<void> {
  while (performance.now() < 1700) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** What an element's shadow root shows, whitespace collapsed. */
export const shadowText = (element: Element) =>
  (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
