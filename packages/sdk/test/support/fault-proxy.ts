import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one request instead of passing it through. */
export type Fault =
  /** Forward it, let the API answer in full, then cut the connection before the client hears anything. */
  | { kind: 'drop-after-response' }
  /** Answer 503 itself, without forwarding. */
  | { kind: 'unavailable'; retryAfter: string }
  /** Forward it only after a pause. */
  | { kind: 'delay'; ms: number }
  /** Never answer: only the client giving up (its timeout, its abort) ends the request. */
  | { kind: 'hold' };

export interface FaultProxy {
  url: string;
  /** Requests the proxy received, faulty or not. */
  received: Array<{ method: string; path: string; fault: Fault['kind'] | 'none' }>;
  /** Applies `fault` to the next `times` requests that match `method` and `path`. */
  inject(fault: Fault, match: { method: string; path: string; times?: number }): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
  'content-encoding',
]);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A small HTTP proxy in front of the real API that misbehaves on request, like a flaky network does. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const faults: Array<{ fault: Fault; method: string; path: string; times: number }> = [];
  const received: FaultProxy['received'] = [];

  async function forward(request: IncomingMessage, body: Buffer): Promise<Response> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers.set(name, value);
    }
    return fetch(new URL(request.url ?? '/', target), {
      method: request.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined,
    });
  }

  async function relay(response: Response, reply: ServerResponse): Promise<void> {
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    });
    const body = Buffer.from(await response.arrayBuffer());
    reply.writeHead(response.status, headers).end(body);
  }

  const server = createServer(async (request, reply) => {
    const path = new URL(request.url ?? '/', target).pathname;
    const index = faults.findIndex((entry) => entry.method === request.method && entry.path === path);
    const entry = index >= 0 ? faults[index] : undefined;
    if (entry && --entry.times <= 0) faults.splice(index, 1);
    received.push({ method: request.method ?? '', path, fault: entry?.fault.kind ?? 'none' });
    const body = await readBody(request);

    try {
      switch (entry?.fault.kind) {
        case 'drop-after-response': {
          const response = await forward(request, body);
          await response.arrayBuffer();
          request.socket.destroy();
          return;
        }
        case 'unavailable':
          reply
            .writeHead(503, {
              'content-type': 'application/problem+json',
              'retry-after': entry.fault.retryAfter,
            })
            .end(
              JSON.stringify({ type: '/problems/unavailable', title: 'Service unavailable', status: 503 }),
            );
          return;
        case 'hold':
          return;
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, (entry.fault as { ms: number }).ms));
          if (request.socket.destroyed) return;
          return relay(await forward(request, body), reply);
        default:
          return relay(await forward(request, body), reply);
      }
    } catch {
      request.socket.destroy();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    inject: (fault, { method, path, times = 1 }) => faults.push({ fault, method, path, times }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
