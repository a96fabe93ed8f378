import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server.js';
import type { TestApi } from '../src/testing.js';
import { caller, expectProblem, freshWorkspace, testApi } from './support/api.js';

const SUMMARY = '/v1/public/ratings/summary?subject=product:demo-file';

let api: TestApi;

beforeAll(async () => {
  api = await testApi();
});

describe('the demo workspace and pages opened from disk', () => {
  it("takes the demo's publishable key from a file:// page (Origin: null), for public paths only", async () => {
    const fromFile = caller(api, api.publishableKey, { Origin: 'null' });
    const ok = await fromFile.get(SUMMARY);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('null');
    expectProblem(await fromFile.get('/v1/contacts'), 403);
  });

  it("refuses Origin: null for any other workspace's key", async () => {
    const { ws } = await freshWorkspace(api);
    const problem = expectProblem(await caller(api, ws.publishableKey, { Origin: 'null' }).get(SUMMARY), 403);
    expect(problem.detail).toContain('origin null is not allowed');
  });
});

describe('GET /demo/chorus-rating.js', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-demo-widget-'));
  const script = join(dir, 'chorus-rating.js');
  let servers: Awaited<ReturnType<typeof startServer>>[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('serves the widget bundle to any page, uncached', async () => {
    writeFileSync(script, 'customElements.define("chorus-rating", class extends HTMLElement {});\n');
    const server = await startServer(api.db, { demoWidgetScript: script });
    servers = [...servers, server];
    const response = await fetch(`${server.url}/demo/chorus-rating.js`, { headers: { Origin: 'null' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('chorus-rating');
  });

  it('serves the translation chunks beside it, and no other file of its folder', async () => {
    writeFileSync(script, 'import("./chorus-rating.de-AB12.js");\n');
    writeFileSync(
      join(dir, 'chorus-rating.de-AB12.js'),
      'export const messages = { "rating.send": "Bewertung senden" };\n',
    );
    writeFileSync(join(dir, 'secret.txt'), 'not for the web');
    const server = await startServer(api.db, { demoWidgetScript: script });
    servers = [...servers, server];
    const chunk = await fetch(`${server.url}/demo/chorus-rating.de-AB12.js`, { headers: { Origin: 'null' } });
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('content-type')).toContain('text/javascript');
    expect(chunk.headers.get('access-control-allow-origin')).toBe('*');
    expect(await chunk.text()).toContain('Bewertung senden');
    expect((await fetch(`${server.url}/demo/chorus-rating.ja-XX.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/demo/secret.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}/demo/chorus-rating.%2e%2e%2fsecret.txt`)).status).toBe(404);
  });

  it('says how to build it when it is not built', async () => {
    const server = await startServer(api.db, { demoWidgetScript: join(dir, 'missing.js') });
    servers = [...servers, server];
    const response = await fetch(`${server.url}/demo/chorus-rating.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toContain('npm start');
  });
});
