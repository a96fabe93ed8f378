import { type ChorusHost, errorDetail, MutationController, type Msg } from '@chorus/core';
import type { Activity } from '@chorus/sdk';
import type { components } from '@chorus/contract/paths';
import { html, nothing, type ReactiveController } from 'lit';

/** What the quick actions offer: three touches logged now, and a task scheduled for later. */
export const QUICK_ACTIONS = ['note', 'call', 'email', 'task'] as const;
export type QuickAction = (typeof QUICK_ACTIONS)[number];

/**
 * Logging a note, a call or an email, or scheduling a task, from the card. The SDK's create is
 * optimistic: the card's timeline shows the activity at once and loses it again if the server
 * refuses, and this says so in words.
 */
export class QuickActions implements ReactiveController {
  /** The form that is open, if any. */
  open?: QuickAction;
  private message?: { text: string; refused: boolean };
  private readonly create: MutationController<Activity, components['schemas']['CreateActivity']>;

  constructor(private readonly host: ChorusHost) {
    host.addController(this);
    this.create = new MutationController(host, (q) => q.activities.create());
  }

  hostConnected(): void {
    // Nothing to start: the mutation controller connects itself.
  }

  toggle(action: QuickAction): void {
    this.open = this.open === action ? undefined : action;
    this.message = undefined;
    this.host.requestUpdate();
  }

  private async submit(event: SubmitEvent, contactId: string, msg: Msg): Promise<void> {
    event.preventDefault();
    const action = this.open;
    if (!action) return;
    const data = new FormData(event.target as HTMLFormElement);
    const due = String(data.get('due') ?? '');
    this.open = undefined;
    this.message = undefined;
    this.host.requestUpdate();
    try {
      await this.create.mutate({
        type: action === 'task' ? 'call' : action,
        contactId,
        body: String(data.get('body') ?? ''),
        // A local date and time as typed; an invalid one goes as is and the API says so.
        ...(action === 'task' ? { dueAt: due ? new Date(due).toISOString() : due } : {}),
      });
      this.message = { text: msg('contactCard.logged'), refused: false };
    } catch (error) {
      this.message = { text: msg('contactCard.logFailed', { detail: errorDetail(error) }), refused: true };
    }
    this.host.requestUpdate();
  }

  render(contactId: string, msg: Msg) {
    const open = this.open;
    return html`<section aria-labelledby="quick">
      <h3 id="quick">${msg('contactCard.quickActions')}</h3>
      <div part="quick-actions" class="row">
        ${QUICK_ACTIONS.map(
          (action) =>
            html`<button class="button" aria-expanded=${open === action ? 'true' : 'false'} @click=${() => this.toggle(action)}>
              ${msg(`contactCard.log.${action}`)}
            </button>`,
        )}
      </div>
      ${
        open
          ? html`<form class="quick" aria-label=${msg(`contactCard.log.${open}`)} @submit=${(e: SubmitEvent) => this.submit(e, contactId, msg)}>
              <label>${msg(open === 'task' ? 'contactCard.whatToDo' : 'contactCard.whatHappened')}
                <textarea name="body" rows="2" maxlength="2000"></textarea>
              </label>
              ${open === 'task' ? html`<label>${msg('contactCard.due')}<input name="due" type="datetime-local" /></label>` : nothing}
              <div class="row">
                <button class="button primary" type="submit">${msg('contactCard.save')}</button>
                <button class="button" type="button" @click=${() => this.toggle(open)}>${msg('contactCard.cancel')}</button>
              </div>
            </form>`
          : nothing
      }
      ${
        this.message
          ? html`<p class="status${this.message.refused ? ' refused' : ''}" role=${this.message.refused ? 'alert' : 'status'}>${this.message.text}</p>`
          : nothing
      }
    </section>`;
  }
}
