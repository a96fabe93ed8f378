import {
  type ChorusHost,
  errorDetail,
  minorDigits,
  MutationController,
  type Msg,
  QueryController,
} from '@chorus/core';
import type { Contact, Deal } from '@chorus/sdk';
import type { components } from '@chorus/contract/paths';
import { html, nothing, type ReactiveController } from 'lit';
import type { Stage } from './board-model.js';
import { fieldsNamed } from './problem-fields.js';

type ContactPage = { data: Contact[] };
/** The form's fields that the API's problem details can point at. */
const FIELDS = { 'body.title': 'title', 'body.value': 'amount', 'body.firstName': 'firstName' } as const;
type Field = (typeof FIELDS)[keyof typeof FIELDS];
const NEW = 'new';

/** What quick add reads from its board and asks of it. */
export interface QuickAddBoard {
  pipelineId(): string | undefined;
  currency(): string;
  root(): ShadowRoot;
  /** Says that the deal was added: in the board's live region, and where a sighted user sees it. */
  added(text: string): void;
}

/**
 * Quick add: a deal straight into a stage, its contact found by search or made on the spot. The
 * API validates (no rule is written twice): its problem details are shown beside the field they
 * name. A contact made before a refused deal stays chosen, so trying again makes no second one.
 */
export class QuickAdd implements ReactiveController {
  /** The stage the form adds to, while it is open. */
  stage?: Stage;
  private search = '';
  private errors: Partial<Record<Field, string>> = {};
  private problem = '';
  private made?: Contact;
  private readonly found: QueryController<ContactPage>;
  private readonly deals: MutationController<Deal, components['schemas']['CreateDeal']>;
  private readonly contacts: MutationController<Contact, components['schemas']['CreateContact']>;

  constructor(
    private readonly host: ChorusHost,
    private readonly board: QuickAddBoard,
  ) {
    host.addController(this);
    this.found = new QueryController<ContactPage>(host, (q) =>
      this.stage && this.search ? q.contacts.list({ q: this.search, limit: 5 }) : null,
    );
    this.deals = new MutationController(host, (q) => q.deals.create());
    this.contacts = new MutationController(host, (q) => q.contacts.create());
  }

  hostUpdated(): void {
    const dialog = this.board.root().querySelector<HTMLDialogElement>('#quick-add');
    if (this.stage && dialog && !dialog.open) dialog.showModal();
  }

  hostDisconnected(): void {
    this.stage = undefined;
  }

  open(stage: Stage): void {
    this.stage = stage;
    this.search = '';
    this.errors = {};
    this.problem = '';
    this.made = undefined;
    this.host.requestUpdate();
  }

  private close(): void {
    this.board.root().querySelector<HTMLDialogElement>('#quick-add')?.close();
    this.stage = undefined;
    this.host.requestUpdate();
  }

  private find(form: HTMLFormElement): void {
    this.search = (form.elements.namedItem('search') as HTMLInputElement).value.trim();
    this.host.requestUpdate();
  }

  private async submit(form: HTMLFormElement, msg: Msg): Promise<void> {
    const stage = this.stage;
    const pipelineId = this.board.pipelineId();
    if (!stage || !pipelineId) return;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const choice = form.querySelector<HTMLInputElement>('input[name=contact]:checked')?.value ?? '';
    const currency = this.board.currency();
    this.errors = {};
    this.problem = '';
    try {
      let contactId = choice === NEW ? undefined : choice || undefined;
      if (choice === NEW) {
        this.made = await this.contacts.mutate({
          firstName: value('firstName'),
          lastName: value('lastName'),
        });
        contactId = this.made.id;
      }
      const amount = value('amount').trim();
      const deal = await this.deals.mutate({
        title: value('title'),
        // Not a number stays one, so the API says which field is wrong rather than this guessing.
        value: {
          amount: amount ? Math.round(Number(amount) * 10 ** minorDigits(currency)) : Number.NaN,
          currency,
        },
        pipelineId,
        stageId: stage.id,
        ...(contactId ? { contactId } : {}),
      });
      this.close();
      this.board.added(msg('pipelineBoard.added', { deal: deal.title, stage: stage.name }));
    } catch (error) {
      this.refused(error, msg);
    }
    this.host.requestUpdate();
  }

