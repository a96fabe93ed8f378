import { within } from '@chorus/testing/bounded';

/** Vitest global setup for browser suites: closes the test API the commands started, so the run can exit. */
const state = globalThis as { chorusBrowserApi?: Promise<{ close(): Promise<void> }> };

export async function teardown(): Promise<void> {
  const api = await state.chorusBrowserApi;
  state.chorusBrowserApi = undefined;
  // Vitest waits for a teardown with no limit of its own: one that hangs would hold the whole run.
  await within('the test API to close', 20_000, api?.close() ?? Promise.resolve()).catch((error: Error) =>
    console.warn(`${error.message}; the run ends without it`),
  );
}
