import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { Activity, ActivityFilters, TaskFilters, WithoutCursor } from './types.js';

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

    /** Logs a touch, or with `dueAt` schedules a task. */
    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateActivity']) =>
          chorus.post('/v1/activities', { body }),
        onSuccess: (activity, _body, _result, { client }) =>
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
