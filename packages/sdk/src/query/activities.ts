import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { restoreSnapshot, rewriteList, takeSnapshot } from './optimistic.js';
import { infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { Activity, ActivityFilters, TaskFilters, WithoutCursor } from './types.js';

type CreateActivity = components['schemas']['CreateActivity'];
let pendingIds = 0;

/** The activity as the server will record it, shown until its answer: done at once, or an open task. */
function pendingActivity(body: CreateActivity): Activity {
  const at = body.occurredAt ?? new Date().toISOString();
  return {
    id: `act_pending${(pendingIds++).toString().padStart(8, '0')}`,
    type: body.type,
    contactId: body.contactId,
    dealId: body.dealId ?? null,
    ownerId: body.ownerId ?? null,
    body: body.body ?? '',
    occurredAt: at,
    dueAt: body.dueAt ?? null,
    completedAt: body.dueAt ? null : at,
  };
}

/** Whether a cached list with these filters (an activity list's or a task list's) holds this activity. */
function listHolds(filters: unknown, activity: Activity): boolean {
  const { contactId, dealId, type } = (filters ?? {}) as Partial<
    Record<'contactId' | 'dealId' | 'type', string>
  >;
  return (
    (contactId === undefined || contactId === activity.contactId) &&
    (dealId === undefined || dealId === activity.dealId) &&
    (type === undefined || type === activity.type)
  );
}

export function activityQueries(chorus: ChorusClient) {
  return {
    list: (filters: ActivityFilters = {}) =>
      queryOptions({
        queryKey: keys.activities.list(filters),
        queryFn: ({ signal }) => chorus.get('/v1/activities', { params: { query: filters }, signal }),
      }),

    infinite: (filters: WithoutCursor<ActivityFilters> = {}) =>
      infiniteQueryOptions(keys.activities.infinite(filters), (cursor, signal) =>
        chorus.get('/v1/activities', { params: { query: { ...filters, cursor } }, signal }),
      ),

    /** Open tasks of a contact or a deal, soonest due first: the first is its next activity. */
    tasks: (filters: TaskFilters = {}) =>
      queryOptions({
        queryKey: keys.activities.tasks(filters),
        queryFn: ({ signal }) => chorus.get('/v1/tasks', { params: { query: filters }, signal }),
      }),

    /**
     * Logs a touch, or with `dueAt` schedules a task. Optimistic: every cached timeline of its
     * contact or deal shows it at once (newest first; a task among the open tasks by due time) and
     * loses it again if the server refuses; the server's copy replaces it on success.
     */
    create: () =>
      mutationOptions({
        mutationFn: (body: CreateActivity) => chorus.post('/v1/activities', { body }),
        onMutate: async (body, { client }) => {
          const snapshot = await takeSnapshot(client, [keys.activities.all()]);
          const pending = pendingActivity(body);
          for (const [queryKey] of client.getQueriesData({ queryKey: keys.activities.all() })) {
            const [, , kind, filters] = queryKey;
            if (!listHolds(filters, pending)) continue;
            if (kind === 'list')
              client.setQueryData(queryKey, (data: unknown) =>
                rewriteList(data, (items) => [pending, ...items]),
              );
            else if (kind === 'tasks' && pending.dueAt)
              client.setQueryData(queryKey, (data: unknown) =>
                rewriteList(data, (items) =>
                  [...(items as Activity[]), pending].sort((a, b) => a.dueAt!.localeCompare(b.dueAt!)),
                ),
              );
          }
          return snapshot;
        },
        onError: (_error, _body, snapshot, { client }) => restoreSnapshot(client, snapshot),
        onSuccess: (activity, _body, _snapshot, { client }) =>
          invalidate(client, invalidationRules.activityCreated(activity)),
      }),

    /** Marks a task done; completing one already done is harmless. */
    complete: () =>
      mutationOptions({
        mutationFn: (task: Pick<Activity, 'id'>) =>
          chorus.post('/v1/activities/{id}/complete', { params: { path: { id: task.id } } }),
        onSuccess: (task, _input, _result, { client }) =>
          invalidate(client, invalidationRules.taskCompleted(task)),
      }),
  };
}
