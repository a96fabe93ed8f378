import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SECRET_KEY } from '../src/seed/demo.js';

const run = promisify(execFile);
const apiDir = new URL('..', import.meta.url).pathname;
const onPostgres = process.env.CHORUS_TEST_ENGINE === 'postgres';
const dataDir = onPostgres ? undefined : mkdtempSync(join(tmpdir(), 'chorus-production-'));
/** The engine as a user configures it: DATABASE_URL, or PGlite on disk in CHORUS_DATA_DIR. */
const engineEnv: Record<string, string> = onPostgres
  ? { DATABASE_URL: process.env.TEST_DATABASE_URL! }
  : { CHORUS_DATA_DIR: dataDir! };
const env = (extra: Record<string, string> = {}) => {
  const { DATABASE_URL: _url, CHORUS_DATA_DIR: _dir, ...rest } = process.env;
  return { ...rest, ...engineEnv, ...extra };
};

let server: ChildProcess | undefined;

/** `npm run workspace -- create --name Acme --origin <origin>`, as the README has it. */
const createWorkspace = (origin: string, environment: NodeJS.ProcessEnv = env()) =>
  run(
    process.execPath,
    ['--import', 'tsx', 'src/workspace-cli.ts', 'create', '--name', 'Acme', '--origin', origin],
    { cwd: apiDir, env: environment },
  );

async function stopMain(): Promise<void> {
  if (server && server.exitCode === null) {
    const child = server;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    // A server whose shutdown stalls is killed, not waited for: it holds database connections.
    const stalled = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(stalled);
  }
  server = undefined;
}

afterAll(async () => {
  await stopMain();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `src/main.ts` as a user would, without `--demo`, and resolves with what it printed once ready. */
function startMain(): Promise<{ url: string; output: string }> {
  // `node --import tsx` keeps the server our own child, so killing it ends it (npx tsx would add a grandchild).
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', '0'], {
    cwd: apiDir,
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`main.ts did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Chorus API on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && /OpenAPI: /.test(output)) {
        clearTimeout(timer);
        resolve({ url, output });
      }
    };
    server!.stdout!.on('data', read);
    server!.stderr!.on('data', read);
    server!.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`main.ts exited ${code}:\n${output}`));
    });
  });
}

describe('the API in production (no --demo)', () => {
  it('--help explains --demo and how to create a workspace, and exits 0', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', '--help'], {
      cwd: apiDir,
    });
    expect(stdout).toContain('--demo');
    expect(stdout).toContain('npm run workspace -w @chorus/api -- create');
  });

  it('the workspace command refuses an origin with a path, and a run without a database', async () => {
    const badOrigin = createWorkspace('https://acme.example/app');
    await expect(badOrigin).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--origin') });
    const { DATABASE_URL: _u, CHORUS_DATA_DIR: _d, ...bare } = process.env;
    const inMemory = createWorkspace('https://acme.example', bare);
    await expect(inMemory).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('CHORUS_DATA_DIR'),
    });
  });

  it("starts empty and says how to create a workspace, then serves the stranger's own and never the demo", async () => {
    const demoRefused = async (url: string) => {
      const contacts = await fetch(`${url}/v1/contacts`, {
        headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}` },
      });
      expect(contacts.status).toBe(401);
      const session = await fetch(`${url}/demo/session`, {
        method: 'POST',
        headers: { Origin: 'http://localhost:6006' },
      });
      expect(session.status).toBe(404);
      expect((await fetch(`${url}/demo/chorus-rating.js`)).status).toBe(404);
    };
    // PostgreSQL's test database always holds the test workspaces (and the demo's): PGlite shows the empty start.
    if (!onPostgres) {
      const empty = await startMain();
      expect(empty.output).toContain('No workspace yet');
      expect(empty.output).toContain('npm run workspace -w @chorus/api -- create --name');
      await demoRefused(empty.url);
      await stopMain();
    }

    const origin = 'https://app.acme.example';
    const { stdout } = await createWorkspace(origin);
    const created = JSON.parse(stdout) as {
      workspace: { id: string; name: string; allowedOrigins: string[] };
      secretKey: { token: string; kind: string };
      publishableKey: { token: string; kind: string };
    };
    expect(created.workspace).toMatchObject({ name: 'Acme', allowedOrigins: [origin] });
    expect(created.secretKey.token).toMatch(/^sk_/);
    expect(created.publishableKey.token).toMatch(/^pk_/);

    const { url, output } = await startMain();
    if (!onPostgres) expect(output).toContain('Serving 1 workspace.');
    expect(output).not.toContain(DEMO_SECRET_KEY);
    const own = await fetch(`${url}/v1/workspace`, {
      headers: { Authorization: `Bearer ${created.secretKey.token}` },
    });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { id: string }).id).toBe(created.workspace.id);
    // The demo keys are public: a database once used for the demo (the PostgreSQL one here) must not honour them.
    await demoRefused(url);

    // The README's next steps: add an origin at the version read, mint a session as a backend does,
    // then read from a page of the new origin and submit a rating with the publishable key.
    const secret = { Authorization: `Bearer ${created.secretKey.token}`, 'Content-Type': 'application/json' };
    const shop = 'https://shop.acme.example';
    const added = await fetch(`${url}/v1/workspace`, {
      method: 'PATCH',
      headers: { ...secret, 'If-Match': own.headers.get('etag')! },
      body: JSON.stringify({ allowedOrigins: [origin, shop] }),
    });
    expect(added.status).toBe(200);
    const minted = await fetch(`${url}/v1/sessions`, {
      method: 'POST',
      headers: secret,
      body: JSON.stringify({ scopes: ['read'], ttlSeconds: 3600, subject: 'user-1' }),
    });
    const { token } = (await minted.json()) as { token: string };
    const page = { Authorization: `Bearer ${token}`, Origin: shop, 'Content-Type': 'application/json' };
    expect((await fetch(`${url}/v1/contacts`, { headers: page })).status).toBe(200);
    // Read-only unless asked for write.
    const write = await fetch(`${url}/v1/contacts`, {
      method: 'POST',
      headers: page,
      body: JSON.stringify({ firstName: 'Ada' }),
    });
    expect(write.status).toBe(403);
    const rating = await fetch(`${url}/v1/public/ratings`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${created.publishableKey.token}`,
        Origin: shop,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ subject: 'product:monitor-x1', score: 5 }),
    });
    expect(rating.status).toBe(201);
  }, 120_000);
});
