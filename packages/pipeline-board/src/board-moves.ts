import { type ChorusHost, errorDetail, MutationController } from '@chorus/core';
import { ChorusPreconditionError, type Deal } from '@chorus/sdk';
import type { BoardMove, DealMove } from '@chorus/sdk/query';
import type { ReactiveController } from 'lit';
import type { BoardDeal, BoardSort, Column, Stage } from './board-model.js';
import { ChorusDealMovedEvent, ChorusDealMoveEvent } from './events.js';
import { KeyboardDnd } from './keyboard-dnd.js';

/** A move waiting for the reason it was lost. */
export interface PendingLost {
  deal: BoardDeal;
  from: Stage;
  to: Stage;
  after: string | null | undefined;
  /** Where it was: the card above it in its column, for Undo. */
  back: string | null | undefined;
}

/** What a sighted user is shown of a move (see `MoveToast`). */
export interface MoveFeedback {
  saving(text: string): void;
  saved(text: string, undo?: () => void): void;
  clear(): void;
}

/** What the move controller reads from its board and asks of it: callbacks, so it never imports the element. */
export interface MoveBoard {
  /** The columns as shown without a carried card. */
  columns(): readonly Column[];
  deal(id: string): BoardDeal | undefined;
  pipelineId(): string | undefined;
  sort(): BoardSort;
  msg(key: string, params?: Record<string, string | number>): string;
  /** Says what the board now shows, in its live region. */
  announce(key: string, deal: BoardDeal): Promise<void>;
  focus(id: string): void;
  /** A board without a server: apply the move to its own deals. */
  applyLocally(move: BoardMove): void;
  /** Read the board again (after a conflict). */
  reload(): Promise<unknown>;
  toast: MoveFeedback;
}

/**
 * Moving deals, by keyboard or pointer: the carry, the drop target, the Lost dialog's pending move
 * and the refusal shown to the user. Where a moved deal then is belongs to the data (the SDK's
 * optimistic move on the cached board, or `applyDealMove` on a presentational board's deals): this
 * keeps only what the user is doing.
 */
export class BoardMoves implements ReactiveController {
  readonly keyboard: KeyboardDnd;
  /** The deal being dragged with the pointer, and the column it is over. */
  dragId?: string;
  dropList?: number;
  pendingLost?: PendingLost;
  /** Why the last move was refused, for the board's alert. */
  problem = '';
  private readonly mover: MutationController<Deal, DealMove>;

  constructor(
    private readonly host: ChorusHost & EventTarget,
    private readonly board: MoveBoard,
  ) {
    host.addController(this);
    this.mover = new MutationController<Deal, DealMove>(host, (q) => q.deals.move());
    this.keyboard = new KeyboardDnd(
      host,
      (list) =>
        this.board.columns()[list]?.deals.filter((d) => d.id !== this.keyboard.carrying?.id).length ?? 0,
      () => this.board.columns().length,
    );
  }

  /** Letting go of the board drops what the user was doing: no dialog or drag is left half done. */
  hostDisconnected(): void {
    this.pendingLost = undefined;
    this.dragId = undefined;
    this.dropList = undefined;
  }

  get dragging(): boolean {
    return !!this.keyboard.carrying || this.dragId !== undefined;
  }

  /** Picks the card up (Space). */
  lift(deal: BoardDeal, list: number, index: number): void {
    this.keyboard.lift(deal.id, list, index);
    void this.board.announce('pipelineBoard.lifted', deal);
  }

  /** Carries the card (arrow keys). */
  shift(deal: BoardDeal, lists: number, steps: number): void {
    this.keyboard.shift(lists, steps);
    void this.board.announce('pipelineBoard.over', deal);
    this.board.focus(deal.id);
  }

  /** Puts the card back (Escape). */
  cancel(deal: BoardDeal): void {
    this.keyboard.cancel();
    void this.board.announce('pipelineBoard.cancelled', deal);
    this.board.focus(deal.id);
  }

  /** Drops the carried card where it is (Space or Enter). */
  drop(): void {
    const to = this.keyboard.carrying;
    const deal = to && this.board.deal(to.id);
    if (!to || !deal) {
      this.keyboard.drop();
      return;
    }
    // The carry stays until the move is in the data (see `letGo`), so the card does not flick back.
    void this.request(deal, to.list, to.index).finally(() => {
      this.letGo();
      this.board.focus(deal.id);
    });
  }

  /** Ends a keyboard carry: before saying what happened, so the words describe the board as it is. */
  private letGo(): void {
    if (this.keyboard.carrying) this.keyboard.drop();
  }

  dragStart(dealId: string): void {
    this.dragId = dealId;
    this.host.requestUpdate();
  }

  dragOver(list: number): void {
    if (this.dropList === list) return;
    this.dropList = list;
    this.host.requestUpdate();
  }

  dragEnd(): void {
    this.dragId = undefined;
    this.dropList = undefined;
    this.host.requestUpdate();
  }

  /** A pointer drop on column `list` at `index` among its other cards. */
  dropAt(list: number, index: number): void {
    const deal = this.dragId ? this.board.deal(this.dragId) : undefined;
    this.dragEnd();
    if (deal) void this.request(deal, list, index);
  }

