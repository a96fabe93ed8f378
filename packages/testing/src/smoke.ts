/**
 * `BENCH_SMOKE=1` (what `npm test` runs): every bench once, at small sizes, with every wait bounded
 * and no figures recorded, so a broken bench turns CI red within a minute instead of hanging the
 * next time someone measures.
 */
export const SMOKE = process.env['BENCH_SMOKE'] === '1';

/** The full bench's setting, or the smoke run's. */
export const sized = <T>(full: T, smoke: T): T => (SMOKE ? smoke : full);

/**
 * How long a smoke run may take in all (BENCH_SMOKE_LIMIT_S, default 6 minutes; the slowest takes
 * about one on a loaded 2-core machine).
 */
export const SMOKE_LIMIT_MS = Number(process.env['BENCH_SMOKE_LIMIT_S'] ?? 360) * 1000;

/**
 * The last line of defence: a smoke run still alive after SMOKE_LIMIT_MS ends itself with an error
 * that names what it still holds open. A single unbounded wait (a stream that closed before its
 * first event, a server child that never answers) once held CI until its 90-minute limit with no
 * word of which task hung; this turns that into a red task, named, within minutes. Unref'd: a run
 * that finishes is not kept alive by it.
 */
function watchSmokeRun(name: string, limitMs: number): void {
  setTimeout(() => {
    const open = process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap');
    console.error(
      `bench smoke: ${name} still running after ${Math.round(limitMs / 1000)} s; giving up. ` +
        `Still open: ${open.join(', ') || 'nothing'}.`,
    );
    process.exit(1);
  }, limitMs).unref();
}

// Every bench imports this module (for `sized` or `SMOKE`), so importing it is what arms the watch.
if (SMOKE) {
  const script = process.argv[1]?.split('/').slice(-2).join('/') ?? 'a bench';
  watchSmokeRun(`${process.env['npm_package_name'] ?? ''} ${script}`.trim(), SMOKE_LIMIT_MS);
}
