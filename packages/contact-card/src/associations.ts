import type { Formatter, Msg } from '@chorus/core';
import { plainText } from '@chorus/core';
import type { Company, Deal, Ticket } from '@chorus/sdk';
import { html, nothing } from 'lit';
import type { AssociationKind } from './events.js';

/** Open and won deals' counts and values, summed per currency's first seen (a contact's deals share one). */
export function dealSummary(deals: readonly Pick<Deal, 'status' | 'value'>[]) {
  const sum = (status: Deal['status']) => {
    const of = deals.filter((deal) => deal.status === status);
    return { count: of.length, amount: of.reduce((total, deal) => total + deal.value.amount, 0) };
  };
  return { open: sum('open'), won: sum('won'), currency: deals[0]?.value.currency ?? 'EUR' };
}

/**
 * The contact's deals (open and won, with values), open tickets and company, each with its count
 * and a button that asks the page to open it (`chorus-association-open`). Undefined lists are
 * still loading.
 */
export function renderAssociations(
  deals: readonly Deal[] | undefined,
  tickets: readonly Ticket[] | undefined,
  company: Company | undefined,
  format: Formatter,
  msg: Msg,
  open: (kind: AssociationKind, id: string) => void,
) {
  const summary = deals && dealSummary(deals);
  const money = (amount: number) => format.money(amount, summary?.currency ?? 'EUR');
  const item = (kind: AssociationKind, id: string, label: unknown) =>
    html`<li><button class="link" @click=${() => open(kind, id)}>${label}</button></li>`;
  return html`<section part="associations" aria-labelledby="associations">
    <h3 id="associations">${msg('contactCard.associations')}</h3>
    ${
      deals && summary
        ? html`<h4>${msg('contactCard.deals', { n: format.number(deals.length, 0) })}</h4>
          <p class="subtle">${msg('contactCard.dealSummary', {
            open: format.number(summary.open.count, 0),
            openValue: money(summary.open.amount),
            won: format.number(summary.won.count, 0),
            wonValue: money(summary.won.amount),
          })}</p>
          <ul class="links">
            ${deals.map((deal) =>
              item(
                'deal',
                deal.id,
                html`<span dir="auto">${plainText(deal.title)}</span> · ${format.money(deal.value.amount, deal.value.currency)} · ${msg(`contactCard.dealStatus.${deal.status}`)}`,
              ),
            )}
          </ul>`
        : nothing
    }
    ${
      tickets
        ? html`<h4>${msg('contactCard.tickets', { n: format.number(tickets.length, 0) })}</h4>
          <ul class="links">${tickets.map((ticket) => item('ticket', ticket.id, html`<span dir="auto">${plainText(ticket.subject)}</span>`))}</ul>`
        : nothing
    }
    ${
      company
        ? html`<h4>${msg('contactCard.company')}</h4>
          <ul class="links">${item('company', company.id, html`<span dir="auto">${plainText(company.name)}</span>`)}</ul>`
        : nothing
    }
  </section>`;
}
