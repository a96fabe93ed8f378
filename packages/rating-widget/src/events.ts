import type { ChorusError, Rating } from '@chorus/sdk';

/**
 * The API has stored a rating given in the widget (now, or later from the offline outbox).
 * `<chorus-rating-summary>` listens for it on the document and refreshes.
 */
export class ChorusRatingStoredEvent extends Event {
  static readonly eventName = 'chorus-rating-stored';
  constructor(readonly rating: Rating) {
    super(ChorusRatingStoredEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The API refused a rating (or a summary or reviews could not be loaded): the visitor is shown a
 * sentence they understand, and the page's developer gets the problem itself (`error`: its status,
 * `type`, `detail` and the fields at fault) here and in the console.
 */
export class ChorusErrorEvent extends Event {
  static readonly eventName = 'chorus-error';
  constructor(readonly error: ChorusError) {
    super(ChorusErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chorus-error': ChorusErrorEvent;
    'chorus-rating-stored': ChorusRatingStoredEvent;
  }
}
