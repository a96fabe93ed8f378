import '@chorus/metrics-tiles/define';
import { RATING_SCALE_RANGE } from '@chorus/contract/enums';
import { ChorusElement, QueryController } from '@chorus/core';
import type { Page, Rating } from '@chorus/sdk';
import { html } from 'lit';
import { pageStyles } from './page-styles.js';

const SERVICE_METRICS = 'csat,nps,average_rating,issue_resolution_time';

/**
 * The service team's page: CSAT, NPS, average rating and resolution time as tiles, and the latest
 * ratings that came with a comment (the ones someone should read today).
 */
export class DemoServiceDesk extends ChorusElement {
  static override styles = [...ChorusElement.styles, pageStyles];

  private readonly latest = new QueryController<Page<Rating>>(this, (q) => q.ratings.list({ limit: 50 }));

  override render() {
    const withComments = this.latest.data?.data.filter((rating) => rating.comment) ?? [];
    return html`
      <chorus-metrics-grid metrics=${SERVICE_METRICS} period="30d">
        <h2 slot="heading">Service</h2>
      </chorus-metrics-grid>
      <section aria-labelledby="latest">
        <h3 id="latest">Latest ratings with comments</h3>
        ${
          this.latest.error
            ? html`<p class="error" role="alert">
                Could not load the ratings: ${this.latest.error.message}
                <button class="button" @click=${() => this.latest.refetch()}>Retry</button>
              </p>`
            : !this.latest.data
              ? html`<p class="muted" role="status">Loading…</p>`
              : withComments.length === 0
                ? html`<p class="muted">No comments yet.</p>`
                : html`<ul>
                    ${withComments.slice(0, 10).map(
                      (rating) => html`<li data-rating=${rating.id}>
                        <strong>${rating.score} of ${RATING_SCALE_RANGE[rating.scale].max}</strong>
                        <span class="muted">${rating.subject} · ${this.format.relativeTime(rating.createdAt)}</span>
                        <blockquote dir="auto">${rating.comment}</blockquote>
                      </li>`,
                    )}
                  </ul>`
        }
      </section>
    `;
  }
}

customElements.get('demo-service-desk') ?? customElements.define('demo-service-desk', DemoServiceDesk);

declare global {
  interface HTMLElementTagNameMap {
    'demo-service-desk': DemoServiceDesk;
  }
}
