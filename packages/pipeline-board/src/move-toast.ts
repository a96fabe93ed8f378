import type { Msg } from '@chorus/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** How long "Moved … Undo" stays once saved, unless the pointer or focus is on it. */
export const TOAST_MS = 6_000;

interface Toast {
  text: string;
  /** Saved (or taken back): counted down. */
  settled: boolean;
  /** Present once the move is saved and can be taken back. */
  undo?: (() => void) | undefined;
}

/**
 * What a sighted user sees of a move: "Saving…" while the request is out, then "Moved … to …" with
 * Undo for a few seconds; also what else the board says in its live region (a deal added, a deal
 * someone else moved). Screen readers hear the same through that live region, so the toast is not a
 * live region itself (it would be said twice); its Undo is in the tab order after the columns, and
 * Ctrl+Z (⌘Z) on the board does the same. The timer waits while the toast is hovered or focused
 * (WCAG 2.2.1), and a newer move replaces the toast.
 */
export class MoveToast implements ReactiveController {
  private toast?: Toast;
  private timer?: ReturnType<typeof setTimeout>;
  private held = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** While a move is being saved. */
  saving(text: string): void {
    this.show({ text, settled: false });
  }

  /** Saved: offered for undo (when `undo` is given) for `TOAST_MS`. */
  saved(text: string, undo?: () => void): void {
    this.show({ text, settled: true, undo });
    this.arm();
  }

  /**
   * Something the user did not do themselves (someone else's move): shown like a saved move, but
   * never over the user's own move while it is saving or can still be undone.
   */
  note(text: string): void {
    if (this.toast && (!this.toast.settled || this.toast.undo)) return;
    this.saved(text);
  }

  /** The move failed (the board's alert says why) or was taken back: the toast goes. */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.toast) return;
    this.toast = undefined;
    this.host.requestUpdate();
  }

  /** Ctrl+Z / ⌘Z: takes back the move the toast offers, if any. Returns whether it did. */
  undoKey(event: KeyboardEvent): boolean {
    const undo = this.toast?.undo;
    if (!undo || event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey)
      return false;
    event.preventDefault();
    this.runUndo(undo);
    return true;
  }

  render(msg: Msg) {
    const toast = this.toast;
    if (!toast) return nothing;
    const hold = () => {
      this.held = true;
      clearTimeout(this.timer);
    };
    const release = () => {
      this.held = false;
      this.arm();
    };
    return html`<div
      part="toast"
      class="toast"
      @pointerenter=${hold}
      @pointerleave=${release}
      @focusin=${hold}
      @focusout=${release}
    >
      <span>${toast.text}</span>
      ${
        toast.undo
          ? html`<button type="button" class="button" @click=${() => this.runUndo(toast.undo!)}>
              ${msg('pipelineBoard.undo')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private show(toast: Toast) {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.toast = toast;
    this.host.requestUpdate();
  }

  /** Counts down a saved toast's time, unless it is held; "Saving…" stays until the answer. */
  private arm() {
    clearTimeout(this.timer);
    if (!this.held && this.toast?.settled) this.timer = setTimeout(() => this.clear(), TOAST_MS);
  }

  private runUndo(undo: () => void) {
    this.held = false;
    this.clear();
    undo();
  }
}
