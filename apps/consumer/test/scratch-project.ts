import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The packages a stranger installs from npm, packed as `npm publish` would pack them. */
export const PUBLISHED = [
  '@chorus/contract',
  '@chorus/sdk',
  '@chorus/core',
  '@chorus/contact-card',
  '@chorus/pipeline-board',
  '@chorus/metrics-tiles',
  '@chorus/rating-widget',
  '@chorus/lifecycle-funnel',
] as const;

/** The workspace's own versions: they are in npm's cache, so the install needs no network. */
export function workspaceVersion(name: string): string {
  // Read from the file: not every package exports its package.json (hono does not).
  const manifest = readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

export interface ScratchProject {
  dir: string;
  /** Runs a command in the project; rejects with its output when it fails. */
  exec(command: string, args: string[], env?: Record<string, string>): Promise<string>;
  /** Runs the workspace's TypeScript compiler on one of the project's tsconfig files. */
  tsc(project: string): Promise<string>;
  /** Builds the app in `directory` with the workspace's Vite, resolving packages from the project. */
  viteBuild(directory: string): Promise<string>;
  /** Every package name installed in `node_modules`, nested copies included. */
  installed(): Promise<string[]>;
}

/**
 * Packs the published packages and installs the tarballs into a new project under the OS temp dir,
 * outside the workspace, so nothing resolves through the workspace's links or hoisted packages.
 * `queryCoreVersion` picks the app's own `@tanstack/query-core` (default: the workspace's).
 */
export async function createScratchProject(
  files: string,
  { queryCoreVersion = workspaceVersion('@tanstack/query-core') } = {},
): Promise<ScratchProject> {
  const dir = await mkdtemp(join(tmpdir(), 'chorus-consumer-'));
  const packs = join(dir, 'packs');
  await mkdir(packs);
  const exec = async (command: string, args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout } = await run(command, args, {
        cwd: dir,
        env: { ...process.env, ...env },
        maxBuffer: 32 * 1024 * 1024,
        // Within the suite's hook timeout, so a stalled install ends with the suite, not after it.
        timeout: 240_000,
      });
      return stdout;
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}\n${stderr}`);
    }
  };

  const { stdout: packOutput } = await run(
    'npm',
    ['pack', '--json', '--pack-destination', packs, ...PUBLISHED.flatMap((name) => ['-w', name])],
    { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024, timeout: 240_000 },
  );
  const packed = JSON.parse(packOutput) as Array<{ name: string; filename: string }>;

  await cp(files, dir, { recursive: true });
  const dependencies = Object.fromEntries(
    packed.map(({ name, filename }) => [name, `file:packs/${filename}`]),
  );
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'chorus-consumer',
      private: true,
      type: 'module',
      dependencies: {
        ...dependencies,
        '@tanstack/query-core': queryCoreVersion,
        '@types/node': workspaceVersion('@types/node'),
      },
    }),
  );
  await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);

  const tscBin = require.resolve('typescript/bin/tsc');
  return {
    dir,
    exec,
    tsc: (project) => exec(process.execPath, [tscBin, '-p', project]),
    viteBuild: (directory) =>
      exec(process.execPath, [
        join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'),
        'build',
        directory,
        '--logLevel',
        'warn',
      ]),
    installed: async () => {
      const names: string[] = [];
      const walk = async (modules: string): Promise<void> => {
        const entries = await readdir(modules, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
          if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
          const scoped = entry.name.startsWith('@');
          const children = scoped
            ? (await readdir(join(modules, entry.name))).map((child) => `${entry.name}/${child}`)
            : [entry.name];
          for (const name of children) {
            names.push(name);
            await walk(join(modules, name, 'node_modules'));
          }
        }
      };
      await walk(join(dir, 'node_modules'));
      return names;
    },
  };
}
