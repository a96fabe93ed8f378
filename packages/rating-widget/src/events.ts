import type { Rating } from '@chorus/sdk';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'chorus-rating-stored': ChorusRatingStoredEvent;
  }
}
