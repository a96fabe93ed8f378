import {
  ChorusElement,
  cssProperties,
  errorDetail,
  MutationController,
  mailtoUrl,
  plainText,
  QueryController,
  renderProblem,
  telUrl,
} from '@chorus/core';
import {
  type Activity,
  type Company,
  type Contact,
  type ContactInsights,
  ChorusError,
  type Deal,
  type Ticket,
  type UserList,
} from '@chorus/sdk';
import type { ContactEdit } from '@chorus/sdk/query';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { contactCardStyles } from './contact-card.styles.js';
import { renderAssociations } from './associations.js';
import { renderActivities, renderInsights } from './details.js';
import { ChorusAssociationOpenEvent, ChorusContactChangeEvent, ChorusContactSelectEvent } from './events.js';
import { allowedStages, avatarHue, initials, type LifecycleStage, stageGroup } from './lifecycle.js';
import { CONTACT_CARD_MESSAGES } from './messages.js';
import { CONTACT_CARD_TRANSLATIONS } from './translations.js';
import { QuickActions } from './quick-actions.js';

export const CONTACT_CARD_VARIANTS = ['full', 'compact'] as const;
export type ContactCardVariant = (typeof CONTACT_CARD_VARIANTS)[number];

/** How many recent activities the full card lists. */
const RECENT_ACTIVITIES = 5;

/**
 * A person at a glance: name, company, lifecycle stage (leads and customers never look alike),
 * how to reach them and, in the full variant, what the CRM knows of them.
 *
 * Connected: set `contact-id` inside a `<chorus-provider>`. Presentational: set `.contact` (and
 * optionally `.insights`, `.activities`) and no request is made.
 *
 * @tagname chorus-contact-card
 * @summary A contact's card: lifecycle stage, company, owner, insights and latest activities.
 * @fires chorus-contact-select - The name was activated; the event's `contactId` says which contact.
 * @fires chorus-contact-change - The user saved a change; cancelable, dispatched before it is sent, with `contact` and `changes`.
 * @fires chorus-association-open - A deal, ticket or company in the associations was activated: `kind` and `id`.
 * @attr quick-actions - Connected, full variant: buttons to log a note, a call or an email and to schedule a task; the timeline shows each at once and takes it back, with a message, if the server refuses.
 * @attr associations - Connected, full variant: the contact's deals (open and won, with values), open tickets and company, each with its count.
 * @attr theme - `light`, `dark` or `auto` (default: the provider's, then the OS setting).
 * @attr locale - BCP 47 locale for numbers, dates and messages (default: the provider's, then the page's).
 * @csspart base - The card.
 * @csspart avatar - The initials avatar.
 * @csspart name - The name button.
 * @csspart badge - The lifecycle stage badge.
 * @csspart actions - The email and phone links.
 * @csspart quick-actions - The quick action buttons.
 * @csspart associations - The deals, tickets and company.
 * @cssproperty --chorus-contact-card-background - Card background (default: --chorus-color-surface).
 * @cssproperty --chorus-contact-card-border-color - Card border (default: --chorus-color-border).
 * @cssproperty --chorus-contact-card-max-width - Widest the card grows (default 28rem).
 * @cssstate dark - The dark scheme is forced by `theme` or the provider.
 * @cssstate light - The light scheme is forced by `theme` or the provider.
 */
export class ChorusContactCard extends ChorusElement {
  static override styles = [...ChorusElement.styles, contactCardStyles];
  static override defaultMessages = CONTACT_CARD_MESSAGES;
  static override translations = CONTACT_CARD_TRANSLATIONS;

  private readonly contactQuery = new QueryController<Contact>(this, (q) =>
    this.contact || !this.contactId ? null : q.contacts.detail(this.contactId),
  );
  private readonly companyQuery = new QueryController<Company>(this, (q) => {
    const companyId = this.shownContact?.companyId;
    return companyId ? q.companies.detail(companyId) : null;
  });
  private readonly usersQuery = new QueryController<UserList>(this, (q) =>
    this.shownContact?.ownerId ? q.users() : null,
  );
  private readonly insightsQuery = new QueryController<ContactInsights>(this, (q) =>
    this.variant === 'full' && !this.insights && this.connectedId
      ? q.contacts.insights(this.connectedId)
      : null,
  );
  private readonly activitiesQuery = new QueryController<{ data: Activity[] }>(this, (q) =>
    this.variant === 'full' && !this.activities && this.connectedId
      ? q.activities.list({ contactId: this.connectedId, limit: RECENT_ACTIVITIES })
      : null,
  );
  private readonly update$ = new MutationController<Contact, ContactEdit>(this, (q) => q.contacts.update());
  private readonly dealsQuery = new QueryController<{ data: Deal[] }>(this, (q) =>
    this.showAssociations && this.connectedId
      ? q.deals.list({ contactId: this.connectedId, limit: 50 })
      : null,
  );
  private readonly ticketsQuery = new QueryController<{ data: Ticket[] }>(this, (q) =>
    this.showAssociations && this.connectedId
      ? q.tickets.list({ contactId: this.connectedId, status: 'open', limit: 50 })
      : null,
  );
  private readonly quick = new QuickActions(this);

