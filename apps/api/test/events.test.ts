import { PROBLEM_TYPES } from '@chorus/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeHub } from '../src/changes/change-hub.js';
import { openDatabase } from '../src/db/open.js';
import { startServer } from '../src/server.js';
import type { TestApi } from '../src/testing.js';
import { type Caller, caller, freshWorkspace, testApi } from './support/api.js';
import { type OpenStream, openEventStream, type StreamedEvent } from './support/event-stream.js';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});

const changes = (events: StreamedEvent[]) =>
  events.filter((e) => e.event !== 'ready').map((e) => ({ id: e.id, type: e.event, ...JSON.parse(e.data) }));

const opened: OpenStream[] = [];
async function stream(token: string, headers: Record<string, string> = {}, base = api.url) {
  const s = await openEventStream(`${base}/v1/events`, token, headers);
  opened.push(s);
  if (s.status === 200) await s.until((events) => events.some((e) => e.event === 'ready'), 'the ready event');
  return s;
}
afterAll(() => {
  for (const s of opened) s.close();
});

async function dealIn(http: Caller, pipeline: { id: string; stages: { id: string }[] }, title = 'Desks') {
  const reply = await http.post('/v1/deals', {
    title,
    value: { amount: 50_000, currency: 'EUR' },
    pipelineId: pipeline.id,
    stageId: pipeline.stages[0]!.id,
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; version: number };
}

describe('GET /v1/events', () => {
  it('carries a move to a stream of the same workspace at once, with the ids, version and who made it', async () => {
    const { http, pipeline } = await freshWorkspace(api);
    const session = await http.post('/v1/sessions', {
      scopes: ['read', 'write'],
      subject: 'Ana Lima',
      ttlSeconds: 600,
    });
    const watcher = await stream(session.body.token);
    expect(watcher.headers.get('content-type')).toContain('text/event-stream');
    const deal = await dealIn(http, pipeline);
    const moved = await caller(api, session.body.token).patch(
      `/v1/deals/${deal.id}`,
      { stageId: pipeline.stages[1]!.id },
      { 'If-Match': '"1"' },
    );
    expect(moved.status).toBe(200);
    await watcher.until((events) => changes(events).some((c) => c.type === 'deal.moved'), 'the move');
    const [created, move] = changes(watcher.events);
    expect(created).toMatchObject({ type: 'deal.created', entityId: deal.id, version: 1, actor: null });
    expect(move).toMatchObject({
      type: 'deal.moved',
      entityId: deal.id,
      version: 2,
      actor: 'Ana Lima',
      data: {
        pipelineId: pipeline.id,
        stageId: pipeline.stages[1]!.id,
        fromStageId: pipeline.stages[0]!.id,
        status: 'open',
        title: 'Desks',
      },
    });
    expect(BigInt(move.id)).toBeGreaterThan(BigInt(created.id));
    expect(move.id).toBe(String(move.id).replace(/\D/g, ''));
  });

  it('never carries another workspace’s change', async () => {
    const a = await freshWorkspace(api);
    const b = await freshWorkspace(api);
    const watchingB = await stream(b.ws.secretKey);
    await dealIn(a.http, a.pipeline, 'Only in A');
    const own = await dealIn(b.http, b.pipeline, 'Only in B');
    await watchingB.until((events) => changes(events).some((c) => c.entityId === own.id), 'B’s own deal');
    expect(changes(watchingB.events).map((c) => c.data.title)).toEqual(['Only in B']);
  });

  it('resumes after Last-Event-ID with what it missed, once each', async () => {
    const { ws, http, pipeline } = await freshWorkspace(api);
    const first = await stream(ws.secretKey);
    await dealIn(http, pipeline, 'Before the drop');
    await first.until((events) => changes(events).length === 1, 'the first change');
    const lastSeen = changes(first.events)[0]!.id as string;
    first.close();
    const missed = [await dealIn(http, pipeline, 'Missed 1'), await dealIn(http, pipeline, 'Missed 2')];
    const resumed = await stream(ws.secretKey, { 'Last-Event-ID': lastSeen });
    await resumed.until((events) => changes(events).length >= 2, 'the missed changes');
    const after = changes(resumed.events).filter((c) => BigInt(c.id) > BigInt(lastSeen));
    expect(after.map((c) => c.entityId)).toEqual(missed.map((d) => d.id));
    // Each id at most once on a stream.
    const ids = changes(resumed.events).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The query parameter does the same for clients that cannot set the header.
    const byQuery = await openEventStream(`${api.url}/v1/events?lastEventId=${lastSeen}`, ws.secretKey);
    opened.push(byQuery);
    await byQuery.until(
      (events) => changes(events).filter((c) => BigInt(c.id) > BigInt(lastSeen)).length === 2,
      'the missed changes by query',
    );
  });

  it('answers 410 past the retention window, so the client reads everything afresh', async () => {
    const { ws, http, pipeline } = await freshWorkspace(api);
    const watcher = await stream(ws.secretKey);
    await dealIn(http, pipeline);
    await watcher.until((events) => changes(events).length === 1, 'a change');
    const old = changes(watcher.events)[0]!.id as string;
    const [{ horizon } = { horizon: '0' }] = await api.db.query<{ horizon: string }>(
      'select pruned_through::text as horizon from change_event_horizon',
    );
    try {
      await api.db.query('update change_event_horizon set pruned_through = $1', [String(BigInt(old) + 1n)]);
      const refused = await stream(ws.secretKey, { 'Last-Event-ID': old });
      expect(refused.status).toBe(410);
      expect(refused.problem).toMatchObject({ type: PROBLEM_TYPES.eventsExpired, status: 410 });
    } finally {
      await api.db.query('update change_event_horizon set pruned_through = $1', [horizon]);
    }
  });

  it('prunes events past the retention window and moves the horizon past them', async () => {
    const { ws, http, pipeline } = await freshWorkspace(api);
    await dealIn(http, pipeline);
    const hub = new ChangeHub(api.db, { retentionMs: 0 });
    const [{ last } = { last: '' }] = await api.db.query<{ last: string }>(
      'select max(id)::text as last from change_events where workspace_id = $1',
      [ws.workspaceId],
    );
    const [{ before } = { before: '0' }] = await api.db.query<{ before: string }>(
      'select pruned_through::text as before from change_event_horizon',
    );
    try {
      await hub.prune(new Date(Date.now() + 1_000));
      expect(await hub.prunedThrough()).toBeGreaterThanOrEqual(BigInt(last));
      const left = await api.db.query('select 1 from change_events where workspace_id = $1', [
        ws.workspaceId,
      ]);
      expect(left).toHaveLength(0);
    } finally {
      await api.db.query('update change_event_horizon set pruned_through = $1', [before]);
      await hub.close();
    }
  });

  it('refuses a publishable key, a bad Last-Event-ID and no token with problems', async () => {
    const { ws } = await freshWorkspace(api);
    const publishable = await stream(ws.publishableKey, { Origin: api.allowedOrigin });
    expect(publishable.status).toBe(403);
    expect(publishable.problem?.type).toBe(PROBLEM_TYPES.forbidden);
    const bad = await stream(ws.secretKey, { 'Last-Event-ID': 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.problem?.type).toBe(PROBLEM_TYPES.validation);
    const none = await stream('');
    expect(none.status).toBe(401);
  });

  it('keeps the stream open with comment lines, and ends it when the server stops', async () => {
    // A second server on the same database, with a short heartbeat.
    const server = await startServer(api.db, { events: { heartbeatMs: 50 } });
    const { ws } = await freshWorkspace(api);
    const response = await fetch(`${server.url}/v1/events`, {
      headers: { Authorization: `Bearer ${ws.secretKey}` },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(': keep-alive')) {
      // A body that ended would answer `done` at once, forever: a loop no test timeout can stop.
      const { done, value } = await reader.read();
      if (done) throw new Error(`the stream ended before a keep-alive line: ${text}`);
      text += new TextDecoder().decode(value);
    }
    const closed = server.close();
    // The stream ends (done) rather than holding the server open.
    while (!(await reader.read()).done) {}
    await closed;
  });
});

// PostgreSQL only (PGlite lives in one process): defined only there, so the PGlite run skips nothing.
if (process.env.CHORUS_TEST_ENGINE === 'postgres') {
  describe('several API processes on one PostgreSQL', () => {
    it('a change written through one server reaches a stream on another', async () => {
      const other = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL });
      const second = await startServer(other);
      try {
        const { ws, http, pipeline } = await freshWorkspace(api);
        const watcher = await stream(ws.secretKey, {}, second.url);
        const deal = await dealIn(http, pipeline, 'Through the first');
        await watcher.until(
          (events) => changes(events).some((c) => c.entityId === deal.id),
          'the change',
          2_000,
        );
      } finally {
        for (const s of opened) s.close();
        await second.close();
        await other.close();
      }
    });
  });
}
