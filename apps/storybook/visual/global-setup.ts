import { within } from '@chorus/testing/bounded';

/** Vitest global setup of the `visual` project: closes its API (see `visualApi`) when the run ends. */
const state = globalThis as { chorusVisualApi?: Promise<{ close(): Promise<void> }> };

export async function teardown(): Promise<void> {
  const api = await state.chorusVisualApi;
  state.chorusVisualApi = undefined;
  // Vitest waits for a teardown with no limit of its own: one that hangs would hold the whole run.
  await within('the test API to close', 20_000, api?.close() ?? Promise.resolve()).catch((error: Error) =>
    console.warn(`${error.message}; the run ends without it`),
  );
}
