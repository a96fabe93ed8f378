import { MINIMUM_TIME_ON_PAGE_MS } from '@chorus/contract/enums';
import type { ChorusError } from '@chorus/sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { RatingElement } from './base.js';
import { ChorusErrorEvent, ChorusRatingStoredEvent } from './events.js';
import {
  attempt,
  type Delivery,
  onDelivery,
  type PendingRating,
  pendingRatings,
  startOutbox,
  submit,
} from './outbox.js';
import { ratingStyles } from './rating.styles.js';
import { isScale, type RatingScale, scoresOf } from './scales.js';

export const COMMENT_MODES = ['off', 'optional', 'required'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
export type RatingStatus = 'idle' | 'sending' | 'thanks' | 'queued' | 'error';

/** 32 random hex digits; `crypto.randomUUID` exists only on secure pages, and websites are not all. */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Asks a visitor for a rating: 1-5 stars, NPS 0-10 or CSAT 1-5, as a radio group (arrow keys,
 * Home/End), and sends it to Chorus with an idempotency key. A rating that cannot be sent yet
 * (offline, rate limited, a server error) waits in `localStorage` and is retried with backoff, also on
 * the next page load and from other tabs; the API stores it once however often it is retried.
 *
 * Inside a `<form>` it is also a form control (value: the score; `required` is validated); without a
 * `publishable-key` there it is only that, and the form sends the score.
 *
 * @tagname chorus-rating
 * @summary Collects a rating on any website and sends it, once, even across offline periods.
 * @fires chorus-rating-stored - The API stored the rating (`rating`), possibly after an offline wait.
 * @fires chorus-error - The API refused the rating or its follow-up answer for good (`error`: the problem, for developers; the visitor sees a plain sentence).
 * @fires change - The visitor chose a score (as a native form control does).
 * @attr base-url - The Chorus API's base URL, as on `<chorus-provider>`.
 * @attr api - Deprecated: the former name of `base-url`, read until the next minor release.
 * @attr publishable-key - The workspace's publishable key (`pk_…`).
 * @attr subject - What is rated, such as `product:monitor-x1`.
 * @attr follow-up - A question asked once the rating is stored (alone: "What could we do better?"); the answer is added to that rating.
 * @attr contact - A contact reference signed by your server: the rating is kept on that customer.
 * @attr scale - `stars5` (default), `nps10` or `csat5`.
 * @attr locale - BCP 47 locale for plural forms (default: the page's `lang`).
 * @attr theme - `auto` (default: on the page's own background, in its colours and colour scheme), `light` or `dark` (a padded card).
 * @cssstate light - `theme="light"`: a light card of its own.
 * @cssstate dark - `theme="dark"`: a dark card of its own.
 * @csspart base - The whole widget.
 * @csspart legend - The question.
 * @csspart options - The row of choices.
 * @csspart comment - The comment field.
 * @csspart button - The send and retry buttons.
 * @csspart status - The thank-you and saved-for-later messages (a polite live region).
 * @cssproperty --chorus-rating-star-color - A chosen star (default amber).
 * @cssproperty --chorus-rating-surface - The widget's background (default: none, the page's own).
 * @cssproperty --chorus-rating-padding - Space inside the widget (default: none; a themed card has some).
 * @cssproperty --chorus-color-accent - Chosen NPS/CSAT box, focus ring and buttons.
 */
export class ChorusRating extends RatingElement {
  static formAssociated = true;
  static override styles = [RatingElement.styles, ratingStyles];
  // States say `attribute: false` too: Lit implies it, the custom-elements analyzer does not.
  static override properties: PropertyDeclarations = {
    comment: {},
    followUp: { attribute: 'follow-up' },
    contact: {},
    label: {},
    required: { type: Boolean },
    disabled: { type: Boolean },
    score: { type: Number },
    status: { state: true, attribute: false },
    preview: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    text: { state: true, attribute: false },
    formDisabled: { state: true, attribute: false },
  };

  /** `off` (default), `optional` or `required`: a comment field shown once a score is chosen. */
  declare comment: CommentMode;
  /**
   * A question asked once the rating is stored, whose answer the API adds to it (amends it, once):
   * the attribute alone asks "What could we do better?", a value asks that instead. Not asked when
   * the rating came with a comment.
   */
  declare followUp?: string;
  /**
   * A known customer: a reference your server signs (see the README); the rating is then kept on
   * their record. Without it, ratings are anonymous.
   */
  declare contact?: string;
  /** The question, instead of the scale's default ("Your rating", the NPS question, …). */
  declare label?: string;
  /** In a form: a score must be chosen before the form submits. */
  declare required: boolean;
  declare disabled: boolean;
  /** The chosen score, or null. */
  declare score: number | null;
  /** Where the widget is: idle, sending, thanks, queued (saved, will be sent) or error (refused). */
  declare status: RatingStatus;
  /** @internal */
  declare private preview?: number;
  /** @internal */
  declare private problem?: string;
  /** @internal The API answered the last attempt busy (429, 5xx), rather than not at all. */
  declare private busy: boolean;
  /** @internal */
  declare private text: string;
  /** @internal */
  declare private formDisabled: boolean;

  #loggedProblem?: string;
  #unsubscribe?: () => void;
  /** The rating last sent from here: "Try again" sends this same one, under its same key. */
  #entry?: Omit<PendingRating, 'due'>;
  /** The stored rating the follow-up question's answer would amend, while it is asked. */
  #amends?: string;
  /** The outbox key of the answer, once sent: its delivery is this widget's to show. */
  #answerKey?: string;

  constructor() {
    super();
    this.comment = 'off';
    this.required = false;
    this.disabled = false;
    this.score = null;
    this.status = 'idle';
    this.busy = false;
    this.text = '';
    this.formDisabled = false;
  }

  /** The score as a form value ('' when none). */
  get value(): string {
    return this.score === null ? '' : String(this.score);
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onDelivery(this.#settle);
    startOutbox();
    // A rating this page load could not send is still on its way: say so instead of asking again.
    if (this.status === 'idle' && pendingRatings().some((p) => this.#owns(p))) this.status = 'queued';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  /** Only a form field: in a form, with no key to send it by itself. */
  get #fieldOnly(): boolean {
    return !!this.internals.form && !this.publishableKey;
  }

  /** What is wrong with the attributes, for the developer's console; undefined when nothing. */
  get #misconfiguration(): string | undefined {
    const wrong = [
      !isScale(this.scale) && 'scale (stars5, nps10 or csat5)',
      !this.#fieldOnly && !this.subject && 'subject',
      !this.#fieldOnly && !this.apiUrl && 'base-url',
      // A secret key in a web page would hand the whole CRM to every visitor.
      !this.#fieldOnly &&
        !this.publishableKey?.startsWith('pk_') &&
        'publishable-key (pk_…, never a secret key)',
    ].filter(Boolean);
    return wrong.length ? `set ${wrong.join(', ')}` : undefined;
  }

  #owns(pending: PendingRating): boolean {
    const { body } = pending;
    return 'amends' in body
      ? pending.key === this.#answerKey
      : pending.api === this.apiUrl && body.subject === this.subject && body.scale === this.scale;
  }

  /** What became of a rating of this widget's subject, sent from this tab or from another. */
  #settle = (pending: PendingRating, delivery: Delivery) => {
    if (!this.#owns(pending)) return;
    this.problem = undefined;
    if ('stored' in delivery) {
      // "Thank you" only once nothing of this subject is left waiting.
      this.status = pendingRatings().some((p) => this.#owns(p)) ? 'queued' : 'thanks';
      // Asked once, after a rating without a comment: an answer's own delivery asks nothing more.
      this.#amends =
        this.followUp != null && !('amends' in pending.body) && !delivery.stored.comment
          ? delivery.stored.id
          : undefined;
      this.dispatchEvent(new ChorusRatingStoredEvent(delivery.stored));
    } else if ('queued' in delivery) {
      this.status = 'queued';
      this.busy = !delivery.offline;
    } else if ('amends' in pending.body) {
      // The rating is stored; only its answer was refused: say so, and ask nothing again.
      this.status = 'thanks';
      this.#refused(delivery.refused, 'rating.answerError');
    } else {
      this.status = 'error';
      this.#entry = pending;
      this.#refused(delivery.refused, 'rating.error');
    }
  };

  /**
   * A final refusal: the visitor reads a sentence of their own; the API's detail ("body.subject:
   * must be a key without spaces…") is for the page's developer, in the console and the event.
   */
  #refused(error: ChorusError, message: string) {
    this.problem = this.msg(message);
    console.error(`<chorus-rating>: ${error.status} ${error.detail ?? error.title}`, error);
    this.dispatchEvent(new ChorusErrorEvent(error));
  }

  #choose(score: number) {
    this.score = score;
    this.problem = undefined;
    // Another score is another rating: it gets a key of its own.
    this.#entry = undefined;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /**
   * "Try again" while the API is busy: sends what is waiting now instead of at the end of its
   * backoff, under the same keys. (Offline, the browser's `online` event does that by itself.)
   */
  #retry() {
    for (const pending of pendingRatings()) if (this.#owns(pending)) void attempt(pending.key);
  }

  /** Home and End, which native radios lack; arrow keys are the browser's own. */
  #onKey(event: KeyboardEvent) {
    const scores = scoresOf(this.scale as RatingScale);
    const score = event.key === 'Home' ? scores[0] : event.key === 'End' ? scores.at(-1) : undefined;
    if (score === undefined) return;
    event.preventDefault();
    this.#choose(score);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(':checked')?.focus());
  }

  #send() {
    const comment = this.text.trim();
    this.problem =
      this.score === null
        ? this.msg('rating.pickScore')
        : this.comment === 'required' && !comment
          ? this.msg('rating.needComment')
          : undefined;
    if (this.score === null || this.problem || this.status === 'sending') return;
    const hp = this.renderRoot.querySelector<HTMLInputElement>('.hp')?.value;
    this.status = 'sending';
    // The API takes a submission within 1.5 s of the page's start for a script's, answers it as if
    // stored, and stores nothing: a quick visitor's rating is held until then, shown as sending. It
    // is written to the outbox at once all the same (due when the hold ends), so a reload keeps it.
    const now = performance.now();
    // "Try again" after a refusal sends the same rating under the same key: if an earlier answer was
    // lost after the API stored it, the API answers with that row instead of storing a second one.
    this.#entry ??= {
      key: newKey(),
      api: this.apiUrl!,
      publishableKey: this.publishableKey!,
      body: {
        subject: this.subject!,
        scale: this.scale as RatingScale,
        score: this.score!,
        ...(comment && { comment }),
        ...(this.contact && { contact: this.contact }),
        ...(hp && { hp }),
        // Measured from the page's start to the send, after any hold.
        elapsedMs: Math.ceil(Math.max(now, MINIMUM_TIME_ON_PAGE_MS)),
      },
      attempts: 0,
    };
    void submit(this.#entry, MINIMUM_TIME_ON_PAGE_MS - now);
  }

  /** Sends the answer to the follow-up question through the outbox: retried, never stored twice. */
  #answer() {
    const comment = this.text.trim();
    this.problem = comment ? undefined : this.msg('rating.needComment');
    if (!comment || !this.#amends) return;
    this.#answerKey = newKey();
    const body = { amends: this.#amends, comment };
    this.#amends = undefined;
    this.requestUpdate();
    void submit({
      key: this.#answerKey,
      api: this.apiUrl!,
      publishableKey: this.publishableKey!,
      body,
      attempts: 0,
    });
  }

  formAssociatedCallback() {
    this.requestUpdate();
  }

  formResetCallback() {
    this.score = null;
  }

  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const problem = this.#misconfiguration;
    if (problem && problem !== this.#loggedProblem) console.error(`<chorus-rating>: ${problem}.`);
    this.#loggedProblem = problem;
    if (changed.has('score') || changed.has('required')) {
      this.internals.setFormValue(this.value || null, this.value);
      const missing = this.required && this.score === null;
      this.internals.setValidity(
        { valueMissing: missing },
        missing ? this.msg('rating.pickScore') : '',
        this.renderRoot.querySelector('input') ?? undefined,
      );
    }
  }

  protected override render() {
    if (this.#misconfiguration)
      return html`<p part="base status" class="problem">${this.msg('rating.unavailable')}</p>`;
    const done = this.status === 'thanks' || this.status === 'queued';
    // One live region from the first render on: screen readers announce a change of its text, not
    // a region that appears already filled.
    return html`<div part="base" aria-busy=${this.status === 'sending'}>
      ${done ? nothing : this.#renderForm()}
      <p part="status" role="status" dir="auto">${
        done
          ? this.msg(
              this.status === 'thanks' ? 'rating.thanks' : this.busy ? 'rating.waiting' : 'rating.queued',
            )
          : ''
      }</p>
      ${
        this.status === 'queued' && this.busy
          ? html`<button part="button" @click=${this.#retry}>${this.msg('rating.retry')}</button>`
          : nothing
      }${this.status === 'thanks' && this.#amends ? this.#renderFollowUp() : nothing}${
        this.status === 'thanks' && this.problem
          ? html`<p part="status" class="problem" role="alert" dir="auto">${this.problem}</p>`
          : nothing
      }
    </div>`;
  }

  #renderFollowUp() {
    return html`<label dir="auto"
        >${this.followUp || this.msg('rating.followUp')}<textarea
          part="comment"
          maxlength="2000"
          .value=${this.text}
          @input=${(event: InputEvent) => (this.text = (event.target as HTMLTextAreaElement).value)}
        ></textarea></label
      ><div class="row"><button part="button" @click=${this.#answer}>${this.msg('rating.send')}</button></div>`;
  }

  #renderForm() {
    const scale = this.scale as RatingScale;
    const scores = scoresOf(scale);
    const shown = this.preview ?? this.score ?? 0;
    const busy = this.status === 'sending' || this.disabled || this.formDisabled;
    // What the ends of NPS and CSAT mean, shown under them and read as the group's description.
    const ends =
      scale === 'nps10'
        ? [this.msg('rating.npsLow'), this.msg('rating.npsHigh')]
        : scale === 'csat5'
          ? [this.#optionLabel(scale, 1), this.#optionLabel(scale, 5)]
          : undefined;
    // The end labels sit under the first and the last box: the boxes and the labels share one width.
    return html`<fieldset ?disabled=${busy} aria-describedby=${ends ? 'ends' : nothing}>
        <legend part="legend" dir="auto">${this.label || this.msg(`rating.legend.${scale}`)}</legend>
        <div class="scale"><div part="options" class="options" @keydown=${this.#onKey} @pointerleave=${() => (this.preview = undefined)}>
          ${scores.map(
            (score) => html`<label
              @pointerenter=${(event: PointerEvent) => {
                // A preview for pointers only: a keyboard user sees exactly what is chosen.
                if (event.pointerType === 'mouse') this.preview = score;
              }}
              ><input
                type="radio"
                name="score"
                .value=${String(score)}
                .checked=${this.score === score}
                aria-label=${this.#optionLabel(scale, score)}
                @change=${() => this.#choose(score)}
              />${
                scale === 'stars5'
                  ? html`<span class="star ${score <= shown ? 'on' : ''}" aria-hidden="true">★</span>`
                  : html`<span class="box" aria-hidden="true">${this.num(score)}</span>`
              }</label
            >`,
          )}
        </div>
        ${ends ? html`<div id="ends" class="ends"><span dir="auto">${ends[0]}</span> <span dir="auto">${ends[1]}</span></div>` : nothing}</div>
      </fieldset>
      ${this.#fieldOnly ? nothing : this.#renderSend(busy)}`;
  }

  #renderSend(busy: boolean) {
    const commentLabel = this.msg(this.comment === 'required' ? 'rating.comment' : 'rating.commentOptional');
    return html`${
      this.comment !== 'off' && this.score !== null
        ? html`<label dir="auto"
            >${commentLabel}<textarea
              part="comment"
              maxlength="2000"
              ?required=${this.comment === 'required'}
              ?disabled=${busy}
              .value=${this.text}
              @input=${(event: InputEvent) => {
                this.text = (event.target as HTMLTextAreaElement).value;
                this.#entry = undefined;
              }}
            ></textarea
          ></label>`
        : nothing
    }<input class="hp vh" tabindex="-1" autocomplete="off" aria-hidden="true" aria-label="Leave empty" />
      <div class="row">
        <button
          part="button"
          dir="auto"
          ?disabled=${this.disabled || this.formDisabled}
          aria-disabled=${busy}
          @click=${this.#send}
        >${this.msg(this.status === 'sending' ? 'rating.sending' : this.status === 'error' ? 'rating.retry' : 'rating.send')}</button>
        ${this.problem ? html`<p part="status" class="problem" role="alert" dir="auto">${this.problem}</p>` : nothing}
      </div>`;
  }

  /** "4 of 5 stars", "7 of 10", or the CSAT words ("Satisfied"). */
  #optionLabel(scale: RatingScale, score: number): string {
    return this.msg(`rating.option.${scale}${scale === 'csat5' ? `.${score}` : ''}`, { score });
  }
}
