/**
 * Waits with a bound, for benches in Node and on their pages in Chromium (no Node imports here).
 * A bench that waits forever for an element that was never defined tells nobody anything; one that
 * fails after a few seconds says what it waited for.
 */
export class BenchTimeoutError extends Error {
  override name = 'BenchTimeoutError';
  constructor(what: string, ms: number) {
    super(`bench: gave up after ${(ms / 1000).toFixed(1)} s waiting for ${what}`);
  }
}

/** `work`, or a BenchTimeoutError naming `what` once `ms` have passed. */
export async function within<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BenchTimeoutError(what, ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The browser globals this module uses, read off `globalThis`: a DOM `lib` reference here would
 * leak into the Node packages that import it (it changes their `Headers`).
 */
const browser = globalThis as {
  requestAnimationFrame?: (callback: () => void) => number;
  customElements?: { get(tag: string): unknown };
};

const nextTick = () =>
  new Promise<void>((resolve) =>
    browser.requestAnimationFrame ? browser.requestAnimationFrame(() => resolve()) : setTimeout(resolve, 16),
  );

/** Resolves once `ready()` is true (checked every frame), or throws a BenchTimeoutError naming `what`. */
export async function until(what: string, ready: () => boolean, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > deadline) throw new BenchTimeoutError(what, ms);
    await nextTick();
  }
}

/**
 * Throws unless every tag is a defined custom element: the check that catches a `define` module
 * dropped by a bundler (a `sideEffects` list that names only `dist/define.js` while the page
 * bundles `src/define.ts`).
 */
export function assertDefined(...tags: string[]): void {
  const missing = tags.filter((tag) => !browser.customElements?.get(tag));
  if (missing.length > 0) {
    throw new Error(
      `bench: ${missing.map((tag) => `<${tag}>`).join(', ')} is not defined on the bench page (was its define module dropped from the bundle?)`,
    );
  }
}
