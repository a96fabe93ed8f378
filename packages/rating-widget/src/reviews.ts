import { intl, type MessageLoaders } from '@chorus/core';
import { ChorusError, type PublicReview, type PublicReviewPage } from '@chorus/sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { RatingElement } from './base.js';
import { clientFor } from './client.js';
import { ChorusErrorEvent, type ChorusRatingStoredEvent } from './events.js';
import { RATING_MESSAGES, REVIEWS_MESSAGES } from './messages.js';
import { reviewsStyles } from './reviews.styles.js';
import { isScale, maxOf } from './scales.js';
import { starRow } from './stars.js';
import { starStyles } from './stars.styles.js';
import { RATING_TRANSLATIONS, REVIEWS_TRANSLATIONS } from './translations.js';

const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/**
 * The latest reviews of a subject: each rating with a comment, newest first, with its stars (or its
 * score), its text, its date and a "Verified customer" badge when the rating came from a known
 * customer (a contact reference signed by the shop's server). "More reviews" loads the next page.
 * Reviews a moderator hid (for their content, never their score) are not shown; the README says
 * why none are left out for being negative.
 *
 * Its own entry (`@chorus/rating-widget/define-reviews`, or the `chorus-reviews.js` script tag), so
 * a page that only collects ratings does not load it.
 *
 * @tagname chorus-reviews
 * @summary The latest reviews of a subject, with stars, text, date and a verified badge, page by page.
 * @fires chorus-error - The reviews could not be loaded (`error`: the API's problem, for developers).
 * @attr base-url - The Chorus API's base URL, as on `<chorus-provider>`.
 * @attr api - Deprecated: the former name of `base-url`, read until the next minor release.
 * @attr publishable-key - The workspace's publishable key (`pk_…`).
 * @attr subject - What is reviewed, such as `product:monitor-x1`.
 * @attr scale - `stars5` (default), `nps10` or `csat5`.
 * @attr page-size - Reviews per page (default 5).
 * @attr locale - BCP 47 locale for dates and numbers (default: the page's `lang`).
 * @attr theme - `auto` (default: the page's own colours), `light` or `dark` (a padded card).
 * @cssstate light - `theme="light"`: a light card of its own.
 * @cssstate dark - `theme="dark"`: a dark card of its own.
 * @csspart base - The whole list.
 * @csspart review - One review.
 * @csspart stars - A review's stars (an image named "Rated 4 out of 5").
 * @csspart badge - The "Verified customer" badge.
 * @csspart button - The "More reviews" and "Try again" buttons.
 * @cssproperty --chorus-rating-star-color - The stars (default amber).
 * @cssproperty --chorus-rating-surface - The list's background (default: none, the page's own).
 * @cssproperty --chorus-rating-padding - Space inside the list (default: none; a themed card has some).
 */
