import { goalRows, metricsGoal } from './goals.js';
import { CEILING_PATH } from './load.js';
import type { ApiBenchResult, EngineRun } from './types.js';

const ENGINE_NAMES = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : int(n));
const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;

/** A markdown table; the first `left` columns are text, the rest numbers (right-aligned). */
function table(head: string[], rows: string[][], left: number): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const pad = (c: string, i: number) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = widths.map((w, i) => (i < left ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `));
  return [line(head), `|${rule.join('|')}|`, ...rows.map(line)].join('\n');
}

/** The ceiling's load in the same round of the same run. */
const ceilingOf = (run: EngineRun, round: number) =>
  run.load.find((l) => l.round === round && l.path === CEILING_PATH);

/** The bench's figures as markdown-ish tables. */
export function formatApiBench(result: ApiBenchResult): string {
  const { settings, environment } = result;
  const out: string[] = [];
  out.push('# Chorus API benchmark', '');
  out.push(
    `Node ${environment.node} on ${environment.platform}, ${environment.cpus} × ${environment.cpuModel}. ` +
      `Server in a child process, autocannon in the parent, loopback.`,
  );
  out.push(
    result.postgres.available
      ? `PostgreSQL ${result.postgres.version}: ${result.postgres.source}; a fresh database per scale.`
      : `PostgreSQL column skipped: ${result.postgres.reason}.`,
  );
  out.push(
    settings.analyze
      ? 'ANALYZE runs after each seed (PGlite has no autovacuum; without statistics the list queries sort the whole workspace).'
      : 'No ANALYZE after the seed (BENCH_ANALYZE=0): the planner works from the empty tables the migrations left.',
  );
  for (const scale of result.scales) {
    for (const skip of scale.skipped) {
      out.push(`${scale.label}: ${ENGINE_NAMES[skip.engine]} skipped: ${skip.reason}.`);
    }
  }
  out.push('', "## Issue 14's goals", '');
  out.push(table(['What', 'Where', 'Measured', 'Goal', ''], goalRows(result), 5));
  out.push('', '## Seeded data', '');
  out.push(
    table(
      ['Scale', 'Engine', 'seed', 'contacts', 'deals', 'orders', 'ratings', 'open + seed', 'analyze'],
      result.scales.flatMap((s) =>
        s.runs.map((r) => [
          s.label,
          ENGINE_NAMES[r.engine],
          String(s.scale),
          int(r.seeded.contacts),
          int(r.seeded.deals),
          int(r.seeded.orders),
          int(r.seeded.ratings),
          seconds(r.seedMs),
          r.analyzeMs === null ? 'skipped' : seconds(r.analyzeMs),
        ]),
      ),
      2,
    ),
  );

  out.push(
    '',
    `## Throughput (autocannon, ${settings.connections} connections, ${settings.durationSec} s per endpoint, limit 50)`,
    '',
  );
  const loadRows: string[][] = [];
  for (const s of result.scales) {
    for (const r of s.runs) {
      for (const l of r.load) {
        const ceiling = ceilingOf(r, l.round);
        const codes = Object.entries(l.statusCodes)
          .filter(([code]) => !code.startsWith('2'))
          .map(([code, n]) => `${code}×${n}`)
          .join(' ');
        loadRows.push([
          s.label,
          ENGINE_NAMES[r.engine],
          l.name,
          String(l.round),
          int(l.requestsPerSec),
          l.method === 'GET' && ceiling && l !== ceiling
            ? `${((100 * l.requestsPerSec) / ceiling.requestsPerSec).toFixed(1)}%`
            : '',
          ms(l.p50Ms),
          ms(l.p99Ms),
          int(l.responses),
          codes ? `${int(l.non2xx)} (${codes})` : int(l.non2xx),
          int(l.errors + l.timeouts),
        ]);
      }
    }
  }
  out.push(
    table(
      [
        'Scale',
        'Engine',
        'Endpoint',
        'round',
        'req/s',
        '% of ceiling',
        'p50 ms',
        'p99 ms',
        'responses',
        'non-2xx',
        'errors',
      ],
      loadRows,
      3,
    ),
  );
  const bytes = result.scales.flatMap((s) => s.runs.map((r) => r.ceilingBytes))[0];
  out.push(
    '',
    `The ceiling is the same server answering a static ${bytes ?? '?'}-byte body (the list's own answer) with no auth, transaction or query.`,
  );

  const contended = result.scales.flatMap((s) =>
    s.runs.flatMap(({ engine, contention: c }) =>
      c
        ? [
            [
              s.label,
              ENGINE_NAMES[engine],
              c.endpoint,
              String(c.alone.p99Ms),
              String(c.during.p99Ms),
              `${(c.during.p99Ms / Math.max(c.alone.p99Ms, 1)).toFixed(1)}×`,
              c.during.p99Ms <= 3 * Math.max(c.alone.p99Ms, 1) ? '≤ 3× met' : '≤ 3× not met',
              int(c.dashboards),
            ],
          ]
        : [],
    ),
  );
  if (contended.length > 0) {
    out.push(
      '',
      `## A list read during dashboard loads (one reader, ${settings.durationSec} s alone, then ${settings.durationSec} s beside full /v1/metrics calls back to back)`,
      '',
      table(
        [
          'Scale',
          'Engine',
          'Endpoint',
          'p99 alone ms',
          'p99 during ms',
          'during ÷ alone',
          'goal',
          'dashboards',
        ],
        contended,
        2,
      ),
    );
  }

  const fanned = result.scales.flatMap((s) =>
    s.runs.flatMap(({ engine, fanout: f }) =>
      f
        ? [
            [
              s.label,
              ENGINE_NAMES[engine],
              int(f.streams),
              `${f.delayMedianMs.toFixed(1)} / ${f.delayP95Ms.toFixed(1)} / ${f.delayMaxMs.toFixed(1)}`,
              int(f.eventsPerSecond),
              `${int(f.burst)} writes in ${(f.burstMs / 1000).toFixed(2)} s`,
            ],
          ]
        : [],
    ),
  );
  if (fanned.length > 0) {
    out.push(
      '',
      '## The change feed (GET /v1/events) fanned out to open streams',
      '',
      table(
        [
          'Scale',
          'Engine',
          'streams',
          'write → last client ms (median / p95 / max)',
          'events/s delivered',
          'burst',
        ],
        fanned,
        2,
      ),
      '',
      'Each write is a rating posted with the secret key; its delay runs from just before the POST to the moment the last stream has the event. The burst posts eight at a time; events/s counts deliveries to all streams.',
    );
  }

  out.push('', '## One list request, piece by piece (in process, one at a time, median ms)', '');
  out.push(
    table(
      ['Scale', 'Engine', 'auth', 'tenant scope', 'query + rows', 'serialize', 'rest', 'whole'],
      result.scales.flatMap((s) =>
        s.runs.map(({ engine, breakdown: b }) => [
          s.label,
          ENGINE_NAMES[engine],
          ...[b.authMs, b.tenantMs, b.queryMs, b.serializeMs, b.restMs, b.wholeMs].map((n) => n.toFixed(3)),
        ]),
      ),
      2,
    ),
  );
  out.push(
    '',
    'auth: the caller from the bearer token; tenant scope: opening and closing the tenant transaction (role, workspace setting); ' +
      'rest: the whole in-process request minus the pieces (routing, validation, middleware, the Response).',
  );

  out.push('', `## The board's first read (GET ${result.scales[0]?.runs[0]?.board.path ?? 'board'})`, '');
  out.push(
    table(
      [
        'Scale',
        'Engine',
        'bytes',
        'deals shown',
        'deals in pipeline',
        'columns',
        'median ms',
        'bytes at 50 a column',
      ],
      result.scales.flatMap((s) =>
        s.runs.map(({ engine, board: b }) => [
          s.label,
          ENGINE_NAMES[engine],
          int(b.bytes),
          int(b.dealsShown),
          int(b.dealsInPipeline),
          String(b.columns),
          ms(b.medianMs),
          int(b.defaultPageBytes),
        ]),
      ),
      2,
    ),
  );
  out.push(
    '',
    `## GET /v1/metrics, all metrics, default period (30 days by day): ${settings.metricRuns} calls after 1 warm-up (3 when slower than 5 s)`,
    '',
  );
  out.push(
    table(
      ['Scale', 'Engine', 'Deals', 'Orders', 'median ms', 'p95 ms', 'goal', 'range ms (warm-up)'],
      result.scales.flatMap((s) =>
        s.runs.map((r) => {
          const goal = metricsGoal(r.engine, r.seeded.deals);
          return [
            s.label,
            ENGINE_NAMES[r.engine],
            int(r.seeded.deals),
            int(r.seeded.orders),
            ms(r.metrics.medianMs),
            ms(r.metrics.p95Ms),
            goal ? `${goal.text} ${withinGoal(r, goal) ? 'met' : 'MISSED'}` : '',
            `${ms(r.metrics.minMs)}–${ms(r.metrics.maxMs)} (${ms(r.metrics.warmupMs)})`,
          ];
        }),
      ),
      3,
    ),
  );
  out.push(
    '',
    '### EXPLAIN (ANALYZE, BUFFERS) totals: the whole dashboard query (all metrics), then the three slowest metrics alone',
    '',
  );
  out.push(
    table(
      ['Scale', 'Engine', 'Metric', 'execution ms', 'planning ms', 'shared hit', 'shared read'],
      result.scales.flatMap((s) =>
        s.runs.flatMap((r) =>
          r.explained.map((q) => [
            s.label,
            ENGINE_NAMES[r.engine],
            q.name,
            ms(q.executionMs),
            ms(q.planningMs),
            int(q.sharedHit),
            int(q.sharedRead),
          ]),
        ),
      ),
      3,
    ),
  );
  if (result.property) {
    out.push(
      '',
      `Metrics property test, ${result.property.runs} random workspaces (as seeded, and again after writes of every kind): ` +
        `${result.property.passed ? 'passed' : 'FAILED'} (${result.property.summary}) in ${seconds(result.property.ms)}.`,
    );
  }
  out.push('', `Whole bench: ${seconds(result.totalMs)}.`);
  return out.join('\n');
}

const withinGoal = (run: EngineRun, goal: { medianMs: number; p95Ms?: number }) =>
  run.metrics.medianMs <= goal.medianMs && (goal.p95Ms === undefined || run.metrics.p95Ms <= goal.p95Ms);
