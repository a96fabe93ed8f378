import { ChorusElement, errorDetail, QueryController, setStates } from '@chorus/core';
import type { BoardDeal, Pipeline, PipelineBoard } from '@chorus/sdk';
import type { ChangeEvent } from '@chorus/sdk/changes';
import { applyDealMove } from '@chorus/sdk/query';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Arrangement, type Source } from './arrangement.js';
import { type ColumnView, cardViews, renderColumn } from './board-column.js';
import { onCardKey } from './board-keys.js';
import {
  renderLoadError,
  renderLoading,
  renderProblem,
  renderScope,
  renderTotal,
  scopeWords,
} from './board-frame.js';
import {
  type BoardFilter,
  type BoardSort,
  boardTotals,
  cardFieldsOf,
  type Column,
  isFiltered,
  ownersOf,
  rottingThreshold,
  scopedKinds,
  viewOf,
} from './board-model.js';
import { BoardMoves } from './board-moves.js';
import { CardFocus } from './card-focus.js';
import { ColumnPages, FIRST_PAGE } from './column-pages.js';
import { renderDropZones } from './drop-zone.js';
import { ChorusDealOpenEvent } from './events.js';
import { renderFilters } from './filters.js';
import { renderLostDialog } from './lost-dialog.js';
import { PIPELINE_BOARD_MESSAGES } from './messages.js';
import { PIPELINE_BOARD_TRANSLATIONS } from './translations.js';
import { QuickAdd } from './quick-add.js';
import { RemoteMoves } from './remote-moves.js';
import { MoneyTexts } from './money-texts.js';
import { MoveToast } from './move-toast.js';
import { pipelineBoardStyles } from './pipeline-board.styles.js';
import { cardOf, PointerDrag } from './pointer-drag.js';

/**
 * The deals board: one column per stage of a pipeline with its agreed definition, count, total and
 * weighted value; cards that move by pointer or keyboard, optimistically, with a reason asked for
 * Lost; the order within a column is stored, so it is the same for everyone and after a reload.
 * Connected (`pipeline-id`: one request for the first screen of any size of board, each column then
 * loads more as it scrolls; filters and order apply on the server) or presentational (`.pipeline` and
 * `.deals`, no request). Columns are virtualized.
 *
 * @tagname chorus-pipeline-board
 * @summary A pipeline's deals by stage, moved with the pointer or the keyboard.
 * @fires chorus-deal-move - Before a move is made (cancelable: `preventDefault()` keeps the deal where it was, no request is sent): `deal`, `from`, `to`, `lostReason`.
 * @fires chorus-deal-moved - A move was saved (or applied, when presentational): `deal` (the server's copy), `from`, `to`.
 * @fires chorus-deal-open - A card was clicked or Enter was pressed on it: `deal`.
 * @attr theme - `light`, `dark` or `auto` (default: the provider's, then the OS setting).
 * @attr locale - BCP 47 locale for numbers and messages (default: the provider's, then the page's).
 * @attr card-fields - What cards show besides title, value and days in stage, space-separated: `next-activity` (the earliest open task; overdue in the warning colour and in words), `close-date`, `owner` (an avatar with initials). Default: all three.
 * @attr closed-stages - `zones` (default): won and lost stages are drop zones that appear while a card is dragged or carried; `columns`: they are columns like the others.
 * @csspart base - The board's frame.
 * @csspart toolbar - The filters and order controls.
 * @csspart total - The open pipeline's total above the columns.
 * @csspart columns - The row of columns (scrolls sideways when narrow).
 * @csspart column - One stage's column.
 * @csspart column-header - A column's name, definition and figures.
 * @csspart card - A deal card.
 * @csspart avatar - The owner's initials on a card.
 * @csspart next-activity - A card's next activity.
 * @csspart drop-zone - A won or lost stage while a card is dragged or carried.
 * @csspart stale - The badge on a deal past its stage's rotting threshold.
 * @csspart dialog - The dialog asking why a deal was lost.
 * @csspart toast - "Saving…", then "Moved … to …" with Undo for a few seconds after a move (Ctrl+Z or ⌘Z on the board also undoes it); also a deal added, or moved by someone else.
 * @cssproperty --chorus-pipeline-board-column-width - Narrowest a column gets (default 248px).
 * @cssproperty --chorus-pipeline-board-column-height - Height of a column's card list (default min(64vh, 640px)).
 * @cssproperty --chorus-pipeline-board-stale-color - The stale marker's colour (default the warning colour).
 * @cssproperty --chorus-pipeline-board-overdue-color - An overdue next activity's colour (default the warning colour).
 * @cssstate loading - Waiting for the board.
 * @cssstate error - The board could not be loaded.
 * @cssstate dragging - A card is being dragged or carried with the keyboard.
 */
