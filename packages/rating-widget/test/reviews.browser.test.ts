/**
 * `<chorus-reviews>` against the real API (issue 18): the latest reviews of a subject, page by
 * page, with stars, text, date and a verified badge; what a moderator hid is not shown; loading,
 * empty and error states; and the summary's star row.
 */
import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { RatingSummary } from '@chorus/sdk';
import { html } from 'lit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations, mount, shadowTextOf, until } from '@chorus/testing/browser';
import '../src/define-reviews.js';
import type { ChorusErrorEvent, ChorusRatingSummary, ChorusReviews } from '../src/index.js';
import { inShadow } from './support.js';

let api: BrowserApiInfo;

beforeEach(async () => {
  api = await testApi.freshWorkspace();
  localStorage.clear();
  document.body.replaceChildren();
});

/** A call as the shop's signed-in moderator (a session token); answers the JSON body. */
async function asModerator(method: string, path: string, body: unknown) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${api.sessionToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ id: string }>;
}

const review = (subject: string, score: number, comment?: string, contactId?: string) =>
  asModerator('POST', '/v1/ratings', { subject, score, comment, contactId, source: 'website' });

const reviewsOf = (subject: string, pageSize = 5) =>
  mount(html`<chorus-reviews
    base-url=${api.url}
    publishable-key=${api.publishableKey}
    subject=${subject}
    page-size=${pageSize}
    locale="en-US"
  ></chorus-reviews>`).querySelector('chorus-reviews') as ChorusReviews;

const items = (element: Element) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part=review]')];

describe('<chorus-reviews>', () => {
  it('shows the latest reviews with stars, text, date and a verified badge, and pages on with More reviews', async () => {
    const contact = await asModerator('POST', '/v1/contacts', { firstName: 'Rita' });
    await review('product:r1', 5, 'Superb sound.', contact.id);
    await review('product:r1', 4);
    await review('product:r1', 2, 'Too tight on the head.');
    const hidden = await review('product:r1', 5, 'Call me on 0612345678.');
    await asModerator('PATCH', `/v1/ratings/${hidden.id}/moderation`, {
      hidden: true,
      reason: 'Contains a phone number.',
    });
    await review('product:r1', 3, 'Fine.\nNothing more.');

    const element = reviewsOf('product:r1', 2);
    await element.updateComplete;
    expect(shadowTextOf(element)).toBe('Loading reviews…');
    await until(() => items(element).length === 2, 'the first page');
    const [newest, second] = items(element);
    expect(newest!.querySelector('[role=img]')!.getAttribute('aria-label')).toBe('Rated 3 out of 5');
    expect(newest!.querySelector('p')!.textContent).toBe('Fine.\nNothing more.');
    const time = newest!.querySelector('time')!;
    expect(new Date(time.dateTime).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(time.textContent).toBe(
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date()),
    );
    expect(second!.querySelector('p')!.textContent).toBe('Too tight on the head.');
    expect(newest!.querySelector('[part=badge]')).toBeNull();
    // The moderator's hidden review is not shown; the rating without words is not a review.
    expect(shadowTextOf(element)).not.toContain('0612345678');
    await expectNoAxeViolations(element);

    const more = inShadow<HTMLButtonElement>(element, '[part=button]')!;
    expect(more.textContent!.trim()).toBe('More reviews');
    more.click();
    await until(() => items(element).length === 3, 'the second page');
    const oldest = items(element)[2]!;
    expect(oldest.querySelector('p')!.textContent).toBe('Superb sound.');
    expect(oldest.querySelector('[part=badge]')!.textContent!.trim()).toBe('✓ Verified customer');
    expect(oldest.querySelector('[role=img]')!.getAttribute('aria-label')).toBe('Rated 5 out of 5');
    // The last page: no button left, and the focus is on the first review it brought.
    expect(inShadow(element, '[part=button]')).toBeNull();
    expect(element.shadowRoot!.activeElement).toBe(oldest);
    await expectNoAxeViolations(element);
  });

  it('says "No reviews yet" when there are none', async () => {
    await review('product:quiet', 4);
    const element = reviewsOf('product:quiet');
    await until(() => shadowTextOf(element) === 'No reviews yet', 'the empty state');
    await expectNoAxeViolations(element);
  });

  it('a refusal: plain words and Try again for the shopper, the problem in chorus-error for the developer', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const refused = vi.fn<(event: ChorusErrorEvent) => void>();
    document.addEventListener('chorus-error', refused);
    try {
      const element = reviewsOf('not a subject');
      await until(() => !!inShadow(element, '[role=alert]'), 'the error state');
      expect(shadowTextOf(element)).toBe('Reviews could not be loaded. Try again');
      expect(refused).toHaveBeenCalledTimes(1);
      expect(refused.mock.calls[0]![0].error.status).toBe(400);
      await expectNoAxeViolations(element);
      inShadow<HTMLButtonElement>(element, '[part=button]')!.click();
      await until(() => refused.mock.calls.length === 2, 'the retry');
    } finally {
      document.removeEventListener('chorus-error', refused);
      errors.mockRestore();
    }
  });
});

describe('<chorus-rating-summary> star row', () => {
  it('shows the average as stars filled to the quarter, named "Rated 4.3 out of 5"', async () => {
    const summary: RatingSummary = {
      subject: 'product:m1',
      scale: 'stars5',
      count: 4,
      average: 4.25,
      distribution: [5, 4, 3, 2, 1].map((score) => ({ score, count: score === 5 ? 1 : score === 4 ? 3 : 0 })),
      nps: null,
    };
    const element = mount(
      html`<chorus-rating-summary locale="en-US" .summary=${summary}></chorus-rating-summary>`,
    ).firstElementChild as ChorusRatingSummary;
    await element.updateComplete;
    const row = inShadow(element, '[role=img]')!;
    expect(row.getAttribute('aria-label')).toBe('Rated 4.3 out of 5');
    expect([...row.children].map((star) => star.className)).toEqual(['s f4', 's f4', 's f4', 's f4', 's f1']);
    await expectNoAxeViolations(element);
  });
});
