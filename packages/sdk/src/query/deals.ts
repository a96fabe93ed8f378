import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { applyDealMove } from './board-move.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys, listFiltersOf } from './keys.js';
import { editHeaders, infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import { restoreSnapshot, rewriteList, takeSnapshot } from './optimistic.js';
import type { BoardDeal, Deal, DealFilters, PipelineBoard, WithoutCursor } from './types.js';

export interface DealEdit {
  id: string;
  version: number;
  pipelineId: string;
  changes: components['schemas']['UpdateDeal'];
}

/** Moving a deal to another stage; a `won` or `lost` stage closes it (a `lost` one needs `lostReason`). */
export interface DealMove {
  deal: Pick<Deal, 'id' | 'version' | 'pipelineId' | 'contactId'>;
  stageId: string;
  /**
   * Where in the stage: right after this deal of it, or first with `null`. Omitted, a deal that
   * changes stage goes last and one that stays keeps its place. The order is stored (`rank`), so it
   * is the same for everyone and after a reload.
   */
  after?: string | null;
  lostReason?: string;
  /**
   * To send a move again after it failed without a clear answer (a network error, a timeout, a 5xx):
   * its error's `idempotencyKey`. The API then replays the move if the first one was applied, where a
   * new request would meet the deal's new version and be refused with 412.
   */
  idempotencyKey?: string;
}

/** The board's copy of one deal, changed by `change`; other boards and deals are left as they are. */
function rewriteBoardDeal(
  data: PipelineBoard | undefined,
  id: string,
  change: (deal: BoardDeal) => BoardDeal,
): PipelineBoard | undefined {
  if (!data?.deals.some((item) => item.id === id)) return data;
  return { ...data, deals: data.deals.map((item) => (item.id === id ? change(item) : item)) };
}

export function dealQueries(chorus: ChorusClient) {
  const patchDeal = (
    id: string,
    version: number,
    changes: components['schemas']['UpdateDeal'],
    idempotencyKey?: string,
  ) =>
    chorus.patch('/v1/deals/{id}', {
      params: {
        path: { id },
        header: editHeaders(version, idempotencyKey),
      },
      body: changes,
    });

  return {
    list: (filters: DealFilters = {}) =>
      queryOptions({
        queryKey: keys.deals.list(filters),
        queryFn: ({ signal }) => chorus.get('/v1/deals', { params: { query: filters }, signal }),
      }),

    infinite: (filters: WithoutCursor<DealFilters> = {}) =>
      infiniteQueryOptions(keys.deals.infinite(filters), (cursor, signal) =>
        chorus.get('/v1/deals', { params: { query: { ...filters, cursor } }, signal }),
      ),

    detail: (id: string) =>
      queryOptions({
        queryKey: keys.deals.detail(id),
        queryFn: ({ signal }) => chorus.get('/v1/deals/{id}', { params: { path: { id } }, signal }),
      }),

    /** The reasons the workspace records lost deals with, in the order a board offers them. */
    lostReasons: () =>
      queryOptions({
        queryKey: keys.lostReasons(),
        queryFn: ({ signal }) => chorus.get('/v1/lost-reasons', { signal }),
      }),

    history: (id: string) =>
      queryOptions({
        queryKey: keys.deals.history(id),
        queryFn: ({ signal }) => chorus.get('/v1/deals/{id}/history', { params: { path: { id } }, signal }),
      }),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateDeal']) => chorus.post('/v1/deals', { body }),
        onSuccess: (deal, _body, _result, { client }) =>
          invalidate(client, invalidationRules.dealCreated(deal)),
      }),

    update: () =>
      mutationOptions({
        mutationFn: ({ id, version, changes }: DealEdit) => patchDeal(id, version, changes),
        onSettled: (_deal, _error, { id, pipelineId }, _result, { client }) =>
          invalidate(client, invalidationRules.dealUpdated({ id, pipelineId })),
      }),

    /**
     * Shows the deal in its new stage at once (its detail, its pipeline's board and every deal list:
     * lists filtered to another stage drop it, a list filtered to the new stage gains it) and rolls
     * back on failure. The board then takes the server's copy (new version, `stageEnteredAt`).
     */
    move: () =>
      mutationOptions({
        mutationFn: ({ deal, stageId, after, lostReason, idempotencyKey }: DealMove) =>
          patchDeal(
            deal.id,
            deal.version,
            {
              stageId,
              ...(after === undefined ? {} : { after }),
              ...(lostReason === undefined ? {} : { lostReason }),
            },
            idempotencyKey,
          ),
        onMutate: async ({ deal, stageId, after }, { client }) => {
          const board = keys.pipelines.board(deal.pipelineId);
          const snapshot = await takeSnapshot(client, [
            keys.deals.detail(deal.id),
            keys.deals.lists(),
            board,
          ]);
          const at = new Date().toISOString();
          // Every view of the pipeline's board (its filters and orders) shows the deal moved.
          client.setQueriesData<PipelineBoard>(
            { queryKey: board },
            (data) => data && applyDealMove(data, { dealId: deal.id, stageId, after, at }),
          );
          const cached = client.getQueryData(keys.deals.detail(deal.id));
          client.setQueryData(keys.deals.detail(deal.id), (current) => current && { ...current, stageId });
          for (const [queryKey] of client.getQueriesData({ queryKey: keys.deals.lists() })) {
            const stageFilter = listFiltersOf(queryKey)?.['stageId'];
            client.setQueryData(queryKey, (data: unknown) =>
              rewriteList(data, (items) => {
                const moved = items.map((item) => (item.id === deal.id ? { ...item, stageId } : item));
                if (stageFilter === undefined) return moved;
                if (stageFilter !== stageId) return moved.filter((item) => item.id !== deal.id);
                const known = moved.some((item) => item.id === deal.id);
                return known || !cached ? moved : [{ ...cached, stageId }, ...moved];
              }),
            );
          }
          return snapshot;
        },
        onSuccess: (saved, { deal }, _snapshot, { client }) =>
          client.setQueriesData<PipelineBoard>({ queryKey: keys.pipelines.board(deal.pipelineId) }, (data) =>
            rewriteBoardDeal(data, saved.id, (item) => ({
              ...item,
              stageId: saved.stageId,
              status: saved.status,
              stageEnteredAt: saved.stageEnteredAt,
              rank: saved.rank,
              version: saved.version,
            })),
          ),
        onError: (_error, _move, snapshot, { client }) => restoreSnapshot(client, snapshot),
        onSettled: (_deal, _error, { deal }, _snapshot, { client }) =>
          invalidate(client, invalidationRules.dealMoved(deal)),
      }),
  };
}
