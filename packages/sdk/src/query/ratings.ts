import type { components } from '@chorus/contract/paths';
import type { ChorusClient } from '../client.js';
import { invalidate, invalidationRules } from './invalidation.js';
import { chorusKeys as keys } from './keys.js';
import { infiniteQueryOptions, mutationOptions, queryOptions } from './options.js';
import type { RatingFilters, RatingSummaryParams, ReviewParams, WithoutCursor } from './types.js';

/** A moderator's decision on one rating: hidden with a reason, or shown. */
export type RatingModeration = { id: string } & components['schemas']['RatingModeration'];

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

    /** A subject's public reviews (ratings with a comment, newest first), page after page; publishable key. */
    reviews: (params: ReviewParams) =>
      infiniteQueryOptions(keys.ratings.reviews(params), (cursor, signal) =>
        chorus.get('/v1/public/ratings/reviews', { params: { query: { ...params, cursor } }, signal }),
      ),

    /** Hides a rating from the public reviews with a reason, or shows it again (a moderator's key). */
    moderate: () =>
      mutationOptions({
        mutationFn: ({ id, ...moderation }: RatingModeration) =>
          chorus.patch('/v1/ratings/{id}/moderation', { params: { path: { id } }, body: moderation }),
        onSuccess: (rating, _moderation, _result, { client }) =>
          invalidate(client, invalidationRules.ratingModerated(rating)),
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
