/**
 * The fault proxy the widget's fault suite and bench stand behind: each fault does what it says, in
 * front of the real API, and the same seed gives the same faults.
 */
import { startTestApi, type TestApi, type TestWorkspace } from '@chorus/api/testing';
import { type FaultProxy, type FaultRates, startFaultProxy } from '@chorus/api/testing/fault-proxy';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let api: TestApi;
let workspace: TestWorkspace;
let proxy: FaultProxy | undefined;
const ORIGIN = 'http://shop.test';

beforeAll(async () => {
  api = await startTestApi({ seed: false, extraOrigins: [ORIGIN] });
});
afterAll(async () => {
  await api?.close();
});
beforeEach(async () => {
  workspace = await api.createWorkspace();
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

const through = async (rates: FaultRates, seed = 7) => {
  proxy = await startFaultProxy({ target: api.url, seed, rates });
  return proxy;
};

const submit = (url: string, key: string, score = 4) =>
  fetch(`${url}/v1/public/ratings`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${workspace.publishableKey}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': key,
      Origin: ORIGIN,
    },
    body: JSON.stringify({ subject: 'product:proxy', score, elapsedMs: 5000 }),
  });

const rows = () =>
  api.db.query<{ id: string }>('select id from ratings where workspace_id = $1', [workspace.workspaceId]);

describe('the fault proxy', () => {
  it('drops the answer after the API stored the rating; the same key then gets that row', async () => {
    const { url, log } = await through({ script: ['dropped'] });
    await expect(submit(url, 'key-dropped-0001')).rejects.toThrow();
    const [row] = await rows();
    expect(row).toBeDefined();
    const replay = await submit(url, 'key-dropped-0001');
    expect(replay.status).toBe(201);
    expect(((await replay.json()) as { id: string }).id).toBe(row!.id);
    expect(await rows()).toHaveLength(1);
    expect(log.map((entry) => [entry.fault, entry.status, entry.idempotencyKey])).toEqual([
      ['dropped', 201, 'key-dropped-0001'],
      ['forwarded', 201, 'key-dropped-0001'],
    ]);
  });

  it('answers 503 and 429 (with Retry-After) itself, readable by the page, storing nothing', async () => {
    const { url } = await through({ script: ['unavailable', 'rateLimited'], retryAfterSeconds: 7 });
    const unavailable = await submit(url, 'key-busy-0001');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('content-type')).toBe('application/problem+json');
    expect(unavailable.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const limited = await submit(url, 'key-busy-0001');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(await rows()).toEqual([]);
  });

  it('lets CORS preflights through to the API whatever the rates; offline cuts everything', async () => {
    const { url, setRates } = await through({ drop: 1 });
    const preflight = await fetch(`${url}/v1/public/ratings`, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    setRates({ offline: true });
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await expect(submit(url, 'key-offline-0001')).rejects.toThrow();
    expect(await rows()).toEqual([]);
  });

  it('gives the same faults for the same seed, at about the rates asked, and caps faults per key', async () => {
    const rates = { drop: 0.3, unavailable: 0.1, rateLimit: 0.1 };
    const faultsOf = async (seed: number, extra: FaultRates = {}) => {
      const { url, log, close } = await startFaultProxy({
        target: api.url,
        seed,
        rates: { ...rates, ...extra },
      });
      for (let i = 0; i < 60; i++) {
        await submit(url, `key-seed-${seed}-${extra.maxFaultsPerKey ?? 0}-${i % 20}`, 1 + (i % 5)).catch(
          () => {},
        );
      }
      await close();
      return log.map((entry) => entry.fault);
    };
    const first = await faultsOf(3);
    expect(await faultsOf(3)).toEqual(first);
    expect(await faultsOf(4)).not.toEqual(first);
    const dropped = first.filter((fault) => fault === 'dropped').length;
    expect(dropped).toBeGreaterThan(60 * 0.3 * 0.5);
    expect(dropped).toBeLessThan(60 * 0.3 * 1.5);
    // 20 keys, 3 requests each, at most one fault per key.
    const capped = await faultsOf(3, { maxFaultsPerKey: 1 });
    expect(capped.filter((fault) => fault !== 'forwarded').length).toBeLessThanOrEqual(20);
  });
});
