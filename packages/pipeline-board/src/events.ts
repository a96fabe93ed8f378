import type { BoardDeal, Stage } from './board-model.js';

/**
 * A deal is about to move (pointer drop, keyboard drop, or the Lost reason confirmed). Cancel it
 * (`preventDefault()`) to keep the deal where it was: no request is sent.
 */
export class ChorusDealMoveEvent extends Event {
  static readonly eventName = 'chorus-deal-move';
  constructor(
    readonly deal: BoardDeal,
    readonly from: Stage,
    readonly to: Stage,
    /** Only for a move into a `lost` stage. */
    readonly lostReason?: string,
  ) {
    super(ChorusDealMoveEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A move was made: saved by the server when connected, or applied to `.deals` when presentational. */
export class ChorusDealMovedEvent extends Event {
  static readonly eventName = 'chorus-deal-moved';
  constructor(
    /** The deal as it is now (the server's copy when connected: new `version` and `stageEnteredAt`). */
    readonly deal: BoardDeal,
    readonly from: Stage,
    readonly to: Stage,
  ) {
    super(ChorusDealMovedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A card was clicked or Enter was pressed on it: open the deal in your app. */
export class ChorusDealOpenEvent extends Event {
  static readonly eventName = 'chorus-deal-open';
  constructor(readonly deal: BoardDeal) {
    super(ChorusDealOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A deal card's contact was activated: open the contact in your app. */
export class ChorusContactOpenEvent extends Event {
  static readonly eventName = 'chorus-contact-open';
  constructor(readonly contactId: string) {
    super(ChorusContactOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chorus-deal-move': ChorusDealMoveEvent;
    'chorus-deal-moved': ChorusDealMovedEvent;
    'chorus-deal-open': ChorusDealOpenEvent;
    'chorus-contact-open': ChorusContactOpenEvent;
  }
}