  private refused(error: unknown, msg: Msg): void {
    for (const field of fieldsNamed(error, FIELDS))
      this.errors[field] = msg(`pipelineBoard.invalid.${field}`);
    if (!Object.keys(this.errors).length)
      this.problem = msg('pipelineBoard.addFailed', { detail: errorDetail(error) });
  }

  render(msg: Msg) {
    const stage = this.stage;
    if (!stage) return nothing;
    const busy = this.deals.status === 'pending' || this.contacts.status === 'pending';
    const field = (name: Field, label: string, inputmode = 'text') =>
      html`<label for="qa-${name}">${label}</label>
        <input
          id="qa-${name}"
          name=${name}
          inputmode=${inputmode}
          aria-invalid=${this.errors[name] ? 'true' : 'false'}
          aria-describedby="qa-${name}-error"
        />
        <p id="qa-${name}-error" class="field-error">${this.errors[name] ?? ''}</p>`;
    // Enter in the search box searches; anywhere else it adds the deal.
    const onSearchKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      this.find((e.target as HTMLInputElement).form!);
    };
    // Typing a new contact's name chooses "New contact".
    const onInput = (e: Event) => {
      const { name, form } = e.target as HTMLInputElement;
      const choice = form?.querySelector<HTMLInputElement>(`input[name=contact][value=${NEW}]`);
      if ((name === 'firstName' || name === 'lastName') && choice) choice.checked = true;
    };
    const contacts = this.made ? [this.made] : (this.found.data?.data ?? []);
    const option = (value: string, label: string, checked = false) =>
      html`<label class="choice"><input type="radio" name="contact" .value=${value} ?checked=${checked} />${label}</label>`;
    return html`<dialog
      id="quick-add"
      part="dialog"
      class="dialog"
      aria-labelledby="qa-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}
    >
      <form
        novalidate
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          void this.submit(e.target as HTMLFormElement, msg);
        }}
        @input=${onInput}
      >
        <h2 id="qa-title">${msg('pipelineBoard.addTitle', { stage: stage.name })}</h2>
        ${field('title', msg('pipelineBoard.dealTitle'))}
        ${field('amount', msg('pipelineBoard.dealValue', { currency: this.board.currency() }), 'decimal')}
        <fieldset class="choices">
          <legend>${msg('pipelineBoard.contact')}</legend>
          <div class="find">
            <label for="qa-search">${msg('pipelineBoard.findContact')}</label>
            <input id="qa-search" name="search" type="search" .value=${this.search} @keydown=${onSearchKey} />
            <button type="button" class="button" @click=${(e: Event) => this.find((e.target as HTMLButtonElement).form!)}>
              ${msg('pipelineBoard.find')}
            </button>
          </div>
          ${option('', msg('pipelineBoard.noContact'), !this.made)}
          ${contacts.map((c) => option(c.id, [c.firstName, c.lastName].join(' ').trim(), c === this.made))}
          ${this.search && this.found.data?.data.length === 0 ? html`<p class="muted">${msg('pipelineBoard.noneFound')}</p>` : nothing}
          ${this.made ? nothing : option(NEW, msg('pipelineBoard.newContact'))}
          ${this.made ? nothing : field('firstName', msg('pipelineBoard.firstName'))}
          ${this.made ? nothing : html`<label for="qa-lastName">${msg('pipelineBoard.lastName')}</label><input id="qa-lastName" name="lastName" />`}
        </fieldset>
        <p class="problem" role="alert">${this.problem}</p>
        <div class="actions">
          <button type="button" class="button" @click=${() => this.close()}>${msg('pipelineBoard.lostCancel')}</button>
          <button class="button primary" ?disabled=${busy}>${msg(busy ? 'pipelineBoard.adding' : 'pipelineBoard.add')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