export class ChorusPipelineBoard extends ChorusElement {
  static override styles = [...ChorusElement.styles, pipelineBoardStyles];
  static override defaultMessages = PIPELINE_BOARD_MESSAGES;
  static override translations = PIPELINE_BOARD_TRANSLATIONS;

  private readonly board = new QueryController<PipelineBoard>(this, (q) =>
    // While another view of the same pipeline loads, the last one stays on screen rather than a skeleton.
    this.pipelineId
      ? {
          ...q.pipelines.board(this.pipelineId, this.view, FIRST_PAGE),
          placeholderData: (last: unknown, query?: { queryKey: readonly unknown[] }) =>
            query?.queryKey[3] === this.pipelineId ? last : undefined,
        }
      : null,
  );
  private readonly toast = new MoveToast(this);
  private readonly moves = new BoardMoves(this, {
    columns: () => this.arranged.base,
    deal: (id) => this.source?.deals.find((deal) => deal.id === id),
    pipelineId: () => this.pipelineId,
    sort: () => this.sort,
    msg: (key, params) => this.msg(key, params),
    announce: (key, deal) => this.announce(key, deal),
    focus: (id) => void this.cards.focus(id),
    applyLocally: (move) => {
      if (this.pipeline)
        this.deals = applyDealMove({ pipeline: this.pipeline, deals: this.deals }, move).deals;
    },
    reload: () => this.board.refetch(),
    toast: this.toast,
  });
  /** Loaded once a card is picked up, so a board that is only read never asks for them. */
  private readonly reasons = new QueryController<{ data: { label: string }[] }>(this, (q) =>
    this.pipelineId && (this.moves.dragging || this.moves.pendingLost) ? q.deals.lostReasons() : null,
  );
  private readonly quickAdd = new QuickAdd(this, {
    pipelineId: () => this.pipelineId,
    currency: () => this.source?.currency ?? this.currency,
    root: () => this.renderRoot as ShadowRoot,
    added: (text) => {
      this.announcement = text;
      this.toast.saved(text);
    },
  });
  private readonly remote = new RemoteMoves(this, {
    feed: () => this.chorusEnvironment?.changes,
    pipelineId: () => this.pipelineId,
    announce: (event) => void this.announceRemote(event),
  });
  private readonly cards = new CardFocus(this, {
    columns: () => this.arranged.columns,
    where: () => this.arranged.where,
    root: () => this.renderRoot as ShadowRoot,
    carrying: () => !!this.moves.keyboard.carrying,
    hidden: (list) => this.isZone(this.arranged.columns[list]),
  });
  private readonly pages = new ColumnPages(
    this,
    () => {
      const data = this.board.data;
      return this.pipelineId && data && !this.board.result?.isPlaceholderData
        ? {
            pipelineId: this.pipelineId,
            view: this.view,
            cursorOf: (id) => data.stages.find((s) => s.stageId === id)?.nextCursor,
          }
        : undefined;
    },
    (error) => {
      this.problem = this.msg('pipelineBoard.moreFailed', { detail: errorDetail(error) });
    },
  );

  /** The pipeline to load and save through the provider. Without it, the board shows `.pipeline` and `.deals`. */
  @property({ attribute: 'pipeline-id' }) pipelineId?: string;

  /** Presentational: the pipeline with its stages, in order. */
  @property({ attribute: false }) pipeline?: Pipeline;

  /** Presentational: the deals (each with its `rank`); a move replaces this array with the moved deal in its new place. */
  @property({ attribute: false }) deals: BoardDeal[] = [];

  /** Presentational: the currency of the figures (connected boards use the workspace's). */
  @property() currency = 'EUR';

  /** Days after which a deal is stale in a stage that sets none. */
  @property({ attribute: 'rotting-days', type: Number }) rottingDays?: number;

  /** Days after which a deal is stale, by stage id: over the stage's own `rottingDays`. */
  @property({ attribute: false }) stageRottingDays: Record<string, number> = {};

  /** Presentational: the reasons the Lost dialog offers beside "Other" (connected boards load the workspace's). */
  @property({ attribute: false }) lostReasons: string[] = [];