  /** The id of the contact to show, read through the provider. */
  @property({ attribute: 'contact-id', reflect: true }) contactId?: string;

  /** `full` (insights and recent activity) or `compact` (avatar, name, company, stage). */
  @property({ reflect: true }) variant: ContactCardVariant = 'full';

  /** Lets the user change the lifecycle stage and contact details in place. */
  @property({ type: Boolean, reflect: true }) editable = false;

  /** Buttons to log a note, call or email and schedule a task (connected, full variant). */
  @property({ type: Boolean, attribute: 'quick-actions' }) quickActions = false;

  /** The contact's deals, open tickets and company (connected, full variant). */
  @property({ type: Boolean }) associations = false;

  /** The contact itself, for presentational use: no request is made for it. */
  @property({ attribute: false }) contact?: Contact;

  /** The contact's insights, for presentational use of the full variant. */
  @property({ attribute: false }) insights?: ContactInsights;

  /** Recent activities, for presentational use of the full variant. */
  @property({ attribute: false }) activities?: Activity[];

  @state() private editing = false;
  @state() private saveMessage?: { text: string; refused: boolean };

  /** The contact on screen: given, or as the server (and any optimistic edit) has it. */
  private get shownContact(): Contact | undefined {
    return this.contact ?? this.contactQuery.data;
  }

  private get showAssociations(): boolean {
    return this.associations && this.variant === 'full';
  }

