import { type ChildProcess, fork } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ServerReady } from './types.js';

export interface ChildServer extends ServerReady {
  close(): Promise<void>;
}

/** Above this seed scale (~100k deals is 428) the server gets a larger heap. */
const LARGE_SCALE = 1_000;

/** Starts bench/server.ts in a child process: seeded and listening once this resolves. */
export function startChildServer(
  scale: number,
  { databaseUrl, analyze }: { databaseUrl?: string | undefined; analyze: boolean },
): Promise<ChildServer> {
  // Under tsx the parent's loader flags carry over; otherwise ask for tsx explicitly.
  const loader = process.execArgv.some((arg) => arg.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];
  // The seed builds each table's rows in memory: at ~1M deals that is past Node's default heap
  // (4 GB here; it ran out after two minutes), so a large scale may use most of the machine's memory.
  const execArgv =
    scale > LARGE_SCALE
      ? [...loader, `--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.6)}`]
      : loader;
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    execArgv,
    env: {
      ...process.env,
      BENCH_SERVER_SCALE: String(scale),
      BENCH_SERVER_DATABASE_URL: databaseUrl ?? '',
      BENCH_SERVER_ANALYZE: analyze ? '1' : '0',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the bench server exited (code ${code}) before it was ready`)),
    );
    child.once('message', (message: ServerReady | { type: 'error'; message: string }) => {
      if (message.type === 'error') {
        reject(new Error(`the bench server failed: ${message.message}`));
        return;
      }
      resolve({ ...message, close: () => stop(child) });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.removeAllListeners('exit');
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('close');
  });
}