  lostSubmitted(reason: string): void {
    const pending = this.pendingLost;
    this.pendingLost = undefined;
    this.host.requestUpdate();
    if (!pending) return;
    void this.commit(
      pending.deal,
      pending.from,
      pending.to,
      { after: pending.after, back: pending.back },
      reason,
    );
    this.board.focus(pending.deal.id);
  }

  lostCancelled(): void {
    const pending = this.pendingLost;
    this.pendingLost = undefined;
    this.host.requestUpdate();
    if (!pending) return;
    void this.board.announce('pipelineBoard.cancelled', pending.deal);
    this.board.focus(pending.deal.id);
  }

  dismissProblem(): void {
    this.problem = '';
    this.host.requestUpdate();
  }

  /**
   * A move to `index` among column `list`'s other cards: right after the card above it. In a column
   * sorted by a field the order is the field's, so only the stage changes.
   */
  private async request(deal: BoardDeal, list: number, index: number): Promise<void> {
    const columns = this.board.columns();
    const to = columns[list]?.stage;
    const from = columns.find((column) => column.stage.id === deal.stageId)?.stage;
    if (!to || !from) return;
    const others = columns[list]!.deals.filter((d) => d.id !== deal.id);
    const arranged = this.board.sort() === 'board';
    const after = arranged ? (others[index - 1]?.id ?? null) : undefined;
    const home = columns.find((column) => column.stage.id === from.id)!.deals;
    const back = arranged ? (home[home.indexOf(deal) - 1]?.id ?? null) : undefined;
    const unchanged = from.id === to.id && (!arranged || columns[list]!.deals.indexOf(deal) === index);
    if (unchanged) {
      this.letGo();
      void this.board.announce('pipelineBoard.cancelled', deal);
      return;
    }
    if (to.kind === 'lost' && from.id !== to.id) {
      this.letGo();
      this.pendingLost = { deal, from, to, after, back };
      this.host.requestUpdate();
      return;
    }
    await this.commit(deal, from, to, { after, back });
  }

  /**
   * Saves a move from `from` to `to`, right after `place.after`. With `place.back` (where the card
   * was) the saved move is offered for Undo, which moves it back there; a move back to Lost is not
   * (it would need the reason again), nor is an undo itself.
   */
  private async commit(
    deal: BoardDeal,
    from: Stage,
    to: Stage,
    place: { after: string | null | undefined; back?: string | null | undefined; undoing?: boolean },
    lostReason?: string,
  ): Promise<void> {
    const { after } = place;
    if (!this.host.dispatchEvent(new ChorusDealMoveEvent(deal, from, to, lostReason))) {
      this.letGo();
      void this.board.announce('pipelineBoard.cancelled', deal);
      return;
    }
    this.problem = '';
    const done = from.id === to.id ? 'pipelineBoard.reordered' : 'pipelineBoard.moved';
    const toast = this.board.toast;
    const savedText = this.board.msg(place.undoing ? 'pipelineBoard.movedBack' : 'pipelineBoard.toastMoved', {
      deal: deal.title,
      stage: to.name,
    });
    const undo =
      place.undoing || from.kind === 'lost'
        ? undefined
        : () => {
            const moved = this.board.deal(deal.id);
            if (moved) void this.commit(moved, to, from, { after: place.back, undoing: true });
          };
    const pipelineId = this.board.pipelineId();
    if (!pipelineId) {
      this.board.applyLocally({ dealId: deal.id, stageId: to.id, after, at: new Date().toISOString() });
      this.letGo();
      void this.board.announce(done, deal);
      toast.saved(savedText, undo);
      this.host.dispatchEvent(new ChorusDealMovedEvent(this.board.deal(deal.id) ?? deal, from, to));
      return;
    }
    toast.saving(this.board.msg('pipelineBoard.toastSaving', { deal: deal.title }));
    const saving = this.mover.mutate({
      deal: { id: deal.id, version: deal.version, pipelineId, contactId: deal.contactId },
      stageId: to.id,
      ...(after === undefined ? {} : { after }),
      ...(lostReason === undefined ? {} : { lostReason }),
    });
    const settled = saving.then(
      () => true,
      () => false,
    );
    await this.landed(deal, settled);
    this.letGo();
    void this.board.announce(done, deal);
    try {
      await saving;
      toast.saved(savedText, undo);
      this.host.dispatchEvent(new ChorusDealMovedEvent(this.board.deal(deal.id) ?? deal, from, to));
    } catch (error) {
      toast.clear();
      if (error instanceof ChorusPreconditionError) {
        this.problem = this.board.msg('pipelineBoard.conflict', { deal: deal.title });
        await this.board.reload();
      } else {
        const detail = errorDetail(error);
        this.problem = this.board.msg('pipelineBoard.refused', {
          deal: deal.title,
          detail,
          stage: from.name,
        });
      }
      this.host.requestUpdate();
    }
  }

  /** Resolves once the data shows the move (the optimistic write lands a task after the call) or it settled. */
  private async landed(deal: BoardDeal, settled: Promise<boolean>): Promise<void> {
    let over = false;
    void settled.then(() => {
      over = true;
    });
    for (let frame = 0; frame < 30 && !over; frame++) {
      const now = this.board.deal(deal.id);
      if (now && (now.stageId !== deal.stageId || now.rank !== deal.rank)) return;
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  }
}