  /**
   * Owner, text and value range (the toolbar edits them), and a status and closed window (a page sets
   * them, e.g. from the lost-sales tile; the board shows only the stages they leave deals in, with a
   * way back to all). Connected, the server filters (and counts).
   */
  @property({ attribute: false }) filter: BoardFilter = {};

  /** `board` (as arranged), `value`, `age` or `close`; the toolbar edits it. Connected, the server orders. */
  @property({ reflect: true }) sort: BoardSort = 'board';

  /** What cards show besides title, value and days in stage (see `card-fields`). */
  @property({ attribute: 'card-fields' }) cardFields = 'next-activity close-date owner';

  /** `zones`: won and lost appear as drop zones while dragging; `columns`: as columns. */
  @property({ attribute: 'closed-stages' }) closedStages: 'zones' | 'columns' = 'zones';

  @state() private announcement = '';
  /** The scope last said (see `tellScope`); unset until the first view is shown. */
  private toldScope?: string;
  /** Why the last load of more cards failed (a move's refusal is the move controller's). */
  @state() private problem = '';
  /** The column whose definition Escape hid (WCAG 1.4.13: content on hover or focus is dismissible). */
  @state() private dismissedDefinition?: number;

  @query('#lost') private dialog?: HTMLDialogElement;

  private readonly arranged = new Arrangement();
  private readonly money = new MoneyTexts();
  private readonly pointer = new PointerDrag(this, this.moves, () => this.arranged.base);

  private get view() {
    return viewOf(this.filter, this.sort);
  }

  private get source(): Source | undefined {
    if (this.pipelineId) {
      const data = this.board.data;
      return data && { pipeline: data.pipeline, deals: data.deals, currency: data.currency, board: data };
    }
    return this.pipeline && { pipeline: this.pipeline, deals: this.deals, currency: this.currency };
  }

  private get reasonLabels(): readonly string[] {
    return this.pipelineId ? (this.reasons.data?.data.map((reason) => reason.label) ?? []) : this.lostReasons;
  }

  // Here, not in willUpdate: Lit runs the controllers' hostUpdate after willUpdate, and only then
  // does the board's query hold the view just asked for (a scope a page set, say). Arranged before,
  // the columns and the figures said about them were the last view's for one update.
  protected override update(changed: PropertyValues<this>): void {
    this.arranged.update(this.source, this.filter, this.sort, this.moves.keyboard.carrying);
    const { status } = this.board;
    const states = {
      loading: !!this.pipelineId && status === 'pending',
      error: !!this.pipelineId && status === 'error',
      dragging: this.moves.dragging,
    };
    setStates(this.internals, states);
    this.internals.ariaBusy = String(states.loading);
    // Before rendering, so the words go out with the view they describe.
    this.tellScope();
    super.update(changed);
  }

  // Announcements are composed after the update, from what the board then shows, so they cannot drift from it.
  private async announce(key: string, deal: BoardDeal) {
    await this.updateComplete;
    const at = this.arranged.where.get(deal.id);
    const column = at ? this.arranged.columns[at.list] : undefined;
    this.announcement = this.msg(key, {
      deal: deal.title,
      stage:
        column?.stage.name ?? this.source?.pipeline.stages.find((s) => s.id === deal.stageId)?.name ?? '',
      position: (at?.index ?? 0) + 1,
      count: column ? Math.max(column.figures.count, column.deals.length) : 0,
    });
  }

  /** "Deal X moved to Demo by Ana Lima.": after the update that put the card there. */
  private async announceRemote(event: ChangeEvent) {
    await this.updateComplete;
    const deal = this.source?.deals.find((item) => item.id === event.entityId);
    const stage = this.source?.pipeline.stages.find((item) => item.id === event.data.stageId)?.name ?? '';
    const title = deal?.title ?? event.data.title ?? '';
    this.announcement = event.actor
      ? this.msg('pipelineBoard.movedBy', { deal: title, stage, actor: event.actor })
      : this.msg('pipelineBoard.movedElsewhere', { deal: title, stage });
    // The marked card shows where; these words show who, to those who do not hear the live region.
    this.toast.note(this.announcement);
  }

  private dealOf(event: Event): BoardDeal | undefined {
    const id = cardOf(event, this)?.dataset['dealId'];
    return id ? this.source?.deals.find((deal) => deal.id === id) : undefined;
  }

