import type { Pipeline, PipelineBoard } from '@chorus/sdk';
import {
  type BoardDeal,
  type BoardFilter,
  type BoardSort,
  buildColumns,
  type Column,
  figuresByStage,
  positions,
} from './board-model.js';
import type { Carry } from './keyboard-dnd.js';

/** What the board shows from: its data, and the server's figures when connected. */
export interface Source {
  pipeline: Pipeline;
  deals: readonly BoardDeal[];
  currency: string;
  /** The server's figures and owners, when connected. */
  board?: PipelineBoard;
}

/**
 * The board's columns, worked out from the data, the filters, the order and a carried card, and
 * kept (the same arrays) when none of those changed, so the virtualized lists do not re-render.
 * `base` is the board without the carry: where moves are measured from.
 */
export class Arrangement {
  columns: Column[] = [];
  base: Column[] = [];
  where = new Map<string, { list: number; index: number }>();
  private memo: unknown[] = [];

  update(source: Source | undefined, filter: BoardFilter, sort: BoardSort, carry: Carry | undefined): void {
    const inputs = [source?.pipeline, source?.deals, source?.board?.stages, filter, sort, carry];
    if (inputs.every((input, i) => input === this.memo[i])) return;
    const baseInputsSame = inputs.slice(0, 5).every((input, i) => input === this.memo[i]);
    this.memo = inputs;
    if (!source) {
      this.columns = this.base = [];
      this.where.clear();
      return;
    }
    const options = {
      // Connected, the server filtered and counted; presentational, the board does both.
      filter: source.board ? undefined : filter,
      figures: source.board && figuresByStage(source.board),
      sort,
    };
    if (!baseInputsSame) {
      this.base = buildColumns(source.pipeline.stages, source.deals, { ...options, previous: this.base });
    }
    const placement = carry && { dealId: carry.id, list: carry.list, index: carry.index };
    this.columns = placement
      ? buildColumns(source.pipeline.stages, source.deals, { ...options, placement, previous: this.columns })
      : this.base;
    this.where = positions(this.columns);
  }
}
