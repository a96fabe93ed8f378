import {
  ChorusElement,
  errorDetail,
  minorDigits,
  MutationController,
  plainText,
  QueryController,
  renderProblem,
} from '@chorus/core';
import {
  type Activity,
  type Company,
  type Contact,
  ChorusPreconditionError,
  type Deal,
  type Pipeline,
  type UserList,
} from '@chorus/sdk';
import type { DealEdit } from '@chorus/sdk/query';
import type { components } from '@chorus/contract/paths';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { daysInStage, isOverdue } from './board-model.js';
import { dealCardStyles } from './deal-card.styles.js';
import { renderSchedule, renderTimeline, taskTypes } from './deal-timeline.js';
import { ChorusContactOpenEvent } from './events.js';
import { DEAL_CARD_MESSAGES } from './messages.js';
import { fieldsNamed } from './problem-fields.js';
import { DEAL_CARD_TRANSLATIONS } from './translations.js';

type Page<T> = { data: T[] };
/** The edit form's fields that the API's problem details can point at, by path prefix. */
const FIELDS = { 'body.title': 'title', 'body.value': 'amount', 'body.expectedCloseDate': 'close' } as const;
type Field = (typeof FIELDS)[keyof typeof FIELDS];

/**
 * One deal's record: its value, stage (with the stage's agreed definition and probability),
 * expected close, owner, contact and company, days in stage; edited in place with `If-Match` (when
 * someone else saved first, the card shows their version and says so); its open tasks (done with
 * one click, scheduled from here) and its activity.
 *
 * Connected: `deal-id` inside a `<chorus-provider>`. Presentational: `.deal` (and `.pipeline` for
 * the stage's name) and no request is made.
 *
 * @tagname chorus-deal-card
 * @summary A deal's facts, editable, with its tasks and activity.
 * @fires chorus-contact-open - The deal's contact was activated; `contactId` says which.
 * @attr theme - `light`, `dark` or `auto` (default: the provider's, then the OS setting).
 * @attr locale - BCP 47 locale for numbers, dates and messages (default: the provider's, then the page's).
 * @csspart base - The card.
 * @csspart facts - The list of the deal's facts.
 * @csspart definition - The stage's agreed definition.
 * @csspart tasks - The open tasks.
 * @csspart activity - The activity list.
 * @cssproperty --chorus-deal-card-max-width - Widest the card grows (default 32rem).
 * @cssstate loading - Waiting for the deal.
 */
export class ChorusDealCard extends ChorusElement {
  static override styles = [...ChorusElement.styles, dealCardStyles];
  static override defaultMessages = DEAL_CARD_MESSAGES;
  static override translations = DEAL_CARD_TRANSLATIONS;

  private readonly dealQuery = new QueryController<Deal>(this, (q) =>
    this.deal || !this.dealId ? null : q.deals.detail(this.dealId),
  );
  private readonly pipelineQuery = new QueryController<Pipeline>(this, (q) =>
    this.shown && !this.pipeline ? q.pipelines.detail(this.shown.pipelineId) : null,
  );
  private readonly contactQuery = new QueryController<Contact>(this, (q) =>
    this.connected && this.shown?.contactId ? q.contacts.detail(this.shown.contactId) : null,
  );
  private readonly companyQuery = new QueryController<Company>(this, (q) =>
    this.connected && this.shown?.companyId ? q.companies.detail(this.shown.companyId) : null,
  );
  private readonly usersQuery = new QueryController<UserList>(this, (q) =>
    this.connected ? q.users() : null,
  );
  private readonly tasksQuery = new QueryController<Page<Activity>>(this, (q) =>
    this.connected && this.shown ? q.activities.tasks({ dealId: this.shown.id }) : null,
  );
  private readonly activityQuery = new QueryController<Page<Activity>>(this, (q) =>
    this.connected && this.shown ? q.activities.list({ dealId: this.shown.id, limit: 10 }) : null,
  );
  private readonly update$ = new MutationController<Deal, DealEdit>(this, (q) => q.deals.update());
  private readonly create$ = new MutationController<Activity, components['schemas']['CreateActivity']>(
    this,
    (q) => q.activities.create(),
  );
  private readonly complete$ = new MutationController<Activity, Pick<Activity, 'id'>>(this, (q) =>
    q.activities.complete(),
  );

  /** The deal to show, read through the provider. */
  @property({ attribute: 'deal-id', reflect: true }) dealId?: string;

  /** The deal itself, for presentational use: no request is made. */
  @property({ attribute: false }) deal?: Deal;

  /** Its pipeline, for presentational use: the stage's name, definition and probability. */
  @property({ attribute: false }) pipeline?: Pipeline;

  @state() private editing = false;
  @state() private status?: { text: string; refused: boolean };
  @state() private errors: Partial<Record<Field, string>> = {};

  private get shown(): Deal | undefined {
    return this.deal ?? this.dealQuery.data;
  }

