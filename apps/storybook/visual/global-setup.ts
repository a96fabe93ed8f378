/** Vitest global setup of the `visual` project: closes its API (see `visualApi`) when the run ends. */
const state = globalThis as { chorusVisualApi?: Promise<{ close(): Promise<void> }> };

export async function teardown(): Promise<void> {
  const api = await state.chorusVisualApi;
  state.chorusVisualApi = undefined;
  await api?.close();
}
