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

/** What an association on the card points to. */
export const ASSOCIATION_KINDS = ['deal', 'ticket', 'company'] as const;
export type AssociationKind = (typeof ASSOCIATION_KINDS)[number];

/** A deal, ticket or company associated with the contact was activated: open it in your app. */
export class ChorusAssociationOpenEvent extends Event {
  static readonly eventName = 'chorus-association-open';
  constructor(
    readonly kind: AssociationKind,
    readonly id: string,
  ) {
    super(ChorusAssociationOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chorus-contact-select': ChorusContactSelectEvent;
    'chorus-contact-change': ChorusContactChangeEvent;
    'chorus-association-open': ChorusAssociationOpenEvent;
  }
}
