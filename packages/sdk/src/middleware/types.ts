/** What openapi-fetch calls to send a request, and what every middleware wraps. */
export type FetchLike = (request: Request) => Promise<Response>;

/** One concern (auth, retries, ...) wrapped around the next fetch in the chain. */
export type FetchMiddleware = (next: FetchLike) => FetchLike;

/** Wraps `fetch` in `middleware`, the first one outermost: it sees the request first and the response last. */
export function composeFetch(fetch: FetchLike, middleware: readonly FetchMiddleware[]): FetchLike {
  return middleware.reduceRight<FetchLike>((next, wrap) => wrap(next), fetch);
}