  /** Reads beyond the deal are made only for a deal read through the provider. */
  private get connected(): boolean {
    return !!this.chorusEnvironment && !this.deal;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('dealId') || changed.has('deal')) {
      this.editing = false;
      this.status = undefined;
      this.errors = {};
    }
    const loading = !this.deal && this.dealQuery.status === 'pending';
    this.internals.ariaBusy = String(loading);
    if (loading) this.internals.states.add('loading');
    else this.internals.states.delete('loading');
  }

  /**
   * The deal as it was when editing began: the save sends its version, so a change someone else
   * made meanwhile (which a live card shows at once) is refused with a 412, not silently overwritten.
   */
  private editBase?: Deal;

  private async onSave(event: SubmitEvent, shown: Deal) {
    event.preventDefault();
    const deal = this.editBase ?? shown;
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    const amount = text('amount').trim();
    const proposed: DealEdit['changes'] = {
      title: text('title'),
      // Not a number stays one, so the API says which field is wrong rather than this guessing.
      value: {
        amount: amount ? Math.round(Number(amount) * 10 ** minorDigits(deal.value.currency)) : Number.NaN,
        currency: deal.value.currency,
      },
      expectedCloseDate: text('close') || null,
      ownerId: text('owner') || null,
    };
    const changes = Object.fromEntries(
      Object.entries(proposed).filter(
        ([key, value]) => JSON.stringify(deal[key as keyof Deal]) !== JSON.stringify(value),
      ),
    );
    this.errors = {};
    if (Object.keys(changes).length === 0) {
      this.editing = false;
      return;
    }
    if (!this.connected) {
      this.deal = { ...deal, ...changes } as Deal;
      return;
    }
    this.status = { text: this.msg('dealCard.saving'), refused: false };
    try {
      await this.update$.mutate({ id: deal.id, version: deal.version, pipelineId: deal.pipelineId, changes });
      this.editing = false;
      this.status = { text: this.msg('dealCard.saved'), refused: false };
    } catch (error) {
      this.status = { text: this.refusal(error), refused: true };
    }
  }

  /** What a refused save says; a field the API names gets its own message beside it. */
  private refusal(error: unknown): string {
    if (error instanceof ChorusPreconditionError) {
      // The update's invalidation reads the deal again: the form closes onto the newer version.
      this.editing = false;
      return this.msg('dealCard.conflict');
    }
    const named = fieldsNamed(error, FIELDS);
    this.errors = Object.fromEntries(named.map((field) => [field, this.msg(`dealCard.invalid.${field}`)]));
    return this.msg('dealCard.refused', { detail: errorDetail(error) });
  }

  private async onSchedule(event: SubmitEvent, deal: Deal) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const due = String(data.get('due') ?? '');
    if (!deal.contactId) return;
    try {
      await this.create$.mutate({
        type: String(data.get('type')) as Activity['type'],
        contactId: deal.contactId,
        dealId: deal.id,
        body: String(data.get('body') ?? ''),
        // A local date and time, as the person typed it; invalid, it goes as is and the API says so.
        dueAt: due ? new Date(due).toISOString() : '',
      });
      form.reset();
      this.status = { text: this.msg('dealCard.scheduled'), refused: false };
    } catch (error) {
      this.status = { text: this.msg('dealCard.refused', { detail: errorDetail(error) }), refused: true };
    }
  }

  private async onComplete(task: Activity) {
    try {
      await this.complete$.mutate(task);
      this.status = {
        text: this.msg('dealCard.completed', { task: task.body || this.msg('dealCard.task') }),
        refused: false,
      };
    } catch (error) {
      this.status = { text: this.msg('dealCard.refused', { detail: errorDetail(error) }), refused: true };
    }
  }

  protected override render() {
    const deal = this.shown;
    if (deal) return this.renderDeal(deal);
    if (!this.chorusEnvironment || !this.dealId) return this.problem(this.msg('core.noProvider'));
    const { status, error } = this.dealQuery;
    if (status === 'error')
      return this.problem(this.msg('dealCard.error', { detail: errorDetail(error) }), () =>
        this.dealQuery.refetch(),
      );
    return html`<div part="base" class="card" role="status" aria-label=${this.msg('dealCard.loading')}>
      <span class="skeleton line w60"></span><span class="skeleton line w80"></span>
    </div>`;
  }

  private problem(text: string, retry?: () => void) {
    return renderProblem(text, { retry, retryLabel: this.msg('core.retry'), className: 'card' });
  }

  private renderDeal(deal: Deal) {
    const msg = (key: string, params?: Record<string, string | number>) => this.msg(key, params);
    const pipeline = this.pipeline ?? this.pipelineQuery.data;
    const stage = pipeline?.stages.find((s) => s.id === deal.stageId);
    const contact = this.contactQuery.data;
    const owner = this.usersQuery.data?.data.find((user) => user.id === deal.ownerId);
    const date = (day: string) => this.format.date(`${day}T12:00:00Z`);
    const fact = (label: string, value: unknown) => html`<dt>${label}</dt><dd>${value}</dd>`;
    return html`<article part="base" class="card" aria-labelledby="title">
      <header>
        <h2 id="title" dir="auto">${deal.title}</h2>
        ${
          this.editing
            ? nothing
            : html`<button class="button" aria-label=${msg('dealCard.editLabel', { deal: plainText(deal.title) })} @click=${() => {
                this.editBase = deal;
                this.editing = true;
                this.status = undefined;
              }}>${msg('dealCard.edit')}</button>`
        }
      </header>
      ${this.editing ? this.renderEditor(deal) : nothing}
      <p class="status${this.status?.refused ? ' refused' : ''}" role="status">${this.status?.text ?? ''}</p>
      <dl part="facts">
        ${fact(msg('dealCard.value'), html`<span class="money">${this.format.money(deal.value.amount, deal.value.currency)}</span>`)}
        ${fact(
          msg('dealCard.stage'),
          html`${stage?.name ?? '…'}${stage ? html`<p part="definition" class="definition">${stage.definition || msg('dealCard.noDefinition')}</p>` : nothing}`,
        )}
        ${fact(msg('dealCard.probability'), stage ? this.format.percent(stage.probability, 0) : '…')}
        ${fact(msg('dealCard.close'), deal.expectedCloseDate ? date(deal.expectedCloseDate) : msg('dealCard.none'))}
        ${fact(msg('dealCard.owner'), owner?.name ?? (deal.ownerId ? '…' : msg('dealCard.none')))}
        ${fact(
          msg('dealCard.contact'),
          deal.contactId
            ? html`<button class="link" @click=${() => this.dispatchEvent(new ChorusContactOpenEvent(deal.contactId!))}>${
                contact ? plainText(`${contact.firstName} ${contact.lastName}`.trim()) : '…'
              }</button>`
            : msg('dealCard.none'),
        )}
        ${fact(msg('dealCard.company'), deal.companyId ? (this.companyQuery.data?.name ?? '…') : msg('dealCard.none'))}
        ${fact(msg('dealCard.inStage'), this.format.duration(daysInStage(deal, Date.now()), 'day'))}
      </dl>
      ${
        this.connected
          ? html`${renderTimeline(this.tasksQuery.data?.data, this.activityQuery.data?.data, {
              msg,
              when: (time) => this.format.date(time),
              overdue: (task) => isOverdue(task.dueAt!, Date.now()),
              complete: (task) => this.onComplete(task),
            })}
            ${deal.contactId ? renderSchedule(msg, taskTypes, (event) => this.onSchedule(event, deal)) : nothing}`
          : nothing
      }
    </article>`;
  }

  private renderEditor(deal: Deal) {
    const users = this.usersQuery.data?.data ?? [];
    const digits = minorDigits(deal.value.currency);
    const field = (
      name: Field,
      label: string,
      input: unknown,
    ) => html`<label for="deal-${name}">${label}</label>
      ${input}
      <p id="deal-${name}-error" class="field-error">${this.errors[name] ?? ''}</p>`;
    const invalid = (name: Field) => (this.errors[name] ? 'true' : 'false');
    return html`<form
      class="editor"
      novalidate
      @submit=${(event: SubmitEvent) => this.onSave(event, deal)}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') this.editing = false;
      }}
    >
      ${field(
        'title',
        this.msg('dealCard.fieldTitle'),
        html`<input id="deal-title" name="title" .value=${deal.title} aria-invalid=${invalid('title')} aria-describedby="deal-title-error" />`,
      )}
      ${field(
        'amount',
        this.msg('dealCard.fieldValue', { currency: deal.value.currency }),
        html`<input id="deal-amount" name="amount" inputmode="decimal" .value=${String(deal.value.amount / 10 ** digits)} aria-invalid=${invalid('amount')} aria-describedby="deal-amount-error" />`,
      )}
      ${field(
        'close',
        this.msg('dealCard.close'),
        html`<input id="deal-close" name="close" type="date" .value=${deal.expectedCloseDate ?? ''} aria-invalid=${invalid('close')} aria-describedby="deal-close-error" />`,
      )}
      <label for="deal-owner">${this.msg('dealCard.owner')}</label>
      <select id="deal-owner" name="owner">
        <option value="">${this.msg('dealCard.none')}</option>
        ${users.map((user) => html`<option value=${user.id} ?selected=${user.id === deal.ownerId}>${user.name}</option>`)}
      </select>
      <div class="row">
        <button class="button primary" type="submit">${this.msg('dealCard.save')}</button>
        <button class="button" type="button" @click=${() => {
          this.editing = false;
          this.errors = {};
        }}>${this.msg('dealCard.cancel')}</button>
      </div>
    </form>`;
  }
}
