/**
 * Lose none, apply none twice, tell every caller the truth: writes of every kind and the board's
 * moves through the seeded fault proxy (answers dropped after the API committed, 503s, 429s with
 * Retry-After) in front of the real API, on PGlite and, in the `faults-postgres` project, on
 * PostgreSQL. The long run of the same workload is `npm run bench:faults`.
 */
import type { TestApi } from '@chorus/api/testing';
import { type FaultProxy, type FaultRates, startFaultProxy } from '@chorus/api/testing/fault-proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { type ChorusClient, ChorusNetworkError } from '../../src/index.js';
import { createChorusQueries, type DealMove } from '../../src/query/index.js';
import {
  asCaller,
  emptyTally,
  FAULT_RATES,
  faultsWrites,
  openRound,
  raceMoves,
  type Tally,
  WRITE_KINDS,
  writeEveryKind,
} from './fault-workload.js';
import { sharedApi } from './shared-api.js';

let api: TestApi;
let proxy: FaultProxy | undefined;

beforeAll(async () => {
  api = await sharedApi();
});
afterAll(async () => {
  await proxy?.close();
});

// A bound per key keeps one unlucky write from waiting out ever longer backoffs; at 4 it is still
// more than the SDK's three attempts, so some calls fail and the caller must retry them.
async function faultProxy(seed: number, rates: FaultRates = { ...FAULT_RATES, maxFaultsPerKey: 4 }) {
  await proxy?.close();
  proxy = await startFaultProxy({ target: api.url, seed, rates, faults: faultsWrites });
  return proxy;
}

const truth = (tally: Tally) => ({
  duplicated: tally.duplicated,
  lost: tally.lost,
  misreported: tally.misreported,
  wrong: tally.wrong,
});

describe('writes through a faulty network', () => {
  it('a caller that retries with the error’s idempotencyKey gets exactly one effect per write, and the truth', async () => {
    const faults = await faultProxy(21);
    const tally = emptyTally();
    // A round per pass: each has its own workspace, so the API's per-client limit stays out of the way.
    for (let pass = 0; pass < 2; pass++) {
      const round = await openRound(api, faults.url);
      await writeEveryKind(round, round.faulted(), tally);
    }

    expect(truth(tally)).toEqual({ duplicated: 0, lost: 0, misreported: 0, wrong: [] });
    expect(tally.stored).toBe(tally.writes);
    const counts = faults.counts();
    // The faults happened: answers lost after the API committed, 503s, 429s, and calls whose
    // every attempt failed, so that only the caller's retry with the error's key could finish them.
    expect(
      faults.log.filter((entry) => entry.fault === 'dropped' && (entry.status ?? 500) < 300).length,
    ).toBeGreaterThan(5);
    expect(counts.unavailable).toBeGreaterThan(0);
    expect(counts.rateLimited).toBeGreaterThan(0);
    expect(tally.retriedByCaller).toBeGreaterThan(0);
  });

  it('the same lost answers with a caller that retries without the key (as before errors carried it): two rows too many', async () => {
    const send = async (reuseKey: boolean) => {
      // Six answers in a row lost after commit, at most three per key: every attempt of the first call.
      const faults = await faultProxy(7, { script: Array(6).fill('dropped'), maxFaultsPerKey: 3 });
      const round = await openRound(api, faults.url);
      const write = await WRITE_KINDS['POST /v1/contacts']!(round);
      const outcome = await asCaller((key) => write.send(round.faulted(), key), { reuseKey });
      return { ok: outcome.ok, tries: outcome.tries, rows: await write.effects() };
    };

    // With the key, the second call is the first one replayed (the proxy lets a key's fourth request through).
    expect(await send(true)).toEqual({ ok: true, tries: 2, rows: 1 });
    expect(await send(false)).toEqual({ ok: true, tries: 3, rows: 3 });
  });
});

describe('two writers moving the same deal', () => {
  it('one move stands; its writer hears success even when its answer was dropped and replayed, the other 412', async () => {
    const faults = await faultProxy(42);
    const tally = emptyTally();
    for (let pass = 0; pass < 2; pass++) {
      const round = await openRound(api, faults.url);
      // Two boards (two clients, as in two browsers) on the same deal.
      const writers: [ChorusClient, ChorusClient] = [round.faulted(), round.faulted()];
      for (let race = 0; race < 6; race++) await raceMoves(round, writers, tally);
    }

    expect(truth(tally)).toEqual({ duplicated: 0, lost: 0, misreported: 0, wrong: [] });
    expect(tally.stored).toBe(12);
    // The case of the issue happened: a move committed and its answer was lost, so only the replay
    // of its Idempotency-Key told the winner it won.
    const droppedMoves = faults.log.filter(
      (entry) => entry.method === 'PATCH' && entry.fault === 'dropped' && entry.status === 200,
    );
    expect(droppedMoves.length).toBeGreaterThan(0);
  });
});

