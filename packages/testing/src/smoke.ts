/**
 * `BENCH_SMOKE=1` (what `npm test` runs): every bench once, at small sizes, with every wait bounded
 * and no figures recorded, so a broken bench turns CI red within a minute instead of hanging the
 * next time someone measures.
 */
export const SMOKE = process.env['BENCH_SMOKE'] === '1';

/** The full bench's setting, or the smoke run's. */
export const sized = <T>(full: T, smoke: T): T => (SMOKE ? smoke : full);
