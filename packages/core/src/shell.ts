import { ChorusError } from '@chorus/sdk';
import { html, nothing, type TemplateResult } from 'lit';

/**
 * The pieces every Chorus element's shell repeats: its custom states, what a failure says to a
 * person, and the box that says it with a way to try again. One copy here, so every element says
 * and styles a failure alike.
 */

/** Sets each named custom state on or off (`:state(loading)`, `:state(error)` …), in one call. */
export function setStates(internals: ElementInternals, states: Record<string, boolean>): void {
  for (const [name, on] of Object.entries(states)) {
    if (on) internals.states.add(name);
    else internals.states.delete(name);
  }
}

/** What a failure says to a person: the server's own explanation when it gave one. */
export function errorDetail(error: unknown): string {
  if (error instanceof ChorusError) return error.detail ?? error.title;
  return error instanceof Error ? error.message : String(error);
}

export interface ProblemOptions {
  /** Shown as a button beside the text when given. */
  retry?: () => void;
  /** The button's label (the element's `msg('core.retry')`). */
  retryLabel?: string;
  /** Classes of the box besides `problem` (the element's frame: `card`, `tile` …). */
  className?: string;
  /** The box's `part`: `base` when it is the element's whole content. */
  part?: string;
}

/** A failure as every element shows it: announced (`role="alert"`), with "Try again" when it can be. */
export function renderProblem(text: string, options: ProblemOptions = {}): TemplateResult {
  const { retry, retryLabel = 'Try again', className = '', part = 'base' } = options;
  return html`<div part=${part} class="${className} problem" role="alert">
    <span>${text}</span>
    ${retry ? html`<button class="button" @click=${retry}>${retryLabel}</button>` : nothing}
  </div>`;
}
