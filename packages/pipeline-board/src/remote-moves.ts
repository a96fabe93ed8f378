import type { ChangeEvent, ChangeFeed } from '@chorus/sdk/changes';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ChorusDealMoveEvent } from './events.js';

export interface RemoteMovesOptions {
  /** The provider's change feed, when it follows one. */
  feed: () => ChangeFeed | undefined;
  pipelineId: () => string | undefined;
  /** Says the move in the board's polite live region: never moves focus. */
  announce: (event: ChangeEvent) => void;
}

/** How long a card moved by someone else is marked, and an own move is told from an echo. */
const MARK_MS = 2_500;

/**
 * Moves made by someone else, on this board's pipeline: the cache has already put the card in its
 * new place (the SDK's `followChanges`); this says so to screen readers and marks the card briefly
 * for sighted users. A move this board made itself comes back as an event too; it is recognised by
 * the board's own `chorus-deal-move` just before, and stays silent.
 */
export class RemoteMoves implements ReactiveController {
  /** Deals moved by someone else a moment ago, marked on their cards. */
  readonly marked = new Set<string>();
  private readonly ownMoves = new Map<string, number>();
  private subscribed?: { feed: ChangeFeed; stop: () => void };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RemoteMovesOptions,
  ) {
    host.addController(this);
    // Before the request is sent: the feed's echo may arrive before the board hears its answer.
    host.addEventListener(ChorusDealMoveEvent.eventName, (event) => {
      this.ownMoves.set((event as ChorusDealMoveEvent).deal.id, Date.now());
    });
  }

  hostUpdated(): void {
    const feed = this.host.isConnected ? this.options.feed() : undefined;
    if (this.subscribed?.feed === feed) return;
    this.subscribed?.stop();
    this.subscribed = feed
      ? { feed, stop: feed.subscribe({ change: (event) => this.onChange(event) }) }
      : undefined;
  }

  hostDisconnected(): void {
    this.subscribed?.stop();
    this.subscribed = undefined;
  }

  private onChange(event: ChangeEvent): void {
    if (event.type !== 'deal.moved' || event.data.pipelineId !== this.options.pipelineId()) return;
    const own = this.ownMoves.get(event.entityId);
    if (own !== undefined && Date.now() - own < 10_000) {
      this.ownMoves.delete(event.entityId);
      return;
    }
    this.options.announce(event);
    this.marked.add(event.entityId);
    this.host.requestUpdate();
    setTimeout(() => {
      this.marked.delete(event.entityId);
      this.host.requestUpdate();
    }, MARK_MS);
  }
}
