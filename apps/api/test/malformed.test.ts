import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import type { TestApi } from '../src/testing.js';
import { freshWorkspace, testApi } from './support/api.js';
import {
  buildCases,
  type Case,
  type OpenApiDocument,
  type Request,
  unboundedIntegers,
} from './support/malformed.js';

/** The committed contract: the suite grows with it. */
const document = createRequire(import.meta.url)('@chorus/contract/openapi.json') as OpenApiDocument;
const PUBLIC = new Set(['submitPublicRating', 'getPublicRatingSummary']);
const NO_LIMIT = { capacity: 1e9, refillPerSecond: 1e9 };

let api: TestApi;
let server: RunningServer;
let keys: { secret: string; publishable: string };
let built: ReturnType<typeof buildCases>;

beforeAll(async () => {
  api = await testApi();
  // The suite's own server on the shared database, without rate limits, so every case reaches validation.
  server = await startServer(api.db, { rateLimits: { perKey: NO_LIMIT, perClient: NO_LIMIT } });
  const { ws, http, pipeline } = await freshWorkspace(api);
  keys = { secret: ws.secretKey, publishable: ws.publishableKey };
  const company = await http.post('/v1/companies', { name: 'Fixture Co' });
  const contact = await http.post('/v1/contacts', { firstName: 'Fixture', companyId: company.body.id });
  const deal = await http.post('/v1/deals', {
    title: 'Fixture deal',
    value: { amount: 100, currency: 'EUR' },
    pipelineId: pipeline.id,
    contactId: contact.body.id,
  });
  const ticket = await http.post('/v1/tickets', { contactId: contact.body.id, subject: 'Fixture case' });
  const task = await http.post('/v1/activities', {
    type: 'call',
    contactId: contact.body.id,
    dueAt: '2026-12-01T09:00:00.000Z',
  });
  const rating = await http.post('/v1/ratings', { subject: 'product:fixture', score: 4, comment: 'Fine.' });
  const key = await http.post('/v1/keys', { kind: 'publishable', label: 'fixture' });
  const session = await http.post('/v1/sessions', { scopes: ['read'] });
  built = buildCases(document, {
    con: contact.body.id,
    com: company.body.id,
    pip: pipeline.id,
    stg: pipeline.stages[0].id,
    deal: deal.body.id,
    tkt: ticket.body.id,
    act: task.body.id,
    rat: rating.body.id,
    key: key.body.id,
    ses: session.body.id,
  });
});

afterAll(() => server?.close());

async function send(operation: string, request: Request) {
  const url = new URL(`${server.url}${request.path}`);
  for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);
  const auth = PUBLIC.has(operation)
    ? { authorization: `Bearer ${keys.publishable}`, origin: api.allowedOrigin }
    : { authorization: `Bearer ${keys.secret}` };
  const headers = Object.fromEntries(
    Object.entries({ ...auth, ...request.headers }).filter(([, value]) => value !== ''),
  );
  const response = await fetch(url, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text };
}

/** Runs cases a few at a time: quick, yet gentle on a single PGlite. */
async function runAll(cases: Case[], concurrency = 6) {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const item = cases[next++]!;
      try {
        const reply = await send(item.operation, item.request);
        const body = reply.type.startsWith('application/problem+json') ? JSON.parse(reply.text) : undefined;
        if (reply.status < 400 || reply.status > 499 || !body || body.status !== reply.status) {
          failures.push(
            `${item.operation} / ${item.name}: ${reply.status} ${reply.type} ${reply.text.slice(0, 200)}`,
          );
        }
      } catch (error) {
        failures.push(`${item.operation} / ${item.name}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}

describe('malformed input, for every operation of openapi.json', () => {
  it('covers every operation of the contract', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods)).length;
    expect(built.operations).toBe(operations);
    expect(new Set(built.cases.map((c) => c.operation)).size).toBe(operations);
    console.info(`malformed-input suite: ${built.cases.length} cases over ${operations} operations`);
  });

  it('bounds every integer a request may carry (no value past a 32-bit column reaches the database)', () => {
    expect(unboundedIntegers(document)).toEqual([]);
  });

  it('answers every case with a 4xx problem+json: never a 5xx, never a hang', async () => {
    expect(await runAll(built.cases)).toEqual([]);
  }, 120_000);

  it('accepts each baseline the cases were made from (so each case breaks one thing only)', async () => {
    const refused: string[] = [];
    for (const { operation, request } of built.baselines) {
      const reply = await send(operation, request);
      if (reply.status >= 300) refused.push(`${operation}: ${reply.status} ${reply.text.slice(0, 300)}`);
    }
    expect(refused).toEqual([]);
  });
});
