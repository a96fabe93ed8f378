/**
 * `npm run bench:faults`: the long run of the SDK's fault suite. WRITES (default 1,000) writes of
 * every kind and MOVES (default 1,000) races of two writers moving one deal, through the seeded fault
 * proxy in front of the real API (30 % of answers dropped after the API committed, 10 % answered 503,
 * 5 % answered 429 with Retry-After: 1), by callers that retry what failed. Counted from the API's
 * rows: stored, duplicated, lost, and callers told something untrue. Each is run twice: as the SDK
 * is (callers retry with the error's `idempotencyKey`; moves carry an `Idempotency-Key`), and as it
 * was before issue 21 (callers retry as a new request; moves retried by `If-Match` alone).
 *
 *   npm run bench:faults -w @chorus/sdk                        (PGlite, then PostgreSQL if a URL is set)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:faults -w @chorus/sdk   (or TEST_DATABASE_URL)
 *   WRITES=200 MOVES=200 SEED=7 npm run bench:faults -w @chorus/sdk
 */
import { startTestApi } from '@chorus/api/testing';
import { startFaultProxy } from '@chorus/api/testing/fault-proxy';
import { recordFigures } from '@chorus/testing/figures';
import { sized } from '@chorus/testing/smoke';
import {
  type CallerOptions,
  emptyTally,
  FAULT_RATES,
  type FaultedOptions,
  faultsWrites,
  openRound,
  raceMoves,
  WRITE_KINDS,
  writeEveryKind,
} from '../test/integration/fault-workload.js';

const WRITES = sized(Number(process.env.WRITES ?? 1000), 26);
const MOVES = sized(Number(process.env.MOVES ?? 1000), 10);
const SEED = Number(process.env.SEED ?? 21);
/** Rounds at once, each in its own workspace: the backoffs overlap instead of adding up. */
const PARALLEL = 16;
/** Writes per round (one workspace, one key): a few passes over every kind. */
const PER_ROUND = Object.keys(WRITE_KINDS).length * 2;
/** A caller gives up after this many calls; with three attempts each, 0.45^30 never happens. */
const CALLER_TRIES = 10;

type Workload = 'writes' | 'moves';
interface Run {
  workload: Workload;
  label: string;
  client: FaultedOptions;
  caller: CallerOptions;
}

const RUNS: Run[] = [
  { workload: 'writes', label: 'SDK writes, retried with the error’s key', client: {}, caller: {} },
  {
    workload: 'writes',
    label: 'SDK writes, retried as new requests (before)',
    client: {},
    caller: { reuseKey: false },
  },
  { workload: 'moves', label: 'board moves (two writers), as the SDK is', client: {}, caller: {} },
  {
    workload: 'moves',
    label: 'board moves, retried by If-Match alone (before)',
    client: { idempotencyKeys: false },
    caller: { reuseKey: false },
  },
];

async function measure() {
  // The limits are raised so that the faults decide the run, not a thousand writes from one address;
  // the proxy's 429s stand in for them (the suite in `npm test` runs under the real ones).
  const api = await startTestApi({
    seed: false,
    rateLimits: {
      perKey: { capacity: 5000, refillPerSecond: 500 },
      perClient: { capacity: 2000, refillPerSecond: 500 },
    },
  });
  const rows = [];
  for (const run of RUNS) {
    const proxy = await startFaultProxy({
      target: api.url,
      seed: SEED,
      rates: FAULT_RATES,
      faults: faultsWrites,
    });
    const total = run.workload === 'writes' ? WRITES : MOVES;
    const tally = emptyTally();
    const caller = { tries: CALLER_TRIES, ...run.caller };
    const started = Date.now();
    let claimed = 0;
    async function worker() {
      while (claimed < total) {
        const take = Math.min(PER_ROUND, total - claimed);
        claimed += take;
        const round = await openRound(api, proxy.url);
        const client = round.faulted(run.client);
        if (run.workload === 'writes') {
          const kinds = Object.keys(WRITE_KINDS);
          for (let done = 0; done < take; done += kinds.length)
            await writeEveryKind(round, client, tally, caller, kinds.slice(0, take - done));
        } else {
          const writers: [typeof client, typeof client] = [client, round.faulted(run.client)];
          for (let race = 0; race < take; race++) await raceMoves(round, writers, tally, caller);
        }
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const counts = proxy.counts();
    await proxy.close();
    rows.push({ run, tally, counts, seconds: Math.round((Date.now() - started) / 1000) });
  }
  await api.close();
  return { engine: api.db.engine, rows };
}

function print(engine: string, rows: Awaited<ReturnType<typeof measure>>['rows']) {
  console.log(`\n@chorus/sdk under faults (${engine}, seed ${SEED})`);
  console.table(
    rows.map(({ run, tally, counts, seconds }) => ({
      run: run.label,
      writes: tally.writes,
      stored: tally.stored,
      duplicated: tally.duplicated,
      lost: tally.lost,
      misreported: tally.misreported,
      'calls retried by the caller': tally.retriedByCaller,
      'faulted (dropped / 503 / 429)': `${counts.dropped} / ${counts.unavailable} / ${counts.rateLimited}`,
      seconds,
    })),
  );
  for (const { run, tally } of rows) {
    const examples = [...new Set(tally.wrong)].slice(0, 3);
    if (examples.length) console.log(`  ${run.label}, for example:\n    ${examples.join('\n    ')}`);
  }
}

const engines: Array<'pglite' | 'postgres'> = ['pglite'];
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (postgresUrl) engines.push('postgres');
else console.log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure it too.');

let failed = false;
for (const engine of engines) {
  // startTestApi picks its engine from these, as the API's own suites set them.
  process.env.CHORUS_TEST_ENGINE = engine;
  if (engine === 'postgres') process.env.TEST_DATABASE_URL = postgresUrl;
  const { engine: name, rows } = await measure();
  print(name, rows);
  const now = rows.filter(({ run }) => !run.label.endsWith('(before)'));
  recordFigures(
    `@chorus/sdk faults (${name})`,
    now.flatMap(({ run, tally }) => [
      {
        name: `${run.workload}: stored of ${tally.writes}`,
        value: tally.stored,
        unit: '×',
        budget: { min: tally.writes },
      },
      { name: `${run.workload}: duplicated`, value: tally.duplicated, unit: '×', budget: { max: 0 } },
      { name: `${run.workload}: lost`, value: tally.lost, unit: '×', budget: { max: 0 } },
      {
        name: `${run.workload}: callers told something untrue`,
        value: tally.misreported,
        unit: '×',
        budget: { max: 0 },
      },
    ]),
  );
  failed ||= now.some(({ tally }) => tally.duplicated || tally.lost || tally.misreported);
}
if (failed) process.exitCode = 1;
