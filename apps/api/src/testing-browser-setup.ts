/** Vitest global setup for browser suites: closes the test API the commands started, so the run can exit. */
const state = globalThis as { chorusBrowserApi?: Promise<{ close(): Promise<void> }> };

export async function teardown(): Promise<void> {
  const api = await state.chorusBrowserApi;
  state.chorusBrowserApi = undefined;
  await api?.close();
}