export class ChorusReviews extends RatingElement {
  static override styles = [RatingElement.styles, starStyles, reviewsStyles];
  // States say `attribute: false` too: Lit implies it, the custom-elements analyzer does not.
  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
    reviews: { attribute: false },
    nextCursor: { state: true, attribute: false },
    loading: { state: true, attribute: false },
    failed: { state: true, attribute: false },
  };

  /** Reviews per page, 1 to 100. */
  declare pageSize: number;
  /** The reviews shown; loaded by the element, or set by you to show them without a request. */
  declare reviews?: PublicReview[];
  /** @internal The cursor of the next page, when there is one. */
  declare private nextCursor: string | null;
  /** @internal */
  declare private loading: boolean;
  /** @internal */
  declare private failed: boolean;
  /** The first review of the page loaded last: focus moves there after "More reviews". */
  #focusFrom?: number;

  constructor() {
    super();
    this.pageSize = 5;
    this.nextCursor = null;
    this.loading = false;
    this.failed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('chorus-rating-stored', this.#onStored);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('chorus-rating-stored', this.#onStored);
  }

  /** A rating with a comment, of this subject, stored on this page: it is the newest review. */
  #onStored = (event: ChorusRatingStoredEvent) => {
    const { rating } = event;
    if (rating.comment && rating.subject === this.subject && rating.scale === this.scale) void this.load();
  };

  protected override get translations(): MessageLoaders[] {
    return [RATING_TRANSLATIONS, REVIEWS_TRANSLATIONS];
  }

  protected override get catalogue(): Record<string, string> {
    return { ...RATING_MESSAGES, ...REVIEWS_MESSAGES };
  }

  /** Loads the first page again, or (`more`) the next one after what is shown. */
  async load(more = false): Promise<void> {
    const { apiUrl: api, publishableKey: key, subject, scale } = this;
    // A secret key in a web page would hand the whole CRM to every visitor: refused before any request.
    if (!api || !key?.startsWith('pk_') || !subject || !isScale(scale)) {
      console.error(
        '<chorus-reviews>: set base-url, publishable-key (pk_…, never a secret key), subject and scale.',
      );
      this.failed = true;
      return;
    }
    this.loading = true;
    try {
      const query = new URLSearchParams({ subject, scale, limit: String(this.pageSize) });
      if (more && this.nextCursor) query.set('cursor', this.nextCursor);
      const page = await clientFor(api, key)<PublicReviewPage>(`/v1/public/ratings/reviews?${query}`);
      const shown = more ? (this.reviews ?? []) : [];
      this.#focusFrom = more ? shown.length : undefined;
      this.reviews = [...shown, ...page.data];
      this.nextCursor = page.nextCursor;
      this.failed = false;
    } catch (error) {
      this.failed = true;
      if (error instanceof ChorusError) {
        console.error(`<chorus-reviews>: ${error.status} ${error.detail ?? error.title}`, error);
        this.dispatchEvent(new ChorusErrorEvent(error));
      }
    } finally {
      this.loading = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = ['baseUrl', 'api', 'publishableKey', 'subject', 'scale', 'pageSize'] as const;
    // Without `base-url` it only shows the `reviews` it is given, and asks for nothing.
    if (this.apiUrl && source.some((key) => changed.has(key))) void this.load();
  }

  protected override updated(): void {
    if (this.#focusFrom === undefined) return;
    this.renderRoot.querySelectorAll<HTMLElement>('[part=review]')[this.#focusFrom]?.focus();
    this.#focusFrom = undefined;
  }

  protected override render() {
    const reviews = this.reviews;
    if (this.failed && !reviews?.length)
      return html`<div part="base" role="alert">
        <p class="problem" dir="auto">${this.msg('reviews.error')}</p>
        <button part="button" dir="auto" @click=${() => this.load()}>${this.msg('reviews.retry')}</button>
      </div>`;
    if (!reviews) return html`<p part="base" aria-busy="true" dir="auto">${this.msg('reviews.loading')}</p>`;
    if (!reviews.length) return html`<p part="base" dir="auto">${this.msg('reviews.none')}</p>`;
    return html`<section part="base" aria-label=${this.msg('reviews.heading')} aria-busy=${this.loading}>
      <ul>
        ${reviews.map((review) => this.#renderReview(review))}
      </ul>
      ${
        this.nextCursor
          ? html`<button
              part="button"
              dir="auto"
              aria-disabled=${this.loading}
              @click=${() => this.loading || this.load(true)}
            >${this.msg(this.loading ? 'reviews.loadingMore' : 'reviews.more')}</button>`
          : nothing
      }
      ${this.failed ? html`<p class="problem" role="alert" dir="auto">${this.msg('reviews.error')}</p>` : nothing}
    </section>`;
  }

  #renderReview(review: PublicReview) {
    const max = maxOf(review.scale);
    const date = new Date(review.createdAt);
    // Stars for a 5-star rating; a score or the CSAT word otherwise, as the rating widget offers them.
    const score =
      review.scale === 'stars5'
        ? starRow(review.score, max, this.msg('summary.rated', { average: review.score, max }))
        : html`<span class="score" dir="auto">${this.msg(
            `rating.option.${review.scale}${review.scale === 'csat5' ? `.${review.score}` : ''}`,
            { score: review.score },
          )}</span>`;
    return html`<li part="review" tabindex="-1">
      <div class="meta">
        ${score}
        <time datetime=${review.createdAt}>${intl(Intl.DateTimeFormat, this.effectiveLocale, DATE).format(date)}</time>
        ${
          review.verified
            ? html`<span part="badge" class="badge" dir="auto"
                ><span aria-hidden="true">✓ </span>${this.msg('reviews.verified')}</span
              >`
            : nothing
        }
      </div>
      <p dir="auto">${review.comment}</p>
    </li>`;
  }
}
