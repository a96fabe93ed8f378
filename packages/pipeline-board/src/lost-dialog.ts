import type { Msg } from '@chorus/core';
import { html } from 'lit';
import type { BoardDeal } from './board-model.js';

/**
 * The modal that asks why a deal was lost before the move is sent: a native `<dialog>` (focus
 * trapped, Escape cancels), one required field, nothing sent until it holds more than blanks.
 */
export function renderLostDialog(
  msg: Msg,
  deal: BoardDeal,
  on: { submit: (reason: string) => void; cancel: () => void },
) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('reason') as HTMLTextAreaElement;
    const reason = field.value.trim();
    if (!reason) {
      field.setCustomValidity(msg('pipelineBoard.lostHint'));
      field.reportValidity();
      return;
    }
    (form.closest('dialog') as HTMLDialogElement).close();
    on.submit(reason);
  };
  const cancel = (event: Event) => {
    event.preventDefault();
    (event.target as HTMLElement).closest('dialog')?.close();
    on.cancel();
  };
  return html`<dialog part="dialog" class="dialog" aria-labelledby="lost-title" @cancel=${cancel}>
    <form method="dialog" novalidate @submit=${submit}>
      <h2 id="lost-title">${msg('pipelineBoard.lostTitle', { deal: deal.title })}</h2>
      <label for="lost-reason">${msg('pipelineBoard.lostReason')}</label>
      <textarea
        id="lost-reason"
        name="reason"
        required
        maxlength="500"
        rows="3"
        aria-describedby="lost-hint"
        @input=${(e: Event) => (e.target as HTMLTextAreaElement).setCustomValidity('')}
      ></textarea>
      <p id="lost-hint" class="muted">${msg('pipelineBoard.lostHint')}</p>
      <div class="actions">
        <button type="button" class="button" @click=${cancel}>${msg('pipelineBoard.lostCancel')}</button>
        <button type="submit" class="button primary">${msg('pipelineBoard.lostConfirm')}</button>
      </div>
    </form>
  </dialog>`;
}
