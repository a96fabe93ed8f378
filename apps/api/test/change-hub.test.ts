import { beforeAll, describe, expect, it } from 'vitest';
import { type ChangeEventDto, ChangeHub } from '../src/changes/change-hub.js';
import type { Database } from '../src/db/database.js';
import type { TestApi } from '../src/testing.js';
import { freshWorkspace, testApi } from './support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});

/**
 * The test's database (PGlite, or PostgreSQL in the second project) with one fault at its edge, as
 * the fault proxy puts them on HTTP: the first LISTEN is refused, as when the server restarts under
 * the API; every later one is the database's own.
 */
function listenRefusedOnce(db: Database): { db: Database; attempts: () => number } {
  let attempts = 0;
  return {
    db: {
      ...db,
      listen: (channel, onPayload) => {
        attempts += 1;
        if (attempts === 1)
          return Promise.reject(new Error('connect ECONNREFUSED (the database restarting)'));
        return db.listen(channel, onPayload);
      },
    },
    attempts: () => attempts,
  };
}

async function until(ready: () => boolean, what: string, ms = 10_000) {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ChangeHub', () => {
  it('listens again for the next subscriber after a LISTEN failed, and delivers its events', async () => {
    const { ws, http, pipeline } = await freshWorkspace(api);
    const flaky = listenRefusedOnce(api.db);
    const hub = new ChangeHub(flaky.db);
    try {
      const first: ChangeEventDto[] = [];
      let firstClosed = false;
      await expect(
        hub.subscribe(
          ws.workspaceId,
          (event) => first.push(event),
          () => {
            firstClosed = true;
          },
        ),
      ).rejects.toThrow(/ECONNREFUSED/);

      const second: ChangeEventDto[] = [];
      const unsubscribe = await hub.subscribe(ws.workspaceId, (event) => second.push(event));
      expect(flaky.attempts()).toBe(2);

      const created = await http.post('/v1/deals', {
        title: 'Desks',
        value: { amount: 50_000, currency: 'EUR' },
        pipelineId: pipeline.id,
        stageId: pipeline.stages[0].id,
      });
      expect(created.status).toBe(201);
      await until(
        () => second.some((event) => event.entityId === created.body.id),
        'the new deal on the feed',
      );
      expect(second.find((event) => event.entityId === created.body.id)?.type).toBe('deal.created');
      // The failed subscriber was taken off: it hears nothing, and closing the hub does not call it.
      expect(first).toEqual([]);
      unsubscribe();
      await hub.close();
      expect(firstClosed).toBe(false);
    } finally {
      await hub.close();
    }
  });

  it('ends a stream that subscribes after the hub closed, without listening again', async () => {
    const { ws } = await freshWorkspace(api);
    let listens = 0;
    const hub = new ChangeHub({
      ...api.db,
      listen: (channel, onPayload) => {
        listens += 1;
        return api.db.listen(channel, onPayload);
      },
    });
    await (await hub.subscribe(ws.workspaceId, () => {}))();
    await hub.close();
    // A reconnect that reached the server as it closed: a new LISTEN here would never be stopped.
    let ended = false;
    await hub.subscribe(
      ws.workspaceId,
      () => {},
      () => {
        ended = true;
      },
    );
    expect(ended).toBe(true);
    expect(listens).toBe(1);
  });
});