  private onClick(event: MouseEvent) {
    // Enter and Space are handled (and their activation prevented) on keydown, so a click here is a
    // pointer's or an assistive technology's: both open the deal.
    const deal = this.dealOf(event);
    if (!deal) return;
    this.cards.activate(deal.id);
    this.dispatchEvent(new ChorusDealOpenEvent(deal));
  }

  private onFocusIn(event: FocusEvent) {
    const id = cardOf(event, this)?.dataset['dealId'];
    if (id) this.cards.activate(id);
  }

  private onKeydown(event: KeyboardEvent) {
    const deal = this.dealOf(event);
    const at = deal && this.arranged.where.get(deal.id);
    if (!deal || !at) return;
    onCardKey(event, deal, at, {
      moves: this.moves,
      cards: this.cards,
      columns: this.arranged.columns,
      open: (open) => this.dispatchEvent(new ChorusDealOpenEvent(open)),
    });
  }

  private onDrop(event: DragEvent) {
    const id = this.moves.dragId;
    this.pointer.drop(event);
    if (id) this.cards.activate(id);
  }

  private onVisibilityChanged(event: VisibilityChangedEvent, list: number) {
    this.cards.visibilityChanged(event, list);
    const column = this.arranged.columns[list];
    if (column) this.pages.reached(column, event.last);
  }

  private onAboutKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    const column = (event.target as HTMLElement).closest<HTMLElement>('section.column');
    this.dismissedDefinition = Number(column?.dataset['list']);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.moves.pendingLost && this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  private scopeWords() {
    return scopeWords(
      (key, params) => this.msg(key, params),
      this.filter,
      (time) => this.format.date(time),
    );
  }

  /**
   * A page narrowing the board (a tile's drill-down) or "Show all deals" widening it is said in the
   * live region once, when the deals it shows are in (not the last view's, kept on screen while they
   * load), in the words of the line above the columns. The first view is the page's, and not said.
   */
  private tellScope() {
    const source = this.source;
    const scoped = scopedKinds(this.filter);
    const key = String(scoped && [this.filter.status, this.filter.closedFrom, this.filter.closedTo]);
    if (!source || this.board.result?.isPlaceholderData || key === this.toldScope) return;
    if (this.toldScope !== undefined) {
      const { label, window } = scoped
        ? this.scopeWords()
        : { label: this.msg('pipelineBoard.total'), window: '' };
      const { count, total } = boardTotals(this.arranged.base, scoped);
      this.announcement = this.msg('pipelineBoard.scopeShown', {
        what: `${label} ${window}`.trim(),
        deals: this.msg('pipelineBoard.deals', { count, n: this.format.number(count, 0) }),
        value: this.figure(total, source.currency, total),
      });
    }
    this.toldScope = key;
  }

  protected override render() {
    const source = this.source;
    const msg = (key: string, params?: Record<string, string | number>) => this.msg(key, params);
    const pending = this.moves.pendingLost;
    return html`<section
      part="base"
      class="board"
      aria-label=${this.msg('pipelineBoard.label', { pipeline: source?.pipeline.name ?? '' })}
      @keydown=${(event: KeyboardEvent) => this.toast.undoKey(event)}
    >
      ${source ? renderFilters(this, msg, source.board?.owners ?? ownersOf(source.deals), source.currency) : nothing}
      ${this.renderBody(source)}
      <p id="instructions" hidden>${this.msg('pipelineBoard.instructions')}</p>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.toast.render(msg)}
      ${this.quickAdd.render(msg)}
      ${
        pending
          ? renderLostDialog(msg, pending.deal, this.reasonLabels, {
              submit: (reason) => this.moves.lostSubmitted(reason),
              cancel: () => this.moves.lostCancelled(),
            })
          : nothing
      }
    </section>`;
  }

