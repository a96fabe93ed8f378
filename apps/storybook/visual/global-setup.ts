/** Vitest global setup of the `visual` project: closes its API (see `visualApi`) when the run ends. */
const state = globalThis as { chorusVisualApi?: Promise<{ close(): Promise<void> }> };

export async function teardown(): Promise<void> {
  const api = await state.chorusVisualApi;
  state.chorusVisualApi = undefined;
  // Vitest waits for a teardown with no limit of its own: one that hangs holds the whole run.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn('test API: still closing after 20 s; the run ends without waiting for it');
      resolve();
    }, 20_000);
  });
  await Promise.race([api?.close(), limit]);
  clearTimeout(timer);
}
