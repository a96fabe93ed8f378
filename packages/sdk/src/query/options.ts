import type {
  DataTag,
  InfiniteData,
  MutationObserverOptions,
  QueryFunction,
  QueryKey,
} from '@tanstack/query-core';
import type { ChorusError } from '../errors.js';
import type { Page } from '../paginate.js';

/** Options for `fetchQuery`, `QueryObserver` and friends; the key carries the data type. */
export interface ChorusQueryOptions<Data, Key extends QueryKey> {
  queryKey: DataTag<Key, Data, ChorusError>;
  queryFn: QueryFunction<Data, Key>;
}

export interface ChorusInfiniteQueryOptions<PageData extends Page<unknown>, Key extends QueryKey> {
  queryKey: DataTag<Key, InfiniteData<PageData, string | undefined>, ChorusError>;
  queryFn: QueryFunction<PageData, Key, string | undefined>;
  initialPageParam: string | undefined;
  getNextPageParam: (lastPage: PageData) => string | undefined;
}

export type ChorusMutationOptions<Data, Variables, OnMutateResult = unknown> = MutationObserverOptions<
  Data,
  ChorusError,
  Variables,
  OnMutateResult
>;

/** Types a query's options from its tagged key; returns them unchanged. */
export function queryOptions<Data, Key extends QueryKey>(
  options: ChorusQueryOptions<Data, Key>,
): ChorusQueryOptions<Data, Key> {
  return options;
}

/** A cursor-paginated list as an infinite query: the cursor is the page parameter. */
export function infiniteQueryOptions<PageData extends Page<unknown>, Key extends QueryKey>(
  queryKey: DataTag<Key, InfiniteData<PageData, string | undefined>, ChorusError>,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<PageData>,
): ChorusInfiniteQueryOptions<PageData, Key> {
  return {
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  };
}

/** Types a mutation's options, callbacks included; returns them unchanged. */
export function mutationOptions<Data, Variables, OnMutateResult = unknown>(
  options: ChorusMutationOptions<Data, Variables, OnMutateResult>,
): ChorusMutationOptions<Data, Variables, OnMutateResult> {
  return options;
}

/** The `If-Match` value for a record's `version`. */
export function ifMatch(version: number): { 'if-match': string } {
  return { 'if-match': `"${version}"` };
}

/**
 * The headers of an edit: `If-Match`, and the `Idempotency-Key` of an earlier attempt when the edit
 * is sent again after failing without a clear answer (see the edits' `idempotencyKey`).
 */
export function editHeaders(version: number, idempotencyKey?: string) {
  return { ...ifMatch(version), ...(idempotencyKey && { 'idempotency-key': idempotencyKey }) };
}
