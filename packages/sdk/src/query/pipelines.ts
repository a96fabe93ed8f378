import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { mergeColumnPage } from './board-move.js';
import { mutationOptions, queryOptions } from './options.js';
import type { BoardView } from './types.js';

/** The next page of one column of a board read with `view`, from the cursor the board holds for it. */
export interface ColumnPageRequest {
  pipelineId: string;
  stageId: string;
  view?: BoardView;
  cursor: string;
  limit?: number;
}

export function pipelineQueries(chorus: ChorusClient) {
  return {
    list: () =>
      queryOptions({
        queryKey: keys.pipelines.list(),
        queryFn: ({ signal }) => chorus.get('/v1/pipelines', { signal }),
      }),

    detail: (id: string) =>
      queryOptions({
        queryKey: keys.pipelines.detail(id),
        queryFn: ({ signal }) => chorus.get('/v1/pipelines/{id}', { params: { path: { id } }, signal }),
      }),

    /**
     * The board's first screen in one request: stage figures computed by the server over the view's
     * filters, and the first `limit` deals of each column with a cursor for the rest.
     */
    board: (id: string, view: BoardView = {}, limit?: number) =>
      queryOptions({
        queryKey: keys.pipelines.board(id, view),
        queryFn: ({ signal }) =>
          chorus.get('/v1/pipelines/{id}/board', {
            params: { path: { id }, query: { ...view, ...(limit === undefined ? {} : { limit }) } },
            signal,
          }),
      }),

    /**
     * A column's next page, added to the cached board it continues (see `mergeColumnPage`) rather
     * than kept in a cache entry of its own: the board's one entry stays the only owner of where each
     * deal is, so a move rewrites one place. A write to the cache, so a mutation; the column asks
     * again with the board's new cursor as it scrolls.
     */
    nextColumnPage: () =>
      mutationOptions({
        mutationFn: ({ pipelineId, stageId, view = {}, cursor, limit }: ColumnPageRequest) =>
          chorus.get('/v1/pipelines/{id}/board/stages/{stageId}', {
            params: {
              path: { id: pipelineId, stageId },
              query: { ...view, cursor, ...(limit === undefined ? {} : { limit }) },
            },
          }),
        onSuccess: (page, { pipelineId, stageId, view = {}, cursor }, _result, { client }) =>
          client.setQueryData(
            keys.pipelines.board(pipelineId, view),
            (board) => board && mergeColumnPage(board, stageId, cursor, page),
          ),
      }),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreatePipeline']) => chorus.post('/v1/pipelines', { body }),
        onSuccess: (_pipeline, _body, _result, { client }) =>
          invalidate(client, invalidationRules.pipelineCreated()),
      }),
  };
}
