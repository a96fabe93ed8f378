import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { mutationOptions, queryOptions } from './options.js';

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

    /** Stage figures computed by the server and every deal of the pipeline, in one request. */
    board: (id: string) =>
      queryOptions({
        queryKey: keys.pipelines.board(id),
        queryFn: ({ signal }) => chorus.get('/v1/pipelines/{id}/board', { params: { path: { id } }, signal }),
      }),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreatePipeline']) => chorus.post('/v1/pipelines', { body }),
        onSuccess: (_pipeline, _body, _result, { client }) =>
          invalidate(client, invalidationRules.pipelineCreated()),
      }),
  };
}