describe('a move whose answer was lost', () => {
  it('is replayed to its writer as the success it was; without a key the retry met its own version (412)', async () => {
    const move = async (idempotencyKeys: boolean) => {
      // The move commits and its answer is lost; the SDK's own retry goes through.
      const faults = await faultProxy(5, { script: ['dropped'] });
      const round = await openRound(api, faults.url);
      const write = await WRITE_KINDS['PATCH /v1/deals/{id} (move)']!(round);
      const said = await write.send(round.faulted({ idempotencyKeys }), undefined).then(
        () => 'success',
        (error: unknown) => String(error),
      );
      return { said, moves: await write.effects(), faults: faults.log.map((entry) => entry.fault) };
    };

    expect(await move(true)).toEqual({ said: 'success', moves: 1, faults: ['dropped', 'forwarded'] });
    // The bug, kept as the proof that this test can fail: the move stands, its writer hears 412.
    expect(await move(false)).toMatchObject({
      said: expect.stringMatching(/^ChorusPreconditionError/),
      moves: 1,
    });
  });
});

describe("the board's move after the client's retries were spent", () => {
  it('sent again with its error’s idempotencyKey is replayed as the success it was, not refused with 412', async () => {
    const moveTwice = async (reuseKey: boolean) => {
      // Every attempt of the first call commits or is refused, and its answer is lost.
      const faults = await faultProxy(9, { script: Array(3).fill('dropped'), maxFaultsPerKey: 3 });
      const round = await openRound(api, faults.url);
      const deal = await round.direct.post('/v1/deals', {
        body: {
          title: 'Board move',
          value: { amount: 9_900, currency: 'EUR' },
          pipelineId: round.pipelineId,
          stageId: round.stages[0]!,
          contactId: round.contactId,
        },
      });
      // What <chorus-pipeline-board> runs: the query layer's move mutation, under a QueryClient.
      const observer = new MutationObserver(
        new QueryClient(),
        createChorusQueries(round.faulted()).deals.move(),
      );
      const move: DealMove = { deal, stageId: round.stages[1]! };
      const first = await observer.mutate(move).catch((error: unknown) => error);
      expect(first).toBeInstanceOf(ChorusNetworkError);
      const again = await observer
        .mutate(reuseKey ? { ...move, idempotencyKey: (first as ChorusNetworkError).idempotencyKey } : move)
        .then(
          (saved) => `moved to version ${saved.version}`,
          (error: unknown) => (error as Error).name,
        );
      const stored = await round.direct.get('/v1/deals/{id}', { params: { path: { id: deal.id } } });
      return { again, version: stored.version - deal.version, stageId: stored.stageId === move.stageId };
    };

    expect(await moveTwice(true)).toEqual({ again: 'moved to version 2', version: 1, stageId: true });
    // Sent as a new request, the user's own applied move comes back as a conflict.
    expect(await moveTwice(false)).toEqual({ again: 'ChorusPreconditionError', version: 1, stageId: true });
  });
});

describe('an edit after the client’s retries were spent', () => {
  // Every attempt of the first call commits (or is refused as a replay) and its answer is lost.
  const editTwice = async (kind: 'contacts' | 'companies', reuseKey: boolean) => {
    const faults = await faultProxy(11, { script: Array(3).fill('dropped'), maxFaultsPerKey: 3 });
    const round = await openRound(api, faults.url);
    const record =
      kind === 'contacts'
        ? await round.direct.get('/v1/contacts/{id}', { params: { path: { id: round.contactId } } })
        : await round.direct.post('/v1/companies', { body: { name: 'Edited twice' } });
    const queries = createChorusQueries(round.faulted());
    // One observer type for both kinds: the test reads only the saved version.
    const observer = new MutationObserver<{ version: number }, Error, unknown>(
      new QueryClient(),
      queries[kind].update() as never,
    );
    const edit = {
      id: record.id,
      version: record.version,
      changes: kind === 'contacts' ? { title: 'Head of sound' } : { industry: 'Audio' },
    };
    const first = await observer.mutate(edit).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(ChorusNetworkError);
    const again = await observer
      .mutate(reuseKey ? { ...edit, idempotencyKey: (first as ChorusNetworkError).idempotencyKey } : edit)
      .then(
        (saved) => `saved as version ${saved.version - record.version}`,
        (error: unknown) => (error as Error).name,
      );
    const path = kind === 'contacts' ? '/v1/contacts/{id}' : '/v1/companies/{id}';
    const stored = (await round.direct.get(path as '/v1/contacts/{id}', {
      params: { path: { id: record.id } },
    })) as {
      version: number;
    };
    return { again, versions: stored.version - record.version };
  };

  it.each(['contacts', 'companies'] as const)(
    'of %s, sent again with its error’s idempotencyKey, is replayed as the one success it was',
    async (kind) => {
      expect(await editTwice(kind, true)).toEqual({ again: 'saved as version 1', versions: 1 });
      // Sent as a new request, the user's own applied edit comes back as a conflict.
      expect(await editTwice(kind, false)).toEqual({ again: 'ChorusPreconditionError', versions: 1 });
    },
  );
});
