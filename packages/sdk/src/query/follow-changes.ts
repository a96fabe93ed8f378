import type { QueryClient } from '@tanstack/query-core';
import type { ChangeEvent, ChangeFeed, ChangeFeedListener } from '../change-feed.js';
import { applyDealMove } from './board-move.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import type { PipelineBoard } from './types.js';

export interface FollowChangesOptions {
  /** Told of every change after the cache has taken it (an element announcing a move, say). */
  onChange?: (event: ChangeEvent) => void;
  /** Told when the stream opens, drops and comes back. */
  onConnection?: (open: boolean) => void;
}

/**
 * Keeps a query cache in step with the workspace's changes made anywhere (another person, another
 * tab, a server job): each change goes through the same invalidation table as a local write, and a
 * deal moved by someone else is moved in place on every cached board at once, before the refetch.
 * One feed's stream (`createChangeFeed`), however many caches or elements follow it. Returns the
 * function that stops following.
 */
export function followChanges(
  queryClient: QueryClient,
  feed: ChangeFeed,
  { onChange, onConnection }: FollowChangesOptions = {},
): () => void {
  const listener: ChangeFeedListener = {
    change: (event) => {
      void applyChange(queryClient, event).finally(() => onChange?.(event));
    },
    // The feed could not say what changed while it was away: everything shown may be stale.
    reset: () => void queryClient.invalidateQueries({ queryKey: keys.all() }),
    connection: (open) => onConnection?.(open),
  };
  return feed.subscribe(listener);
}

/** What one change does to the cache: the invalidation table's row for it, and a move in place. */
export async function applyChange(queryClient: QueryClient, event: ChangeEvent): Promise<void> {
  const { data } = event;
  const pipelineId = data.pipelineId ?? '';
  switch (event.type) {
    case 'deal.moved': {
      const placed = moveOnBoards(queryClient, event);
      const targets = invalidationRules.dealMoved({
        id: event.entityId,
        pipelineId,
        contactId: data.contactId ?? null,
      });
      // A deal no cached board holds may belong on a page of one: read the board again.
      if (!placed) targets.push({ queryKey: keys.pipelines.board(pipelineId) });
      return invalidate(queryClient, targets);
    }
    case 'deal.created':
      return invalidate(queryClient, invalidationRules.dealCreated({ pipelineId }));
    case 'deal.updated':
    case 'deal.deleted':
      return invalidate(queryClient, invalidationRules.dealUpdated({ id: event.entityId, pipelineId }));
    case 'contact.created':
      return invalidate(queryClient, invalidationRules.contactCreated({ id: event.entityId }));
    case 'contact.updated':
    case 'contact.deleted':
      return invalidate(queryClient, invalidationRules.contactUpdated({ id: event.entityId }));
    case 'activity.created':
      return data.contactId
        ? invalidate(queryClient, invalidationRules.activityCreated({ contactId: data.contactId }))
        : undefined;
    case 'rating.created':
      return invalidate(
        queryClient,
        invalidationRules.ratingCreated({ subject: data.subject ?? '', contactId: data.contactId ?? null }),
      );
    case 'order.created':
      return data.contactId
        ? invalidate(queryClient, invalidationRules.orderCreated({ contactId: data.contactId }))
        : undefined;
    case 'ticket.created':
    case 'ticket.updated':
      return invalidate(queryClient, invalidationRules.ticketChanged({ id: event.entityId }));
  }
}

/**
 * Moves the deal on every cached view of its pipeline's board, to the stage and rank the server
 * wrote, unless the view already has this version (this client's own move, written back on success).
 * Returns whether some board held the deal.
 */
function moveOnBoards(queryClient: QueryClient, event: ChangeEvent): boolean {
  const { stageId, rank, pipelineId } = event.data;
  if (!stageId || !pipelineId) return false;
  let placed = false;
  queryClient.setQueriesData<PipelineBoard>({ queryKey: keys.pipelines.board(pipelineId) }, (board) => {
    const deal = board?.deals.find((item) => item.id === event.entityId);
    if (!board || !deal) return board;
    placed = true;
    if (event.version !== null && deal.version >= event.version) return board;
    const moved = applyDealMove(board, { dealId: deal.id, stageId, at: event.at });
    return {
      ...moved,
      deals: moved.deals.map((item) =>
        item.id === deal.id
          ? {
              ...item,
              ...(rank ? { rank } : {}),
              ...(event.version === null ? {} : { version: event.version }),
            }
          : item,
      ),
    };
  });
  return placed;
}
