/** One page of a cursor-paginated list, as every list endpoint answers. */
export interface Page<Item> {
  data: Item[];
  nextCursor: string | null;
}

/**
 * Walks a cursor-paginated list page by page: `fetchPage` gets `undefined` first, then each
 * `nextCursor`, until the API answers `null`.
 *
 * ```ts
 * for await (const page of paginatePages((cursor) => chorus.get('/v1/contacts', { params: { query: { cursor } } })))
 * ```
 */
export async function* paginatePages<Item>(
  fetchPage: (cursor: string | undefined) => Promise<Page<Item>>,
): AsyncGenerator<Page<Item>, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield page;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** Walks a cursor-paginated list item by item, fetching the next page only when it is needed. */
export async function* paginate<Item>(
  fetchPage: (cursor: string | undefined) => Promise<Page<Item>>,
): AsyncGenerator<Item, void, undefined> {
  for await (const page of paginatePages(fetchPage)) yield* page.data;
}
