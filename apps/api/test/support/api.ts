import { startTestApi, type TestApi, type TestWorkspace } from '../../src/testing.js';

const shared = globalThis as { chorusTestApi?: Promise<TestApi> };

/** The API all test files share in this process; closed when the last file is done. */
export function testApi(): Promise<TestApi> {
  shared.chorusTestApi ??= startTestApi({
    rateLimits: {
      perKey: { capacity: 1000, refillPerSecond: 100 },
      perClient: { capacity: 5, refillPerSecond: 0.01 },
    },
  });
  return shared.chorusTestApi;
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A tiny HTTP caller bound to one key, so tests read like the requests they make. */
export function caller(api: TestApi, key: string, defaults: Record<string, string> = {}) {
  const send = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...defaults,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => send('GET', path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) =>
      send('POST', path, body, headers),
    patch: (path: string, body: unknown, headers?: Record<string, string>) =>
      send('PATCH', path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => send('DELETE', path, undefined, headers),
  };
}
export type Caller = ReturnType<typeof caller>;

/** A fresh workspace with a seven-stage pipeline, and a caller on its secret key. */
export async function freshWorkspace(
  api: TestApi,
): Promise<{ ws: TestWorkspace; http: Caller; pipeline: any }> {
  const ws = await api.createWorkspace();
  const http = caller(api, ws.secretKey);
  const pipeline = await http.post('/v1/pipelines', {
    name: 'Sales',
    stages: [
      { name: 'Lead in', probability: 0.1, definition: 'Interest shown.' },
      { name: 'Qualified', probability: 0.3, definition: 'Budget confirmed.' },
      { name: 'Proposal', probability: 0.6, definition: 'Proposal sent.' },
      { name: 'Won', kind: 'won', probability: 1, definition: 'Signed.' },
      { name: 'Lost', kind: 'lost', probability: 0, definition: 'Said no.' },
    ],
  });
  if (pipeline.status !== 201) throw new Error(`pipeline setup failed: ${JSON.stringify(pipeline.body)}`);
  return { ws, http, pipeline: pipeline.body };
}

/** Asserts the shape of an RFC 9457 problem and returns it. */
export function expectProblem(reply: Reply, status: number) {
  if (reply.status !== status || !reply.headers.get('content-type')?.startsWith('application/problem+json')) {
    throw new Error(
      `expected a ${status} problem, got ${reply.status} ${reply.headers.get('content-type')}: ${JSON.stringify(reply.body)}`,
    );
  }
  if (
    typeof reply.body.type !== 'string' ||
    typeof reply.body.title !== 'string' ||
    reply.body.status !== status
  ) {
    throw new Error(`not a problem body: ${JSON.stringify(reply.body)}`);
  }
  return reply.body as {
    type: string;
    title: string;
    detail?: string;
    errors?: { path: string; message: string }[];
    requestId?: string;
  };
}
