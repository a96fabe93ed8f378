/**
 * PostgreSQL for the bench: BENCH_DATABASE_URL or TEST_DATABASE_URL when set, otherwise a
 * throwaway cluster started the way .ci/run does (initdb + pg_ctl into a temp dir, on a free
 * loopback port, as user postgres when running as root). Each scale gets a fresh database.
 */
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresHost {
  source: string;
  version: string;
  /** A fresh, empty database; its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Drops the databases made here and stops the cluster if the bench started it. */
  release(): Promise<void>;
}

export type PostgresAvailability =
  | { available: true; host: PostgresHost }
  | { available: false; reason: string };

export async function acquirePostgres(): Promise<PostgresAvailability> {
  const fromEnv = process.env.BENCH_DATABASE_URL
    ? 'BENCH_DATABASE_URL'
    : process.env.TEST_DATABASE_URL
      ? 'TEST_DATABASE_URL'
      : undefined;
  if (fromEnv) {
    try {
      return { available: true, host: await hostAt(process.env[fromEnv]!, fromEnv, async () => {}) };
    } catch (error) {
      return { available: false, reason: `${fromEnv} is set but unusable: ${message(error)}` };
    }
  }
  try {
    return await startThrowawayCluster();
  } catch (error) {
    return { available: false, reason: `could not start a throwaway cluster: ${message(error)}` };
  }
}

async function hostAt(adminUrl: string, source: string, stop: () => Promise<void>): Promise<PostgresHost> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const [{ server_version: version }] = (await admin.query('show server_version')).rows;
  const made: string[] = [];
  return {
    source,
    version,
    async createDatabase(name) {
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      made.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async release() {
      for (const name of made) {
        await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      }
      await admin.end().catch(() => {});
      await stop();
    },
  };
}

async function startThrowawayCluster(): Promise<PostgresAvailability> {
  const bin = await newestPostgresBin();
  if (!bin) {
    return {
      available: false,
      reason:
        'no PostgreSQL URL set (BENCH_DATABASE_URL / TEST_DATABASE_URL) and no server under /usr/lib/postgresql/*/bin',
    };
  }
  const asRoot = userInfo().uid === 0;
  const dir = await mkdtemp(join(tmpdir(), 'chorus-bench-pg.'));
  if (asRoot) await chown(dir, ...(await postgresIds()));
  const asPg = (file: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
  const data = join(dir, 'db');
  const port = await freePort();
  let started = false;
  try {
    await asPg(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust']);
    await asPg(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`,
      'start',
    ]);
    started = true;
    const stop = async () => {
      await asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    };
    const host = await hostAt(
      `postgres://postgres@127.0.0.1:${port}/postgres`,
      `throwaway cluster (${bin}, port ${port})`,
      stop,
    );
    return { available: true, host };
  } catch (error) {
    if (started) await asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function newestPostgresBin(): Promise<string | undefined> {
  const root = '/usr/lib/postgresql';
  const versions = await readdir(root).catch(() => [] as string[]);
  const sorted = versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const version of sorted) {
    const bin = join(root, version, 'bin');
    const files = await readdir(bin).catch(() => [] as string[]);
    if (files.includes('postgres') && files.includes('initdb') && files.includes('pg_ctl')) return bin;
  }
  return undefined;
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return [Number(uid.trim()), Number(gid.trim())];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}
