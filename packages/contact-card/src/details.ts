import { type Formatter, type Msg, plainText } from '@chorus/core';
import type { Activity, ContactInsights } from '@chorus/sdk';
import { html, nothing } from 'lit';

/** The full card's insights: money, counts, recency, RFM, ratings; every figure through `Intl`. */
export function renderInsights(insights: ContactInsights, format: Formatter, msg: Msg) {
  return html`<section aria-labelledby="insights">
    <h3 id="insights">${msg('contactCard.insights')}</h3>
    <dl>
      <dt>${msg('contactCard.lifetimeValue')}</dt>
      <dd>${format.money(insights.lifetimeValue.amount, insights.lifetimeValue.currency)}</dd>
      <dt>${msg('contactCard.orders')}</dt>
      <dd>${format.number(insights.orderCount)}</dd>
      <dt>${msg('contactCard.lastActivity')}</dt>
      <dd>${
        insights.lastActivityAt
          ? html`<time datetime=${insights.lastActivityAt} title=${format.date(insights.lastActivityAt)}>${format.relativeTime(insights.lastActivityAt)}</time>`
          : msg('contactCard.never')
      }</dd>
      ${
        insights.rfm
          ? html`<dt>${msg('contactCard.segment')}</dt>
            <dd>${msg(`contactCard.segment.${insights.rfm.segment}`)}
              <span class="subtle">(R${insights.rfm.recency} F${insights.rfm.frequency} M${insights.rfm.monetary})</span></dd>`
          : nothing
      }
      ${
        insights.averageRatingGiven !== null
          ? html`<dt>${msg('contactCard.averageRating')}</dt>
            <dd>${msg('contactCard.ratingOutOf', { value: format.number(insights.averageRatingGiven) })}</dd>`
          : nothing
      }
      ${
        insights.latestNps
          ? html`<dt>${msg('contactCard.latestNps')}</dt>
            <dd>${format.number(insights.latestNps.score)} · <time datetime=${insights.latestNps.at}>${format.relativeTime(insights.latestNps.at)}</time></dd>`
          : nothing
      }
    </dl>
  </section>`;
}

export function renderActivities(activities: Activity[], format: Formatter, msg: Msg) {
  return html`<section aria-labelledby="activity">
    <h3 id="activity">${msg('contactCard.recentActivity')}</h3>
    ${
      activities.length === 0
        ? html`<p>${msg('contactCard.noActivity')}</p>`
        : html`<ul class="activities">
          ${activities.map(
            (activity) => html`<li>
              <span class="kind">${msg(`contactCard.activity.${activity.type}`)}</span>
              <span dir="auto">${plainText(activity.body)}</span>
              ${
                activity.dueAt && !activity.completedAt
                  ? html`<time datetime=${activity.dueAt}>${msg('contactCard.dueOn', { date: format.date(activity.dueAt) })}</time>`
                  : html`<time datetime=${activity.occurredAt} title=${format.date(activity.occurredAt)}>${format.relativeTime(activity.occurredAt)}</time>`
              }
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}
