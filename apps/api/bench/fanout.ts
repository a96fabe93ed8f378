import { within } from '@chorus/testing/bounded';
import { DEMO_SECRET_KEY } from '../src/seed/demo.js';
import type { FanoutFigures } from './types.js';

const secret = { Authorization: `Bearer ${DEMO_SECRET_KEY}` };

/** Percentile by nearest rank of sorted numbers. */
const rank = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

/**
 * The change feed under many readers: `streams` open `GET /v1/events` streams on the demo
 * workspace; `writes` ratings are written one after another, each timed from just before its POST to
 * the moment the last stream has it (write → last client); then `burst` more are written eight at a
 * time, and the events every stream received per second while they arrive is the fan-out rate.
 */
export async function measureFanout(
  baseUrl: string,
  { streams = 200, writes = 30, burst = 200 }: { streams?: number; writes?: number; burst?: number } = {},
): Promise<FanoutFigures> {
  const abort = new AbortController();
  // For each subject written, when each stream saw it.
  const arrivals = new Map<string, number[]>();
  let delivered = 0;
  const ready: Promise<void>[] = [];
  for (let i = 0; i < streams; i++) {
    ready.push(
      (async () => {
        const response = await fetch(`${baseUrl}/v1/events`, { headers: secret, signal: abort.signal });
        if (!response.ok || !response.body) throw new Error(`GET /v1/events answered ${response.status}`);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        let opened: (() => void) | undefined;
        let failed: ((error: Error) => void) | undefined;
        const isOpen = new Promise<void>((resolve, reject) => {
          opened = resolve;
          failed = reject;
        });
        void (async () => {
          try {
            for (;;) {
              const { done, value } = await reader.read();
              // A stream the server ends before its first event would otherwise be waited for forever.
              if (done) return failed?.(new Error(`GET /v1/events ended before it was ready`));
              buffer += decoder.decode(value, { stream: true });
              let end = buffer.indexOf('\n\n');
              while (end !== -1) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                if (block.includes('event: ready')) opened?.();
                const subject = /"subject":"([^"]+)"/.exec(block)?.[1];
                if (subject) {
                  delivered++;
                  const seen = arrivals.get(subject) ?? [];
                  seen.push(performance.now());
                  arrivals.set(subject, seen);
                }
                end = buffer.indexOf('\n\n');
              }
            }
          } catch (error) {
            // Aborted at the end of the measure (then `isOpen` has long settled), or cut before ready.
            failed?.(error as Error);
          }
        })();
        await isOpen;
      })(),
    );
  }
  try {
    return await measureOpenStreams(ready, arrivals, () => delivered, baseUrl, { streams, writes, burst });
  } finally {
    // Whatever happened, the streams close: open sockets would keep the bench alive after an error.
    abort.abort();
  }
}

async function measureOpenStreams(
  ready: Promise<void>[],
  arrivals: Map<string, number[]>,
  deliveredSoFar: () => number,
  baseUrl: string,
  { streams, writes, burst }: { streams: number; writes: number; burst: number },
): Promise<FanoutFigures> {
  await within(`${streams} change streams to open`, 60_000, Promise.all(ready));

  const write = async (subject: string) => {
    const response = await fetch(`${baseUrl}/v1/ratings`, {
      method: 'POST',
      headers: { ...secret, 'Content-Type': 'application/json' },
      body: JSON.stringify({ subject, scale: 'stars5', score: 5 }),
    });
    if (response.status !== 201)
      throw new Error(`POST /v1/ratings answered ${response.status}: ${await response.text()}`);
  };
  const allArrived = async (subject: string, timeoutMs = 30_000) => {
    const start = performance.now();
    while ((arrivals.get(subject)?.length ?? 0) < streams) {
      if (performance.now() - start > timeoutMs)
        throw new Error(`${subject} reached ${arrivals.get(subject)?.length ?? 0} of ${streams} streams`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };

  const delays: number[] = [];
  for (let i = 0; i < writes; i++) {
    const subject = `product:fanout-${process.pid}-one-${i}`;
    const started = performance.now();
    await write(subject);
    await allArrived(subject);
    delays.push(Math.max(...arrivals.get(subject)!) - started);
  }

  const before = deliveredSoFar();
  const started = performance.now();
  const subjects = Array.from({ length: burst }, (_, i) => `product:fanout-${process.pid}-burst-${i}`);
  for (let i = 0; i < subjects.length; i += 8) await Promise.all(subjects.slice(i, i + 8).map(write));
  await Promise.all(subjects.map((subject) => allArrived(subject, 60_000)));
  const elapsedMs = performance.now() - started;

  const sorted = [...delays].sort((a, b) => a - b);
  return {
    streams,
    writes,
    burst,
    delayMedianMs: rank(sorted, 0.5),
    delayP95Ms: rank(sorted, 0.95),
    delayMaxMs: sorted.at(-1) ?? 0,
    eventsPerSecond: ((deliveredSoFar() - before) / elapsedMs) * 1000,
    burstMs: elapsedMs,
  };
}
