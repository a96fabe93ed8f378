import { vi } from 'vitest';

/**
 * Fakes exactly the clock the SDK reads, starting at `now`: `setTimeout` for the retries' waits,
 * `Date` for the time budget and `Retry-After` dates, and `AbortSignal.timeout` for the attempts'
 * deadlines. Node runs that one on an internal timer fake timers cannot reach, so here it runs on
 * the fake `setTimeout` and aborts with the same `TimeoutError`.
 */
export function useFakeClock(now = 0): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now });
  vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, ms);
    return controller.signal;
  });
}

/** Puts the real clock back. */
export function useRealClock(): void {
  vi.useRealTimers();
  vi.restoreAllMocks();
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
