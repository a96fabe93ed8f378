import type { FunnelStage } from './funnel-model.js';

/**
 * A stage was chosen (click, Enter or Space on it): show the contacts who entered it, in your app.
 * Carries the window and filter shown, so the list can match the number.
 */
export class ChorusStageSelectEvent extends Event {
  static readonly eventName = 'chorus-stage-select';
  constructor(
    readonly stage: FunnelStage,
    /** How many entered it in the period shown. */
    readonly entered: number,
    /** The period shown: RFC 3339 UTC, `to` exclusive. */
    readonly from: string,
    readonly to: string,
    readonly campaignId: string | null,
    readonly channel: string | null,
  ) {
    super(ChorusStageSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chorus-stage-select': ChorusStageSelectEvent;
  }
}