  /** The id used for the connected reads of the full variant. */
  private get connectedId(): string | undefined {
    return this.chorusEnvironment ? (this.contact?.id ?? this.contactId) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('contactId') || changed.has('contact')) {
      this.editing = false;
      this.saveMessage = undefined;
    }
    this.internals.ariaBusy = String(!this.contact && this.contactQuery.status === 'pending');
  }

  private onSelect(contact: Contact) {
    this.dispatchEvent(new ChorusContactSelectEvent(contact.id));
  }

  /**
   * The contact as it was when editing began: the save sends its version, so a change someone else
   * made meanwhile (which a live card shows at once) is refused with a 412, not silently overwritten.
   */
  private editBase?: Contact;

  private async onSubmit(event: SubmitEvent, shown: Contact) {
    event.preventDefault();
    const contact = this.editBase ?? shown;
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => {
      const value = String(form.get(name) ?? '').trim();
      return value === '' ? null : value;
    };
    const proposed = {
      lifecycleStage: String(form.get('lifecycleStage')) as LifecycleStage,
      title: text('title'),
      email: text('email'),
      phone: text('phone'),
    };
    const changes = Object.fromEntries(
      Object.entries(proposed).filter(([key, value]) => contact[key as keyof typeof proposed] !== value),
    ) as Partial<Contact>;
    this.editing = false;
    if (Object.keys(changes).length === 0) return;
    if (!this.dispatchEvent(new ChorusContactChangeEvent({ ...contact, ...changes }, changes))) return;
    if (!this.chorusEnvironment || this.contact) {
      // Presentational: the host owns the data; show the change and let the event carry it.
      this.contact = { ...contact, ...changes };
      return;
    }
    this.saveMessage = { text: this.msg('contactCard.saving'), refused: false };
    try {
      await this.update$.mutate({ id: contact.id, version: contact.version, changes });
      this.saveMessage = { text: this.msg('contactCard.saved'), refused: false };
    } catch (error) {
      this.saveMessage = {
        text: this.msg('contactCard.refused', { detail: errorDetail(error) }),
        refused: true,
      };
    }
  }

  protected override render() {
    const contact = this.shownContact;
    if (contact) return this.renderContact(contact);
    if (!this.chorusEnvironment) return this.renderProblem(this.msg('core.noProvider'));
    if (!this.contactId) return this.renderProblem(this.msg('core.noProvider'));
    const { status, error } = this.contactQuery;
    if (status === 'error' && error instanceof ChorusError && error.kind === 'not_found') {
      return this.renderProblem(this.msg('contactCard.notFound', { id: this.contactId }));
    }
    if (status === 'error') {
      return this.renderProblem(this.msg('contactCard.error', { detail: errorDetail(error) }), () =>
        this.contactQuery.refetch(),
      );
    }
    return this.renderSkeleton();
  }

  private renderSkeleton() {
    return html`<div part="base" class="card" role="status" aria-label=${this.msg('contactCard.loading')}>
      <header>
        <span class="avatar skeleton"></span>
        <span><span class="skeleton line w60"></span><span class="skeleton line w40"></span></span>
      </header>
      ${this.variant === 'full' ? html`<span class="skeleton line w80"></span>` : nothing}
    </div>`;
  }

  private renderProblem(text: string, retry?: () => void) {
    return renderProblem(text, { retry, retryLabel: this.msg('core.retry'), className: 'card' });
  }

  private renderContact(contact: Contact) {
    const name = plainText(`${contact.firstName} ${contact.lastName}`.trim());
    const company = this.companyQuery.data;
    const owner = this.usersQuery.data?.data.find((user) => user.id === contact.ownerId);
    const subtitle = plainText([contact.title, company?.name].filter(Boolean).join(' · '));
    const email = mailtoUrl(contact.email);
    const phone = telUrl(contact.phone);
    const group = stageGroup(contact.lifecycleStage);
    return html`<article part="base" class="card" aria-labelledby="name">
      <header>
        <span part="avatar" class="avatar" aria-hidden="true" ${cssProperties({ '--_hue': String(avatarHue(contact.id)) })}
          >${initials(contact.firstName, contact.lastName)}</span
        >
        <div>
          <h2 id="name">
            <button part="name" class="name" dir="auto" @click=${() => this.onSelect(contact)}>${name}</button>
          </h2>
          ${subtitle ? html`<p class="subtitle" dir="auto">${subtitle}</p>` : nothing}
        </div>
        <span part="badge" class="badge ${group}">
          <span class="visually-hidden">${this.msg('contactCard.stageLabel')}: </span>${this.msg(`contactCard.stage.${contact.lifecycleStage}`)}
        </span>
      </header>
      ${
        email || phone
          ? html`<div part="actions" class="actions">
            ${
              email
                ? html`<a href=${email}><span class="visually-hidden">${this.msg('contactCard.email', { name })}: </span><span dir="ltr">${plainText(contact.email)}</span></a>`
                : nothing
            }
            ${
              phone
                ? html`<a href=${phone}><span class="visually-hidden">${this.msg('contactCard.call', { name })}: </span><span dir="ltr">${plainText(contact.phone)}</span></a>`
                : nothing
            }
          </div>`
          : nothing
      }
      ${this.variant === 'full' ? this.renderDetails(contact, owner?.name) : nothing}
      ${this.editable ? this.renderEditor(contact, name) : nothing}
    </article>`;
  }

  private renderDetails(contact: Contact, ownerName: string | undefined) {
    const insights = this.insights ?? this.insightsQuery.data;
    const activities = this.activities ?? this.activitiesQuery.data?.data;
    const msg = (key: string, params?: Record<string, string | number>) => this.msg(key, params);
    return html`
      <dl>
        <dt>${this.msg('contactCard.owner')}</dt>
        <dd>${ownerName ?? (contact.ownerId ? '…' : this.msg('contactCard.noOwner'))}</dd>
        ${
          contact.tags.length
            ? html`<dt>${this.msg('contactCard.tags')}</dt>
              <dd><ul class="tags">${contact.tags.map((tag) => html`<li dir="auto">${plainText(tag)}</li>`)}</ul></dd>`
            : nothing
        }
      </dl>
      ${insights ? renderInsights(insights, this.format, msg) : nothing}
      ${this.quickActions && this.connectedId ? this.quick.render(this.connectedId, msg) : nothing}
      ${activities ? renderActivities(activities, this.format, msg) : nothing}
      ${
        this.showAssociations && this.connectedId
          ? renderAssociations(
              this.dealsQuery.data?.data,
              this.ticketsQuery.data?.data,
              this.companyQuery.data,
              this.format,
              msg,
              (kind, id) => this.dispatchEvent(new ChorusAssociationOpenEvent(kind, id)),
            )
          : nothing
      }
    `;
  }

  private renderEditor(contact: Contact, name: string) {
    if (!this.editing) {
      return html`<div class="row">
        <button class="button" aria-label=${this.msg('contactCard.editLabel', { name })} @click=${() => {
          this.editBase = contact;
          this.editing = true;
          this.saveMessage = undefined;
        }}>${this.msg('contactCard.edit')}</button>
        <p class="status ${this.saveMessage?.refused ? 'refused' : ''}" role="status">${this.saveMessage?.text ?? ''}</p>
      </div>`;
    }
    return html`<form @submit=${(event: SubmitEvent) => this.onSubmit(event, contact)} @keydown=${(
      event: KeyboardEvent,
    ) => {
      if (event.key === 'Escape') this.editing = false;
    }}>
      <label>${this.msg('contactCard.stageLabel')}
        <select name="lifecycleStage" autofocus>
          ${allowedStages(contact.lifecycleStage).map(
            (stage) =>
              html`<option value=${stage} ?selected=${stage === contact.lifecycleStage}>${this.msg(`contactCard.stage.${stage}`)}</option>`,
          )}
        </select>
      </label>
      <label>${this.msg('contactCard.fieldTitle')}<input name="title" maxlength="120" .value=${contact.title ?? ''} /></label>
      <label>${this.msg('contactCard.fieldEmail')}<input name="email" type="email" maxlength="254" .value=${contact.email ?? ''} /></label>
      <label>${this.msg('contactCard.fieldPhone')}<input name="phone" type="tel" maxlength="40" .value=${contact.phone ?? ''} /></label>
      <div class="row">
        <button class="button primary" type="submit">${this.msg('contactCard.save')}</button>
        <button class="button" type="button" @click=${() => {
          this.editing = false;
        }}>${this.msg('contactCard.cancel')}</button>
      </div>
    </form>`;
  }
}
