import { ChorusElement, MutationController, QueryController } from '@chorus/core';
import {
  type BoardDeal,
  ChorusError,
  ChorusPreconditionError,
  type Deal,
  type Pipeline,
  type PipelineBoard,
} from '@chorus/sdk';
import type { DealMove } from '@chorus/sdk/query';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  applyMove,
  type BoardFilter,
  type BoardSort,
  boardTotals,
  buildColumns,
  type Column,
  daysInStage,
  isRotting,
  type Placement,
  rankAt,
  rankOf,
  rottingThreshold,
  type Stage,
} from './board-model.js';
import { type CardView, renderCard } from './deal-card.js';
import { ChorusDealMovedEvent, ChorusDealMoveEvent, ChorusDealOpenEvent } from './events.js';
import { renderFilters } from './filters.js';
import { KeyboardDnd } from './keyboard-dnd.js';
import { renderLostDialog } from './lost-dialog.js';
import { PIPELINE_BOARD_MESSAGES } from './messages.js';
import { pipelineBoardStyles } from './pipeline-board.styles.js';

interface Source {
  pipeline: Pipeline;
  deals: readonly BoardDeal[];
  currency: string;
}

type VirtualizedList = HTMLElement & {
  [virtualizerRef]?: { element(index: number): { scrollIntoView(options?: object): void } | undefined };
};

interface PendingLost {
  deal: BoardDeal;
  from: Stage;
  to: Stage;
  rank: number;
}