  private renderBody(source: Source | undefined) {
    const noProvider = html`<p class="problem" role="alert">${this.msg('core.noProvider')}</p>`;
    if (!this.pipelineId && !this.pipeline) return this.chorusEnvironment ? nothing : noProvider;
    if (this.pipelineId && !this.chorusEnvironment) return noProvider;
    const { status, error } = this.board;
    const msg = (key: string, params?: Record<string, string | number>) => this.msg(key, params);
    if (this.pipelineId && status === 'error' && !source)
      return renderLoadError(msg, errorDetail(error), () => this.board.refetch());
    if (!source) return renderLoading(msg);
    const scoped = scopedKinds(this.filter);
    const totals = boardTotals(this.arranged.base, scoped);
    const money = (amount: number) => this.figure(amount, source.currency, totals.total);
    const count = this.format.number(totals.count, 0);
    const empty = this.arranged.base.every((c) => c.deals.length === 0);
    const notice = isFiltered(this.filter) ? 'pipelineBoard.noMatches' : 'pipelineBoard.emptyPipeline';
    return html`${
      scoped
        ? renderScope(msg, this.scopeWords(), { totals, count, money }, () => this.clearScope())
        : renderTotal(msg, totals, count, money)
    }
      ${renderProblem(msg, this.moves.problem || this.problem, () => this.dismissProblem())}
      ${empty ? html`<p class="notice">${this.msg(notice)}</p>` : nothing}
      <div
        class="lanes"
        @keydown=${this.onKeydown}
        @click=${this.onClick}
        @focusin=${this.onFocusIn}
        @dragstart=${(e: DragEvent) => this.pointer.start(e)}
        @dragover=${(e: DragEvent) => this.pointer.over(e)}
        @drop=${this.onDrop}
        @dragend=${() => this.pointer.end()}
      >
        <div part="columns" class="columns">
          ${this.arranged.columns.map((column, list) => (this.isHidden(column) ? nothing : this.renderColumn(column, list, source.currency)))}
        </div>
        ${
          this.moves.dragging
            ? renderDropZones(this.arranged.columns, (column) => this.isZone(column), {
                msg,
                dropList: this.moves.dropList,
                carriedId: this.moves.keyboard.carrying?.id,
                cards: (column, list) => cardViews(this.columnView(column, list, source.currency)),
              })
            : nothing
        }
      </div>`;
  }

  private dismissProblem() {
    this.problem = '';
    this.moves.dismissProblem();
  }

  /** A won or lost stage shown as a drop zone rather than a column (a closed scope shows them as columns). */
  private isZone(column: Column | undefined): boolean {
    return (
      this.closedStages === 'zones' && !!column && column.stage.kind !== 'open' && !scopedKinds(this.filter)
    );
  }

  /** Not shown as a column: a drop zone, or a stage the status or closed window leaves no deal in. */
  private isHidden(column: Column | undefined): boolean {
    const scoped = scopedKinds(this.filter);
    return this.isZone(column) || (!!column && !!scoped && !scoped.includes(column.stage.kind));
  }

  /** Back to every deal: the status and window go, the toolbar's own filters stay. */
  private clearScope() {
    const { status: _status, closedFrom: _from, closedTo: _to, ...rest } = this.filter;
    this.filter = rest;
  }

  private renderColumn(column: Column, list: number, currency: string) {
    return renderColumn(this.columnView(column, list, currency));
  }

  private columnView(column: Column, list: number, currency: string): ColumnView {
    return {
      column,
      list,
      msg: (key, params) => this.msg(key, params),
      figure: (amount) => this.figure(amount, currency, column.figures.total),
      count: (n) => this.format.number(n, 0),
      money: (amount, cardCurrency) =>
        this.money.text(amount, cardCurrency, this.effectiveLocale, (a, c) => this.format.money(a, c)),
      days: (days) => this.format.duration(days, 'day'),
      date: (time) => this.format.date(time),
      fields: cardFieldsOf(this.cardFields),
      threshold: rottingThreshold(column.stage, this.stageRottingDays, this.rottingDays),
      carriedId: this.moves.keyboard.carrying?.id,
      markedIds: this.remote.marked,
      tabStopId: this.cards.tabStopId,
      dropTarget: this.moves.dropList === list,
      definitionDismissed: this.dismissedDefinition === list,
      loadingMore: this.pages.isLoading(column.stage.id),
      cardList: () => this.renderRoot.querySelector(`[part=columns] .cards[data-list="${list}"]`),
      add:
        this.pipelineId && column.stage.kind === 'open' ? () => this.quickAdd.open(column.stage) : undefined,
      on: {
        aboutKeydown: (event) => this.onAboutKeydown(event),
        aboutLeave: () => {
          this.dismissedDefinition = undefined;
        },
        visibility: (event) => this.onVisibilityChanged(event, list),
      },
    };
  }

  /**
   * A header figure: in full up to 100,000 units, compact above, so a narrow column still fits it.
   * Decided by the group's total (`scale`), so a total and its weighted value read alike.
   */
  private figure(amount: number, currency: string, scale: number): string {
    return this.format.money(amount, currency, { compact: Math.abs(scale) >= 10_000_000 });
  }
}
