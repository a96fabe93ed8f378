import type { FetchLike } from '../../src/index.js';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  signal: AbortSignal;
}

/** An injected `fetch` that records every request it gets and answers with `respond`. */
export function recordingFetch(
  respond: (request: RecordedRequest, index: number) => Response | Promise<Response>,
) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (request) => {
    const recorded = {
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body: await request.text(),
      signal: request.signal,
    };
    requests.push(recorded);
    return respond(recorded, requests.length - 1);
  };
  return { fetch, requests };
}

export function problem(status: number, type: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type, title: `Problem ${status}`, status, requestId: 'req_test' }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}
