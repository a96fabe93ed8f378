import type { Contact } from '@chorus/sdk';

/** The contact was chosen (its name activated): open it in your app. */
export class ChorusContactSelectEvent extends Event {
  static readonly eventName = 'chorus-contact-select';
  constructor(readonly contactId: string) {
    super(ChorusContactSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * A change the user made in the card. Dispatched before it is sent (call `preventDefault()` to stop
 * it); `contact` is the contact with the change applied.
 */
export class ChorusContactChangeEvent extends Event {
  static readonly eventName = 'chorus-contact-change';
  constructor(
    readonly contact: Contact,
    readonly changes: Partial<Contact>,
  ) {
    super(ChorusContactChangeEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chorus-contact-select': ChorusContactSelectEvent;
    'chorus-contact-change': ChorusContactChangeEvent;
  }
}
