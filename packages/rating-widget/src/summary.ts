import type { RatingSummary } from '@chorus/sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { RatingElement } from './base.js';
import { clientFor } from './client.js';
import type { ChorusRatingStoredEvent } from './events.js';
import { isScale, maxOf } from './scales.js';
import { starRow } from './stars.js';
import { starStyles } from './stars.styles.js';
import { summaryStyles } from './summary.styles.js';

const ONE_DECIMAL: Intl.NumberFormatOptions = { maximumFractionDigits: 1, minimumFractionDigits: 1 };
const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };

export const SUMMARY_VARIANTS = ['full', 'compact'] as const;
export type SummaryVariant = (typeof SUMMARY_VARIANTS)[number];

/**
 * Shows what customers said of a subject: the average to one decimal and the count, and in the
 * full variant the distribution (5 to 1 stars, or NPS promoters, passives and detractors). Refreshes
 * when a `<chorus-rating>` on the page has a rating of the same subject stored.
 *
 * With `structured-data` it also puts a schema.org `AggregateRating` (JSON-LD) for `item-name` in
 * the page. Only do so for what Google allows review snippets on: a product, a book, a course or a
 * local business you sell; not for your own organisation (self-serving reviews are not shown), and
 * only where the ratings are visible on the page, as this element makes them.
 *
 * @tagname chorus-rating-summary
 * @summary Average, count and distribution of a subject's ratings, with optional JSON-LD.
 * @attr base-url - The Chorus API's base URL, as on `<chorus-provider>`.
 * @attr api - Deprecated: the former name of `base-url`, read until the next minor release.
 * @attr publishable-key - The workspace's publishable key (`pk_…`).
 * @attr subject - What is rated, such as `product:monitor-x1`.
 * @attr scale - `stars5` (default), `nps10` or `csat5`.
 * @attr locale - BCP 47 locale for numbers (default: the page's `lang`).
 * @attr theme - `auto` (default: on the page's own background, in its colours and colour scheme), `light` or `dark` (a padded card).
 * @cssstate light - `theme="light"`: a light card of its own.
 * @cssstate dark - `theme="dark"`: a dark card of its own.
 * @csspart base - The whole summary.
 * @csspart average - The average.
 * @csspart stars - The star row of the average (an image named "Rated 4.3 out of 5").
 * @csspart distribution - The histogram.
 * @cssproperty --chorus-rating-star-color - Stars and histogram bars (default amber).
 * @cssproperty --chorus-rating-surface - The summary's background (default: none, the page's own).
 * @cssproperty --chorus-rating-padding - Space inside the summary (default: none; a themed card has some).
 */
