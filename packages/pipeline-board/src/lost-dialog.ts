import type { Msg } from '@chorus/core';
import { html, nothing } from 'lit';
import type { BoardDeal } from './board-model.js';

const OTHER = '';

/**
 * The modal that asks why a deal was lost before the move is sent: a native `<dialog>` (focus
 * trapped, Escape cancels) with the workspace's reasons as radio buttons and "Other" with free
 * text (typing there chooses "Other"). Nothing is sent until a reason is chosen, or written with
 * more than blanks.
 */
export function renderLostDialog(
  msg: Msg,
  deal: BoardDeal,
  reasons: readonly string[],
  on: { submit: (reason: string) => void; cancel: () => void },
) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('reason') as HTMLTextAreaElement;
    const chosen = form.querySelector<HTMLInputElement>('input[name=choice]:checked')?.value;
    const reason = chosen || field.value.trim();
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
  const typed = (event: Event) => {
    const field = event.target as HTMLTextAreaElement;
    field.setCustomValidity('');
    const other = field.form?.querySelector<HTMLInputElement>(`input[name=choice][value="${OTHER}"]`);
    if (other) other.checked = true;
  };
  const choice = (value: string, label: string) =>
    html`<label class="choice"><input type="radio" name="choice" .value=${value} />${label}</label>`;
  return html`<dialog id="lost" part="dialog" class="dialog" aria-labelledby="lost-title" @cancel=${cancel}>
    <form method="dialog" novalidate @submit=${submit}>
      <h2 id="lost-title">${msg('pipelineBoard.lostTitle', { deal: deal.title })}</h2>
      ${
        reasons.length
          ? html`<fieldset class="choices">
              <legend>${msg('pipelineBoard.lostReason')}</legend>
              ${reasons.map((reason) => choice(reason, reason))} ${choice(OTHER, msg('pipelineBoard.lostOther'))}
            </fieldset>`
          : nothing
      }
      <label for="lost-reason">${msg(reasons.length ? 'pipelineBoard.lostOtherText' : 'pipelineBoard.lostReason')}</label>
      <textarea
        id="lost-reason"
        name="reason"
        maxlength="500"
        rows="3"
        aria-describedby="lost-hint"
        @input=${typed}
      ></textarea>
      <p id="lost-hint" class="muted">${msg('pipelineBoard.lostHint')}</p>
      <div class="actions">
        <button type="button" class="button" @click=${cancel}>${msg('pipelineBoard.lostCancel')}</button>
        <button type="submit" class="button primary">${msg('pipelineBoard.lostConfirm')}</button>
      </div>
    </form>
  </dialog>`;
}