const ARROWS: Record<string, [lists: number, steps: number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The deals board: one column per stage of a pipeline with its agreed definition, count, total and
 * weighted value; cards that move by pointer or keyboard, optimistically, with a reason asked for
 * Lost. Connected (`pipeline-id`, one request for any size of board) or presentational (`.pipeline`
 * and `.deals`, no request). Columns are virtualized, so 10,000 deals render and scroll smoothly.
 *
 * @tagname chorus-pipeline-board
 * @summary A pipeline's deals by stage, moved with the pointer or the keyboard.
 * @fires chorus-deal-move - Before a move is made (cancelable: `preventDefault()` keeps the deal where it was, no request is sent): `deal`, `from`, `to`, `lostReason`.
 * @fires chorus-deal-moved - A move was saved (or applied, when presentational): `deal` (the server's copy), `from`, `to`.
 * @fires chorus-deal-open - A card was clicked or Enter was pressed on it: `deal`.
 * @attr theme - `light`, `dark` or `auto` (default: the provider's, then the OS setting).
 * @attr locale - BCP 47 locale for numbers and messages (default: the provider's, then the page's).
 * @csspart base - The board's frame.
 * @csspart toolbar - The filters and order controls.
 * @csspart total - The open pipeline's total above the columns.
 * @csspart columns - The row of columns (scrolls sideways when narrow).
 * @csspart column - One stage's column.
 * @csspart column-header - A column's name, definition and figures.
 * @csspart card - A deal card.
 * @csspart stale - The badge on a deal past its stage's rotting threshold.
 * @csspart dialog - The dialog asking why a deal was lost.
 * @cssproperty --chorus-pipeline-board-column-width - Narrowest a column gets (default 248px).
 * @cssproperty --chorus-pipeline-board-column-height - Height of a column's card list (default min(64vh, 640px)).
 * @cssproperty --chorus-pipeline-board-stale-color - The stale marker's colour (default the warning colour).
 * @cssstate loading - Waiting for the board.
 * @cssstate error - The board could not be loaded.
 * @cssstate dragging - A card is being dragged or carried with the keyboard.
 */
export class ChorusPipelineBoard extends ChorusElement {
  static override styles = [...ChorusElement.styles, pipelineBoardStyles];
  static override defaultMessages = PIPELINE_BOARD_MESSAGES;

  private readonly board = new QueryController<PipelineBoard>(this, (q) =>
    this.pipelineId ? q.pipelines.board(this.pipelineId) : null,
  );
  private readonly mover = new MutationController<Deal, DealMove>(this, (q) => q.deals.move());
  private readonly keyboard: KeyboardDnd = new KeyboardDnd(
    this,
    (list): number =>
      this.columns[list]?.deals.filter((d) => d.id !== this.keyboard.carrying?.id).length ?? 0,
    () => this.columns.length,
  );

  /** The pipeline to load and save through the provider. Without it, the board shows `.pipeline` and `.deals`. */
  @property({ attribute: 'pipeline-id' }) pipelineId?: string;

  /** Presentational: the pipeline with its stages, in order. */
  @property({ attribute: false }) pipeline?: Pipeline;

  /** Presentational: the deals; a move replaces this array with the moved deal in its new stage. */
  @property({ attribute: false }) deals: BoardDeal[] = [];

  /** Presentational: the currency of the figures (connected boards use the workspace's). */
  @property() currency = 'EUR';

  /** Days after which a deal is stale in a stage that sets none. */
  @property({ attribute: 'rotting-days', type: Number }) rottingDays?: number;

  /** Days after which a deal is stale, by stage id: over the stage's own `rottingDays`. */
  @property({ attribute: false }) stageRottingDays: Record<string, number> = {};

  /** Owner, text and value range; the toolbar edits it. */
  @property({ attribute: false }) filter: BoardFilter = {};

  /** `board` (as arranged), `value`, `age` or `close`; the toolbar edits it. */
  @property({ reflect: true }) sort: BoardSort = 'board';

  @state() private ranks: ReadonlyMap<string, number> = new Map();
  @state() private activeId?: string;
  @state() private announcement = '';
  @state() private problem = '';
  @state() private pendingLost?: PendingLost;
  @state() private dropList?: number;
  /** The column whose definition Escape hid (WCAG 1.4.13: content on hover or focus is dismissible). */
  @state() private dismissedDefinition?: number;
  /** A move on its way to the server: shown at once, before the cache has it, until it settles. */
  @state() private saving?: Placement;

  @query('dialog') private dialog?: HTMLDialogElement;

  private dragId?: string;
  private columns: Column[] = [];
  private baseColumns: Column[] = [];
  private where = new Map<string, { list: number; index: number }>();
  private memo: unknown[] = [];
  private moneyTexts = new Map<string, string>();
  private moneyLocale?: string;

  private get source(): Source | undefined {
    if (this.pipelineId) {
      const data = this.board.data;
      return data && { pipeline: data.pipeline, deals: data.deals, currency: data.currency };
    }
    return this.pipeline && { pipeline: this.pipeline, deals: this.deals, currency: this.currency };
  }

  private get stages(): Stage[] {
    return this.source?.pipeline.stages ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.arrange();
    const { status } = this.board;
    const states = {
      loading: !!this.pipelineId && status === 'pending',
      error: !!this.pipelineId && status === 'error',
      dragging: !!this.keyboard.carrying || this.dragId !== undefined,
    };
    for (const [name, on] of Object.entries(states)) {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    }
    this.internals.ariaBusy = String(states.loading);
  }

  /** Columns from the data, the filters, the order and a carried card; kept when none of those changed. */
  private arrange(): void {
    const source = this.source;
    const carry = this.keyboard.carrying;
    const inputs = [source?.pipeline, source?.deals, this.filter, this.sort, this.ranks, carry, this.saving];
    if (inputs.every((input, i) => input === this.memo[i])) return;
    const baseInputsSame = inputs.slice(0, 5).every((input, i) => input === this.memo[i]);
    this.memo = inputs;
    if (!source) {
      this.columns = this.baseColumns = [];
      this.where.clear();
      return;
    }
    const options = { filter: this.filter, sort: this.sort, ranks: this.ranks };
    if (!baseInputsSame) {
      this.baseColumns = buildColumns(source.pipeline.stages, source.deals, {
        ...options,
        previous: this.baseColumns,
      });
    }
    const placement = (carry && this.placementOf(carry.id, carry.list, carry.index)) ?? this.saving;
    this.columns = placement
      ? buildColumns(source.pipeline.stages, source.deals, { ...options, placement, previous: this.columns })
      : this.baseColumns;
    this.where.clear();
    this.columns.forEach((column, list) => {
      column.deals.forEach((deal, index) => {
        this.where.set(deal.id, { list, index });
      });
    });
  }

  /** Where a deal lands at `index` of column `list`, as a rank between its new neighbours. */
  private placementOf(dealId: string, list: number, index: number): Placement | undefined {
    const source = this.source;
    const column = this.baseColumns[list];
    if (!source || !column) return undefined;
    const others = column.deals.filter((deal) => deal.id !== dealId);
    return {
      dealId,
      stageId: column.stage.id,
      rank: rankAt(others, index, rankOf(source.deals, this.ranks)),
    };
  }

  private dealById(id: string): BoardDeal | undefined {
    return this.source?.deals.find((deal) => deal.id === id);
  }

  private stageOf(deal: BoardDeal): Stage | undefined {
    return this.stages.find((stage) => stage.id === deal.stageId);
  }

  // Announcements are composed after the update, from what the board then shows, so they cannot drift from it.
  private async announce(key: string, deal: BoardDeal, extra: Record<string, string> = {}) {
    await this.updateComplete;
    const at = this.where.get(deal.id);
    const column = at ? this.columns[at.list] : undefined;
    this.announcement = this.msg(key, {
      deal: deal.title,
      stage: column?.stage.name ?? this.stageOf(deal)?.name ?? '',
      position: (at?.index ?? 0) + 1,
      count: column?.deals.length ?? 0,
      ...extra,
    });
  }

  private cardOf(event: Event): HTMLElement | undefined {
    for (const target of event.composedPath()) {
      if (target === this) return undefined;
      if (target instanceof HTMLElement && target.dataset['dealId']) return target;
    }
    return undefined;
  }

  private listOf(event: Event): number | undefined {
    for (const target of event.composedPath()) {
      if (target instanceof HTMLElement && target.dataset['list'] !== undefined)
        return Number(target.dataset['list']);
    }
    return undefined;
  }

  private onClick(event: MouseEvent) {
    const card = this.cardOf(event);
    const deal = card && this.dealById(card.dataset['dealId']!);
    // Enter and Space are handled (and their activation prevented) on keydown, so a click here is a
    // pointer's or an assistive technology's: both open the deal.
    if (!deal) return;
    this.activeId = deal.id;
    this.dispatchEvent(new ChorusDealOpenEvent(deal));
  }

  private onFocusIn(event: FocusEvent) {
    const card = this.cardOf(event);
    if (card) this.activeId = card.dataset['dealId'];
  }

  private onKeydown(event: KeyboardEvent) {
    const card = this.cardOf(event);
    const id = card?.dataset['dealId'];
    const at = id ? this.where.get(id) : undefined;
    const deal = id ? this.dealById(id) : undefined;
    if (!id || !at || !deal) return;
    const carrying = this.keyboard.carrying;
    const arrow = ARROWS[event.key];
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (carrying) this.dropCarried();
      else if (event.key === 'Enter') this.dispatchEvent(new ChorusDealOpenEvent(deal));
      else {
        this.keyboard.lift(id, at.list, at.index);
        void this.announce('pipelineBoard.lifted', deal);
      }
    } else if (event.key === 'Escape' && carrying) {
      event.preventDefault();
      this.keyboard.cancel();
      void this.announce('pipelineBoard.cancelled', deal);
      void this.focusDeal(id);
    } else if (arrow) {
      event.preventDefault();
      if (carrying) {
        this.keyboard.shift(...arrow);
        void this.announce('pipelineBoard.over', deal);
        void this.focusDeal(id);
      } else this.moveFocus(at, ...arrow);
    } else if ((event.key === 'Home' || event.key === 'End') && !carrying) {
      event.preventDefault();
      const column = this.columns[at.list]!;
      this.moveFocus(at, 0, event.key === 'Home' ? -at.index : column.deals.length - 1 - at.index);
    }
  }

  /** The card that holds the board's one tab stop: the active card, else the first card. */
  private get tabStopId(): string | undefined {
    return this.where.has(this.activeId ?? '')
      ? this.activeId
      : this.columns.find((c) => c.deals.length)?.deals[0]?.id;
  }

  /**
   * The board has one tab stop, on the active card. When that card scrolls out of its column's view
   * the virtualizer stops rendering it, and Tab would skip the board: the stop moves to the first card
   * in view instead (not while a card is carried, and never away from the card that has focus).
   */
  private onVisibilityChanged(event: VisibilityChangedEvent, list: number) {
    const current = this.tabStopId;
    const at = current ? this.where.get(current) : undefined;
    if (!at || at.list !== list || this.keyboard.carrying) return;
    if (at.index >= event.first && at.index <= event.last) return;
    if ((this.renderRoot as ShadowRoot).activeElement?.getAttribute('data-deal-id') === current) return;
    const first = this.columns[list]?.deals[event.first];
    if (first) this.activeId = first.id;
  }

  /** Roving focus: up and down within a column, left and right to the nearest column with cards. */
  private moveFocus(at: { list: number; index: number }, lists: number, steps: number) {
    let list = at.list + lists;
    while (lists !== 0 && this.columns[list] && this.columns[list]!.deals.length === 0) list += lists;
    const column = this.columns[list];
    if (!column || column.deals.length === 0) return;
    const index = Math.min(Math.max(at.index + steps, 0), column.deals.length - 1);
    const deal = column.deals[index]!;
    this.activeId = deal.id;
    void this.focusDeal(deal.id);
  }

  /**
   * Focuses a card, scrolling its virtualized column to it first when it is not rendered. A card
   * that changed column is a new element (the old one may linger for a frame), so it looks in the
   * right column and checks that focus stayed.
   */
  private async focusDeal(id: string) {
    await this.updateComplete;
    for (let frame = 0; frame < 30; frame++) {
      const at = this.where.get(id);
      if (!at) return;
      const list = this.renderRoot.querySelector(`.cards[data-list="${at.list}"]`) as VirtualizedList | null;
      const card = list?.querySelector<HTMLElement>(`[data-deal-id="${CSS.escape(id)}"]`);
      if (card?.isConnected) {
        if ((this.renderRoot as ShadowRoot).activeElement === card) return;
        card.focus();
      } else {
        try {
          list?.[virtualizerRef]?.element(at.index)?.scrollIntoView({ block: 'nearest' });
        } catch {
          // A virtualizer that has not laid out yet cannot scroll; the next frame tries again.
        }
      }
      await new Promise(requestAnimationFrame);
    }
  }

  private dropCarried() {
    const from = this.keyboard.from;
    const to = this.keyboard.carrying;
    const deal = to && this.dealById(to.id);
    const placement = to && this.placementOf(to.id, to.list, to.index);
    this.keyboard.drop();
    const fromStage = from && this.columns[from.list] && this.baseColumns[from.list]?.stage;
    const toStage = to && this.baseColumns[to.list]?.stage;
    if (!deal || !placement || !fromStage || !toStage) return;
    this.requestMove(deal, this.stageOf(deal) ?? fromStage, toStage, placement.rank);
    void this.focusDeal(deal.id);
  }

  private requestMove(deal: BoardDeal, from: Stage, to: Stage, rank: number) {
    if (from.id === to.id) {
      this.ranks = new Map(this.ranks).set(deal.id, rank);
      void this.announce('pipelineBoard.reordered', deal);
      return;
    }
    if (to.kind === 'lost') {
      this.pendingLost = { deal, from, to, rank };
      return;
    }
    void this.commitMove(deal, from, to, rank);
  }

  private async commitMove(deal: BoardDeal, from: Stage, to: Stage, rank: number, lostReason?: string) {
    if (!this.dispatchEvent(new ChorusDealMoveEvent(deal, from, to, lostReason))) {
      void this.announce('pipelineBoard.cancelled', deal);
      return;
    }
    const ranksBefore = this.ranks;
    this.ranks = new Map(this.ranks).set(deal.id, rank);
    this.problem = '';
    if (!this.pipelineId) {
      this.deals = applyMove(this.deals, deal.id, to, new Date().toISOString());
      void this.announce('pipelineBoard.moved', deal);
      this.dispatchEvent(new ChorusDealMovedEvent(this.dealById(deal.id) ?? deal, from, to));
      return;
    }
    this.saving = { dealId: deal.id, stageId: to.id, rank };
    const saving = this.mover.mutate({
      deal: { id: deal.id, version: deal.version, pipelineId: this.pipelineId, contactId: deal.contactId },
      stageId: to.id,
      ...(lostReason === undefined ? {} : { lostReason }),
    });
    void this.announce('pipelineBoard.moved', deal);
    try {
      await saving;
      this.saving = undefined;
      this.dispatchEvent(new ChorusDealMovedEvent(this.dealById(deal.id) ?? deal, from, to));
    } catch (error) {
      this.saving = undefined;
      this.ranks = ranksBefore;
      if (error instanceof ChorusPreconditionError) {
        this.problem = this.msg('pipelineBoard.conflict', { deal: deal.title });
        await this.board.refetch();
      } else {
        const detail = error instanceof ChorusError ? (error.detail ?? error.title) : String(error);
        this.problem = this.msg('pipelineBoard.refused', { deal: deal.title, detail, stage: from.name });
      }
      this.announcement = '';
    }
  }

  private onAboutKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    const column = (event.target as HTMLElement).closest<HTMLElement>('section.column');
    this.dismissedDefinition = Number(column?.dataset['list']);
  }

  private onDragStart(event: DragEvent) {
    const card = this.cardOf(event);
    if (!card || !event.dataTransfer) return;
    this.dragId = card.dataset['dealId'];
    event.dataTransfer.setData('text/plain', this.dragId ?? '');
    event.dataTransfer.effectAllowed = 'move';
    this.internals.states.add('dragging');
  }

  private onDragOver(event: DragEvent) {
    const list = this.listOf(event);
    if (this.dragId === undefined || list === undefined) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    if (this.dropList !== list) this.dropList = list;
  }

  private onDrop(event: DragEvent) {
    const list = this.listOf(event);
    const deal = this.dragId ? this.dealById(this.dragId) : undefined;
    const column = list === undefined ? undefined : this.baseColumns[list];
    this.onDragEnd();
    if (!deal || !column) return;
    event.preventDefault();
    const others = column.deals.filter((d) => d.id !== deal.id);
    // Over a card: before it in its upper half, after it in its lower half; elsewhere: the end.
    const over = this.cardOf(event);
    let index = others.length;
    const target = over && others.findIndex((d) => d.id === over.dataset['dealId']);
    if (over && target !== undefined && target >= 0) {
      const box = over.getBoundingClientRect();
      index = target + (event.clientY > box.top + box.height / 2 ? 1 : 0);
    }
    const from = this.stageOf(deal);
    if (!from) return;
    const rank = rankAt(others, index, rankOf(this.source!.deals, this.ranks));
    this.activeId = deal.id;
    this.requestMove(deal, from, column.stage, rank);
  }

  private onDragEnd() {
    this.dragId = undefined;
    this.dropList = undefined;
    this.internals.states.delete('dragging');
  }

  private onLostSubmit(reason: string) {
    const pending = this.pendingLost;
    this.pendingLost = undefined;
    if (!pending) return;
    void this.commitMove(pending.deal, pending.from, pending.to, pending.rank, reason);
    void this.focusDeal(pending.deal.id);
  }

  private onLostCancel() {
    const pending = this.pendingLost;
    this.pendingLost = undefined;
    if (!pending) return;
    void this.announce('pipelineBoard.cancelled', pending.deal);
    void this.focusDeal(pending.deal.id);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.pendingLost && this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  protected override render() {
    const source = this.source;
    return html`<section part="base" class="board" aria-label=${this.msg('pipelineBoard.label', { pipeline: source?.pipeline.name ?? '' })}>
      ${source ? renderFilters(this, (key, params) => this.msg(key, params), source.deals, source.currency) : nothing}
      ${this.renderBody(source)}
      <p id="instructions" hidden>${this.msg('pipelineBoard.instructions')}</p>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${
        this.pendingLost
          ? renderLostDialog((key, params) => this.msg(key, params), this.pendingLost.deal, {
              submit: (reason) => this.onLostSubmit(reason),
              cancel: () => this.onLostCancel(),
            })
          : nothing
      }
    </section>`;
  }

  private renderBody(source: Source | undefined) {
    if (!this.pipelineId && !this.pipeline)
      return this.chorusEnvironment
        ? nothing
        : html`<p class="problem" role="alert">${this.msg('core.noProvider')}</p>`;
    if (this.pipelineId && !this.chorusEnvironment)
      return html`<p class="problem" role="alert">${this.msg('core.noProvider')}</p>`;
    const { status, error } = this.board;
    if (this.pipelineId && status === 'error' && !source) {
      const detail = error instanceof ChorusError ? (error.detail ?? error.title) : String(error?.message);
      return html`<div class="problem" role="alert">
        <span>${this.msg('pipelineBoard.error', { detail })}</span>
        <button class="button" @click=${() => this.board.refetch()}>${this.msg('core.retry')}</button>
      </div>`;
    }
    if (!source) return this.renderLoading();
    const totals = boardTotals(this.baseColumns);
    const money = (amount: number) => this.figure(amount, source.currency, totals.total);
    const filtered = source.deals.length > 0 && this.baseColumns.every((c) => c.deals.length === 0);
    return html`<p part="total" class="total">
        <span class="total-label">${this.msg('pipelineBoard.total')}</span>
        <span>${this.msg('pipelineBoard.deals', { count: totals.count, n: this.format.number(totals.count, 0) })}</span>
        <span class="money">${money(totals.total)}</span>
        <span class="muted">${this.msg('pipelineBoard.weighted', { value: money(totals.weighted) })}</span>
      </p>
      <div class="problem" role="alert">
        ${
          this.problem
            ? html`<span>${this.problem}</span>
              <button class="button" @click=${() => (this.problem = '')}>${this.msg('pipelineBoard.dismiss')}</button>`
            : nothing
        }
      </div>
      ${
        source.deals.length === 0
          ? html`<p class="notice">${this.msg('pipelineBoard.emptyPipeline')}</p>`
          : filtered
            ? html`<p class="notice">${this.msg('pipelineBoard.noMatches')}</p>`
            : nothing
      }
      <div
        part="columns"
        class="columns"
        @keydown=${this.onKeydown}
        @click=${this.onClick}
        @focusin=${this.onFocusIn}
        @dragstart=${this.onDragStart}
        @dragover=${this.onDragOver}
        @drop=${this.onDrop}
        @dragend=${this.onDragEnd}
      >
        ${this.columns.map((column, list) => this.renderColumn(column, list, source.currency))}
      </div>`;
  }

  private renderColumn(column: Column, list: number, currency: string) {
    const { stage, figures } = column;
    const money = (amount: number) => this.figure(amount, currency, figures.total);
    const tabbableId = this.tabStopId;
    const now = Date.now();
    const threshold = rottingThreshold(stage, this.stageRottingDays, this.rottingDays);
    const carried = this.keyboard.carrying?.id;
    // Cards are rendered lazily as the column scrolls: everything they share is formatted once here.
    const noOwner = this.msg('pipelineBoard.noOwner');
    const staleBadge =
      threshold === undefined
        ? undefined
        : {
            label: this.msg('pipelineBoard.stale'),
            detail: this.msg('pipelineBoard.staleDetail', { days: this.format.duration(threshold, 'day') }),
          };
    const dayTexts = new Map<number, string>();
    const daysText = (days: number) => {
      let text = dayTexts.get(days);
      if (text === undefined) {
        text = this.msg('pipelineBoard.daysInStage', { days: this.format.duration(days, 'day') });
        dayTexts.set(days, text);
      }
      return text;
    };
    const view = (deal: BoardDeal, index: number): CardView => ({
      deal,
      value: this.cardMoney(deal.value.amount, deal.value.currency),
      owner: deal.ownerName ?? noOwner,
      days: daysText(daysInStage(deal, now)),
      stale: isRotting(deal, threshold, now) ? staleBadge : undefined,
      carried: deal.id === carried,
      tabbable: deal.id === tabbableId,
      position: index + 1,
      size: column.deals.length,
    });
    return html`<section
      part="column"
      class="column${this.dropList === list ? ' drop-target' : ''}"
      role="group"
      aria-labelledby="stage-${list}"
      data-list=${list}
      data-kind=${stage.kind}
    >
      <header part="column-header" class="header">
        <div class="name-row">
          <h3 id="stage-${list}" class="name">${stage.name}</h3>
          <button
            type="button"
            class="about"
            aria-label=${this.msg('pipelineBoard.about', { stage: stage.name })}
            aria-describedby="definition-${list}"
            @keydown=${this.onAboutKeydown}
            @blur=${() => (this.dismissedDefinition = undefined)}
            @mouseleave=${() => (this.dismissedDefinition = undefined)}
          >
            ?
          </button>
          <span
            role="tooltip"
            id="definition-${list}"
            class="definition${this.dismissedDefinition === list ? ' dismissed' : ''}"
          >
            ${stage.definition || this.msg('pipelineBoard.noDefinition')}
          </span>
        </div>
        <p class="figures">
          <span class="count">${this.msg('pipelineBoard.deals', { count: figures.count, n: this.format.number(figures.count, 0) })}</span>
          <span class="money">${money(figures.total)}</span>
          <span class="muted">${this.msg('pipelineBoard.weighted', { value: money(figures.weighted) })}</span>
        </p>
      </header>
      ${
        column.deals.length
          ? html`<div
              class="cards"
              role="list"
              aria-labelledby="stage-${list}"
              data-list=${list}
              @visibilityChanged=${(event: VisibilityChangedEvent) => this.onVisibilityChanged(event, list)}
            >
            ${virtualize({
              items: column.deals as BoardDeal[],
              // The virtualizer can ask for the old range once after a column shrinks: a missing item renders nothing.
              keyFunction: (deal: BoardDeal | undefined) => deal?.id,
              renderItem: (deal: BoardDeal | undefined, index: number) =>
                deal ? renderCard(view(deal, index), 'instructions') : html``,
              scroller: true,
            })}
          </div>`
          : html`<p class="empty">${this.msg('pipelineBoard.emptyColumn')}</p>`
      }
    </section>`;
  }

  /** A card's value, formatted once per amount and locale: scrolling renders cards by the hundred. */
  private cardMoney(amount: number, currency: string): string {
    const locale = this.effectiveLocale;
    if (this.moneyLocale !== locale) {
      this.moneyTexts.clear();
      this.moneyLocale = locale;
    }
    const key = `${currency} ${amount}`;
    let text = this.moneyTexts.get(key);
    if (text === undefined) {
      text = this.format.money(amount, currency);
      this.moneyTexts.set(key, text);
    }
    return text;
  }

  /**
   * A header figure: in full up to 100,000 units, compact above, so a narrow column still fits it.
   * Decided by the group's total (`scale`), so a total and its weighted value read alike.
   */
  private figure(amount: number, currency: string, scale: number): string {
    return this.format.money(amount, currency, { compact: Math.abs(scale) >= 10_000_000 });
  }

  private renderLoading() {
    return html`<p class="visually-hidden" role="status">${this.msg('pipelineBoard.loading')}</p>
      <div class="columns" aria-hidden="true">
        ${[0, 1, 2, 3].map(
          () => html`<div class="column">
            <div class="skeleton header-skeleton"></div>
            <div class="skeleton card-skeleton"></div>
            <div class="skeleton card-skeleton"></div>
          </div>`,
        )}
      </div>`;
  }
}
