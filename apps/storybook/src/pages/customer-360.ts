import { RATING_SCALE_RANGE } from '@chorus/contract/enums';
import { ChorusElement, QueryController } from '@chorus/core';
import type { Deal, Order, Page, Rating } from '@chorus/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { pageStyles } from './page-styles.js';

const STATUS = { open: 'Open', won: 'Won', lost: 'Lost' } as const;

/**
 * Customer 360, as an app would compose it: the contact's full card (with their recent activity),
 * then their ratings and NPS answers, deals and orders. The lists read through the same provider
 * and cache as the card, so a change made in one place shows everywhere.
 */
export class DemoCustomer360 extends ChorusElement {
  static override styles = [...ChorusElement.styles, pageStyles];

  @property({ attribute: 'contact-id' }) contactId?: string;

  private readonly ratings = new QueryController<Page<Rating>>(this, (q) =>
    this.contactId ? q.ratings.list({ contactId: this.contactId, limit: 20 }) : null,
  );
  private readonly deals = new QueryController<Page<Deal>>(this, (q) =>
    this.contactId ? q.deals.list({ contactId: this.contactId, limit: 20 }) : null,
  );
  private readonly orders = new QueryController<Page<Order>>(this, (q) =>
    this.contactId ? q.orders.list({ contactId: this.contactId, limit: 20 }) : null,
  );

  override render() {
    if (!this.contactId) return html`<p>Choose a contact.</p>`;
    return html`
      <chorus-contact-card contact-id=${this.contactId} variant="full"></chorus-contact-card>
      <div class="columns">
        <section aria-labelledby="ratings">
          <h3 id="ratings">Ratings and NPS answers</h3>
          ${this.list(this.ratings, 'No ratings yet.', (ratings) => this.renderRatings(ratings))}
        </section>
        <section aria-labelledby="deals">
          <h3 id="deals">Deals</h3>
          ${this.list(this.deals, 'No deals.', (deals) => this.renderDeals(deals))}
        </section>
        <section aria-labelledby="orders">
          <h3 id="orders">Orders</h3>
          ${this.list(this.orders, 'No orders.', (orders) => this.renderOrders(orders))}
        </section>
      </div>
    `;
  }

  /** One list's loading, error, empty and filled states. */
  private list<T>(
    query: QueryController<Page<T>>,
    empty: string,
    filled: (items: T[]) => TemplateResult,
  ): TemplateResult {
    if (query.error)
      return html`<p class="error" role="alert">
        Could not load: ${query.error.message}
        <button class="button" @click=${() => query.refetch()}>Retry</button>
      </p>`;
    if (!query.data) return html`<p class="muted" role="status">Loading…</p>`;
    return query.data.data.length === 0 ? html`<p class="muted">${empty}</p>` : filled(query.data.data);
  }

  private renderRatings(ratings: Rating[]) {
    return html`<ul>
      ${ratings.map(
        (rating) => html`<li data-rating=${rating.id}>
          <strong>${rating.score} of ${RATING_SCALE_RANGE[rating.scale].max}</strong>
          <span class="muted">${rating.scale === 'nps10' ? 'NPS' : rating.scale === 'csat5' ? 'CSAT' : 'Stars'} ·
          ${rating.subject} · ${this.format.date(rating.createdAt)}</span>
          ${rating.comment ? html`<blockquote dir="auto">${rating.comment}</blockquote>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  private renderDeals(deals: Deal[]) {
    return html`<table>
      <thead><tr><th scope="col">Deal</th><th scope="col">Status</th><th scope="col">Value</th></tr></thead>
      <tbody>
        ${deals.map(
          (deal) => html`<tr data-deal=${deal.id}>
            <td dir="auto">${deal.title}</td>
            <td>${STATUS[deal.status]}</td>
            <td class="number">${this.format.money(deal.value.amount, deal.value.currency)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderOrders(orders: Order[]) {
    return html`<table>
      <thead><tr><th scope="col">Ordered</th><th scope="col">Amount</th></tr></thead>
      <tbody>
        ${orders.map(
          (order) => html`<tr data-order=${order.id}>
            <td>${this.format.date(order.orderedAt)}</td>
            <td class="number">${this.format.money(order.amount.amount, order.amount.currency)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.get('demo-customer-360') ?? customElements.define('demo-customer-360', DemoCustomer360);

declare global {
  interface HTMLElementTagNameMap {
    'demo-customer-360': DemoCustomer360;
  }
}
