import { type ChorusHost, MutationController } from '@chorus/core';
import type { BoardStagePage } from '@chorus/sdk';
import type { BoardView, ColumnPageRequest } from '@chorus/sdk/query';
import type { Column } from './board-model.js';

/**
 * Cards of each column in the board's first read: a few screens of a column, so the first paint of
 * a seven-stage board is about 80 kB whatever the pipeline's size.
 */
export const FIRST_PAGE = 25;
/** Cards a column asks for at a time after that. */
export const COLUMN_PAGE = 50;
/** How close to its last loaded card a column's view gets before it asks for more. */
const AHEAD = 10;

/** The board read a column continues: its pipeline, its view and the cursors the server gave. */
export interface PagedBoard {
  pipelineId: string;
  view: BoardView;
  cursorOf(stageId: string): string | null | undefined;
}

/**
 * A connected board's columns load their next cards as they scroll (or as the keyboard reaches
 * their end), each with its own cursor, through the SDK, which adds them to the board's cached read.
 * One request per column at a time; a failure is reported and the next scroll asks again.
 */
export class ColumnPages {
  private readonly loading = new Set<string>();
  private readonly pager: MutationController<BoardStagePage, ColumnPageRequest>;

  constructor(
    private readonly host: ChorusHost,
    private readonly board: () => PagedBoard | undefined,
    private readonly failed: (error: unknown) => void,
  ) {
    this.pager = new MutationController<BoardStagePage, ColumnPageRequest>(host, (q) =>
      q.pipelines.nextColumnPage(),
    );
  }

  isLoading(stageId: string): boolean {
    return this.loading.has(stageId);
  }

  /** The column's view now reaches card `last`: near the end of what it holds, it asks for more. */
  reached(column: Column, last: number): void {
    if (last < column.deals.length - AHEAD) return;
    void this.more(column.stage.id);
  }

  async more(stageId: string): Promise<void> {
    const board = this.board();
    const cursor = board?.cursorOf(stageId);
    if (!board || !cursor || this.loading.has(stageId)) return;
    this.loading.add(stageId);
    this.host.requestUpdate();
    try {
      await this.pager.mutate({
        pipelineId: board.pipelineId,
        stageId,
        view: board.view,
        cursor,
        limit: COLUMN_PAGE,
      });
    } catch (error) {
      this.failed(error);
    } finally {
      this.loading.delete(stageId);
      this.host.requestUpdate();
    }
  }
}