export class ChorusRatingSummary extends RatingElement {
  static override styles = [RatingElement.styles, starStyles, summaryStyles];
  // States say `attribute: false` too: Lit implies it, the custom-elements analyzer does not.
  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    structuredData: { type: Boolean, attribute: 'structured-data' },
    itemName: { attribute: 'item-name' },
    summary: { attribute: false },
    failed: { state: true, attribute: false },
  };

  /** `full` (default: with the distribution) or `compact` (average and count on one line). */
  declare variant: SummaryVariant;
  /** Add schema.org AggregateRating JSON-LD for `item-name` to the page (off by default). */
  declare structuredData: boolean;
  /** The product's name, for the JSON-LD. */
  declare itemName?: string;
  /** The summary shown; set by the element when it loads, or by you to show one without a request. */
  declare summary?: RatingSummary;
  /** @internal */
  declare private failed: boolean;
  private jsonLd?: HTMLScriptElement;

  constructor() {
    super();
    this.variant = 'full';
    this.structuredData = false;
    this.failed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('chorus-rating-stored', this.onStored);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('chorus-rating-stored', this.onStored);
  }

  private onStored = (event: ChorusRatingStoredEvent) => {
    if (event.rating.subject === this.subject && event.rating.scale === this.scale) void this.load();
  };

  /** Loads the summary; a failure shows a message and is reported once in the console. */
  async load(): Promise<void> {
    const { apiUrl: api, publishableKey: key, subject, scale } = this;
    // A secret key in a web page would hand the whole CRM to every visitor: refused before any request.
    if (!api || !key?.startsWith('pk_') || !subject || !isScale(scale)) {
      console.error(
        '<chorus-rating-summary>: set base-url, publishable-key (pk_…, never a secret key), subject and scale.',
      );
      this.failed = true;
      return;
    }
    try {
      const query = new URLSearchParams({ subject, scale });
      this.summary = await clientFor(api, key)<RatingSummary>(`/v1/public/ratings/summary?${query}`);
      this.failed = false;
    } catch {
      // The browser's console already names the failed request; the visitor sees a message.
      this.failed = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = ['baseUrl', 'api', 'publishableKey', 'subject', 'scale'] as const;
    // Without `base-url` it only shows the `summary` it is given, and asks for nothing.
    if ((this.apiUrl || !this.summary) && source.some((key) => changed.has(key))) void this.load();
  }

  protected override updated(): void {
    const s = this.summary;
    const data =
      this.structuredData && s?.count && s.average !== null && s.scale !== 'nps10'
        ? {
            '@context': 'https://schema.org',
            '@type': 'Product',
            name: this.itemName || s.subject,
            aggregateRating: {
              '@type': 'AggregateRating',
              ratingValue: s.average,
              ratingCount: s.count,
              bestRating: maxOf(s.scale),
              worstRating: 1,
            },
          }
        : undefined;
    if (!data) {
      this.jsonLd?.remove();
      return;
    }
    this.jsonLd ??= document.createElement('script');
    this.jsonLd.type = 'application/ld+json';
    // textContent is never parsed as HTML; escaping `<` keeps it inert even when the page is serialised.
    this.jsonLd.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
    if (!this.jsonLd.isConnected) this.append(this.jsonLd);
  }

  protected override render() {
    if (this.failed)
      return html`<p part="base" class="problem" role="alert">${this.msg('summary.error')}</p>`;
    const s = this.summary;
    if (!s) return html`<p part="base" aria-busy="true">…</p>`;
    // No ratings: that alone ("No ratings yet", not also "0 ratings").
    if (!s.count || s.average === null)
      return html`<p part="base" dir="auto">${this.msg('summary.none')}</p>`;
    const count = html`<span class="count" dir="auto">${this.msg('summary.count', { count: s.count })}</span>`;
    // NPS leads with its score, a whole number from -100 to 100 as the API computed it, not the mean answer.
    if (s.nps?.score != null)
      return html`<div part="base">
        <div class="head">
          <span part="average" class="avg">${this.num(s.nps.score, WHOLE)}</span>
          <span dir="auto">${this.msg('summary.npsName')}</span> ${count}
        </div>
        ${this.variant === 'compact' ? nothing : this.renderDistribution(s)}
      </div>`;
    const average = this.num(s.average, ONE_DECIMAL);
    const max = maxOf(s.scale);
    // The star row is the average's accessible name ("Rated 4.3 out of 5"); the figure beside it is seen.
    return html`<div part="base">
      <div class="head">
        ${starRow(s.average, max, this.msg('summary.rated', { average, max }))}
        <span part="average" class="avg" aria-hidden="true">${average}</span>
        ${count}
      </div>
      ${this.variant === 'compact' ? nothing : this.renderDistribution(s)}
    </div>`;
  }

  private renderDistribution(s: RatingSummary) {
    const rows: [string, number][] = s.nps
      ? [
          [this.msg('summary.promoters'), s.nps.promoters],
          [this.msg('summary.passives'), s.nps.passives],
          [this.msg('summary.detractors'), s.nps.detractors],
        ]
      : s.distribution.map((d) => [
          s.scale === 'stars5'
            ? this.msg('summary.stars', { score: d.score, count: d.score })
            : this.num(d.score),
          d.count,
        ]);
    // A list of text rows; the bars are decoration beside numbers a screen reader reads anyway.
    return html`<ul part="distribution">
      ${rows.map(
        ([label, n]) => html`<li>
          <span dir="auto">${label}</span><meter aria-hidden="true" min="0" max=${s.count} .value=${n}></meter><span>${this.num(n)}</span>
        </li>`,
      )}
    </ul>`;
  }
}
