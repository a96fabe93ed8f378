import { vi } from 'vitest';

/**
 * Fakes exactly the clock the SDK reads (`setTimeout` for the retries' waits and the attempts'
 * deadlines, `Date` for the time budget and `Retry-After` dates), starting at `now`.
 */
export function useFakeClock(now = 0): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now });
}

/** What a call has done so far: read it after moving the clock, to see that nothing happened yet. */
export interface Tracked<T> {
  settled: boolean;
  value?: T;
  error?: unknown;
}

/** Follows `pending` without awaiting it, so a test can move the clock and look in between. */
export function track<T>(pending: Promise<T>): Tracked<T> {
  const state: Tracked<T> = { settled: false };
  pending.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}

/** Runs the fake clock until no timer is left, and returns how `pending` settled. */
export async function settle<T>(pending: Promise<T>): Promise<PromiseSettledResult<T>> {
  const outcome = Promise.allSettled([pending]).then(([result]) => result!);
  await vi.runAllTimersAsync();
  return outcome;
}
