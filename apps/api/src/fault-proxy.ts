/**
 * A fault-injecting HTTP proxy on loopback, for tests and benches of "lose none, count none twice":
 * in front of the real API, it drops answers after the server committed, answers 503, or answers 429
 * with `Retry-After`, at seeded (repeatable) rates. CORS preflights always pass through, so a
 * browser's requests reach the API as they would without it.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROBLEM_TYPES } from '@chorus/contract/enums';

export interface FaultRates {
  /** Forwarded, answered by the API (so committed), and then the connection is cut: no answer arrives. */
  drop?: number;
  /** Answered 503 without reaching the API. */
  unavailable?: number;
  /** Answered 429 with `Retry-After` without reaching the API. */
  rateLimit?: number;
  /** The `Retry-After` seconds of a 429 (default 1). */
  retryAfterSeconds?: number;
  /**
   * At most this many faults for one `Idempotency-Key`; its later requests are forwarded. Bounds how
   * long a test waits on one unlucky rating's growing backoff, while every rating still meets faults.
   */
  maxFaultsPerKey?: number;
  /** Faults for the next faultable requests, in order, before the rates apply again. */
  script?: Fault[];
  /** Every request's connection is cut before it reaches the API, preflights too: the device is offline. */
  offline?: boolean;
}

export type Fault = 'forwarded' | 'dropped' | 'unavailable' | 'rateLimited' | 'offline';

export interface FaultLogEntry {
  method: string;
  path: string;
  fault: Fault;
  idempotencyKey?: string;
  /** What the API answered (also for a dropped answer, which the client never saw). */
  status?: number;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

export interface FaultProxyOptions {
  /** The API's base URL, such as `http://127.0.0.1:41234`. */
  target: string;
  /** The same seed gives the same sequence of faults for the same sequence of requests. */
  seed?: number;
  rates?: FaultRates;
  /** Which requests may be faulted (default: all but preflights); the others are forwarded untouched. */
  faults?: (method: string, path: string) => boolean;
}

export interface FaultProxy {
  /** Where clients go instead of the API. */
  url: string;
  /** What happened to each faultable request, in order of arrival (`status`: the API's answer, if any). */
  log: FaultLogEntry[];
  /** How many faultable requests met each fate. */
  counts(): Record<Fault, number>;
  setRates(rates: FaultRates): void;
  close(): Promise<void>;
}

/** mulberry32: a tiny seeded PRNG, good enough to spread faults repeatably. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/** An answer the proxy makes up: problem+json, readable by the page that asked (CORS). */
function answer(request: IncomingMessage, response: ServerResponse, status: number, headers = {}) {
  const origin = request.headers.origin;
  response.writeHead(status, {
    'Content-Type': 'application/problem+json',
    ...(origin && {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': 'Retry-After',
      Vary: 'Origin',
    }),
    ...headers,
  });
  response.end(
    JSON.stringify({
      type: status === 429 ? PROBLEM_TYPES.rateLimited : 'about:blank',
      title: status === 429 ? 'Too many requests (fault proxy)' : 'Service unavailable (fault proxy)',
      status,
    }),
  );
}

export async function startFaultProxy({
  target,
  seed = 1,
  rates: initial = {},
  faults = (method) => method !== 'OPTIONS',
}: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(target);
  const random = seededRandom(seed);
  let rates = { ...initial, script: [...(initial.script ?? [])] };
  const log: FaultProxy['log'] = [];
  const faultsOf = new Map<string, number>();

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://proxy').pathname;
    const faultable = faults(request.method ?? 'GET', path);
    // One draw per faultable request, whatever the rates: the sequence depends on the seed alone.
    const roll = faultable ? random() : 1;
    const drop = rates.drop ?? 0;
    const unavailable = drop + (rates.unavailable ?? 0);
    const limited = unavailable + (rates.rateLimit ?? 0);
    const key = request.headers['idempotency-key'];
    const spent = typeof key === 'string' && (faultsOf.get(key) ?? 0) >= (rates.maxFaultsPerKey ?? Infinity);
    const fault: Fault = rates.offline
      ? 'offline'
      : !faultable || spent
        ? 'forwarded'
        : rates.script?.length
          ? rates.script.shift()!
          : roll < drop
            ? 'dropped'
            : roll < unavailable
              ? 'unavailable'
              : roll < limited
                ? 'rateLimited'
                : 'forwarded';
    if (typeof key === 'string' && fault !== 'forwarded' && fault !== 'offline')
      faultsOf.set(key, (faultsOf.get(key) ?? 0) + 1);
    // A new connection for every request: a browser resends a request whose reused keep-alive
    // connection closed without an answer, which would turn most dropped answers into retries it hides.
    response.setHeader('Connection', 'close');
    const entry: FaultLogEntry = {
      method: request.method ?? '',
      path,
      fault,
      ...(typeof key === 'string' && { idempotencyKey: key }),
      at: Date.now(),
    };
    if (faultable) log.push(entry);
    if (fault === 'offline') return request.socket.destroy();
    if (fault === 'unavailable') {
      request.resume();
      return answer(request, response, 503);
    }
    if (fault === 'rateLimited') {
      request.resume();
      return answer(request, response, 429, { 'Retry-After': String(rates.retryAfterSeconds ?? 1) });
    }
    const outgoing = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: upstream.host },
      },
      (reply) => {
        const chunks: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => chunks.push(chunk));
        reply.on('end', () => {
          entry.status = reply.statusCode;
          // The API has answered, so it has committed: now the answer is lost on the way back.
          if (fault === 'dropped') return request.socket.destroy();
          const body = Buffer.concat(chunks);
          const headers = Object.fromEntries(
            Object.entries(reply.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
          );
          response.writeHead(reply.statusCode ?? 502, { ...headers, 'content-length': body.length });
          response.end(body);
        });
      },
    );
    outgoing.on('error', () => request.socket.destroy());
    request.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    counts: () => {
      const counts: Record<Fault, number> = {
        forwarded: 0,
        dropped: 0,
        unavailable: 0,
        rateLimited: 0,
        offline: 0,
      };
      for (const entry of log) counts[entry.fault] += 1;
      return counts;
    },
    setRates: (next) => {
      rates = { ...next, script: [...(next.script ?? [])] };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
