/**
 * Browser tests against the real API, for every component package: Vitest browser mode driving
 * Debian's Chromium through Playwright, and server-side commands that give the page what a real
 * embedding app's backend would (a session token), never a secret key.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';
import { startTestApi, type TestApi, type TestWorkspace } from './testing.js';

const state = globalThis as { chorusBrowserApi?: Promise<TestApi>; chorusPagePort?: number };

/** The API for this test run, started on first use in the Vitest process; it allows the test page's origin. */
export function browserTestApi(): Promise<TestApi> {
  const port = state.chorusPagePort ?? 63315;
  state.chorusBrowserApi ??= startTestApi({
    extraOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  });
  return state.chorusBrowserApi;
}

function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

async function mintSession(api: TestApi, secretKey: string, scopes: ('read' | 'write')[]): Promise<string> {
  const response = await fetch(`${api.url}/v1/sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ scopes, ttlSeconds: 3600 }),
  });
  if (!response.ok) throw new Error(`could not mint a session: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

export interface BrowserApiInfo {
  url: string;
  workspaceId: string;
  publishableKey: string;
  /** A read/write session token, as an app's backend would hand its signed-in user. */
  sessionToken: string;
}

/** What the page gets for a workspace: where the API is and a session token, never the secret key. */
async function signedIn(api: TestApi, ws: TestWorkspace): Promise<BrowserApiInfo> {
  return {
    url: api.url,
    workspaceId: ws.workspaceId,
    publishableKey: ws.publishableKey,
    sessionToken: await mintSession(api, ws.secretKey, ['read', 'write']),
  };
}

/** Commands a browser test calls with `commands.<name>()` from `vitest/browser`. */
export const chorusCommands = {
  /** The seeded demo workspace. */
  chorusDemo: (async () => {
    const api = await browserTestApi();
    return signedIn(api, api);
  }) as BrowserCommand<[]>,
  /** A fresh, empty workspace of its own: a test that writes isolates itself here. */
  chorusFreshWorkspace: (async () => {
    const api = await browserTestApi();
    return signedIn(api, await api.createWorkspace());
  }) as BrowserCommand<[]>,
  /** Requests the server received since the last reset, to count them where they land. */
  chorusRequests: (async () => (await browserTestApi()).requests.map((r) => ({ ...r }))) as BrowserCommand<
    []
  >,
  chorusResetRequests: (async () => {
    (await browserTestApi()).resetRequestLog();
  }) as BrowserCommand<[]>,
};

/**
 * How every test and bench starts Debian's Chromium: no sandbox (CI runs as root), and none of the
 * background networking that this machine's closed network would refuse.
 */
export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}

/** A `test.globalSetup` entry that closes the API when the run ends; add it beside `chromiumBrowser`. */
export const BROWSER_TEST_GLOBAL_SETUP = fileURLToPath(
  new URL('./testing-browser-setup.ts', import.meta.url),
);

/**
 * The `test.browser` settings every component package uses. Each package passes a port of its own,
 * so suites can run side by side and the API knows which page origin to allow.
 */
export function chromiumBrowser(port: number) {
  state.chorusPagePort = port;
  return {
    enabled: true,
    headless: true,
    api: { port, strictPort: true },
    provider: playwright({
      launchOptions: chromiumLaunchOptions(),
    }),
    instances: [{ browser: 'chromium' as const }],
    commands: chorusCommands,
    screenshotFailures: false,
  };
}

/**
 * The browser project of a package's Vitest config: the `*.browser.test.ts` files of `test/` in Chromium against
 * the real API, on the package's own port, with the API closed at the end.
 */
export function browserProject(port: number) {
  return {
    name: 'browser',
    include: ['test/**/*.browser.test.ts'],
    browser: chromiumBrowser(port),
    globalSetup: [BROWSER_TEST_GLOBAL_SETUP],
    // PGlite starts in seconds alone, in a minute or more beside other suites on two cores.
    hookTimeout: 180_000,
    testTimeout: 30_000,
  };
}
