import type { QueryClient, QueryKey } from '@tanstack/query-core';

/** Cached data under some key prefixes, as it was before an optimistic change. */
export type Snapshot = Array<[QueryKey, unknown]>;

/** Stops in-flight fetches under the prefixes (so they cannot overwrite the optimistic data) and saves it. */
export async function takeSnapshot(queryClient: QueryClient, prefixes: QueryKey[]): Promise<Snapshot> {
  await Promise.all(prefixes.map((queryKey) => queryClient.cancelQueries({ queryKey })));
  return prefixes.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }));
}

export function restoreSnapshot(queryClient: QueryClient, snapshot: Snapshot | undefined): void {
  for (const [queryKey, data] of snapshot ?? []) queryClient.setQueryData(queryKey, data);
}

interface WithId {
  id: string;
}
type ListPage = { data: WithId[] };

/**
 * Rewrites one page or every page of an infinite list. `change` returns the page's new items, so
 * it can edit, drop or add an item.
 */
export function rewriteList<Data>(data: Data, change: (items: WithId[]) => WithId[]): Data {
  if (typeof data !== 'object' || data === null) return data;
  if ('pages' in data && Array.isArray(data.pages)) {
    return { ...data, pages: data.pages.map((page: ListPage) => ({ ...page, data: change(page.data) })) };
  }
  if ('data' in data && Array.isArray(data.data)) return { ...data, data: change(data.data as WithId[]) };
  return data;
}
