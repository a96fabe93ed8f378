import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { RatingFilters, RatingSummaryParams, WithoutCursor } from './types.js';

export function ratingQueries(chorus: ChorusClient) {
  return {
    list: (filters: RatingFilters = {}) =>
      queryOptions({
        queryKey: keys.ratings.list(filters),
        queryFn: ({ signal }) => chorus.get('/v1/ratings', { params: { query: filters }, signal }),
      }),

    infinite: (filters: WithoutCursor<RatingFilters> = {}) =>
      infiniteQueryOptions(keys.ratings.infinite(filters), (cursor, signal) =>
        chorus.get('/v1/ratings', { params: { query: { ...filters, cursor } }, signal }),
      ),

    /** The public summary of one subject: what a rating widget shows; readable with a publishable key. */
    summary: (params: RatingSummaryParams) =>
      queryOptions({
        queryKey: keys.ratings.summary(params),
        queryFn: ({ signal }) =>
          chorus.get('/v1/public/ratings/summary', { params: { query: params }, signal }),
      }),

    create: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['CreateRating']) => chorus.post('/v1/ratings', { body }),
        onSuccess: (rating, _body, _result, { client }) =>
          invalidate(client, invalidationRules.ratingCreated(rating)),
      }),

    /** A visitor's rating through a publishable key. */
    submitPublic: () =>
      mutationOptions({
        mutationFn: (body: components['schemas']['PublicRatingSubmission']) =>
          chorus.post('/v1/public/ratings', { body }),
        onSuccess: (rating, _body, _result, { client }) =>
          invalidate(client, invalidationRules.ratingCreated(rating)),
      }),
  };
}
