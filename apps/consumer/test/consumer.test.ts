import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '@chorus/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeSnippets, type Snippet } from './readme-snippets.js';
import { createScratchProject, workspaceVersion, type ScratchProject } from './scratch-project.js';

const SDK_README = new URL('../../../packages/sdk/README.md', import.meta.url);
const FIXTURE = new URL('../fixture', import.meta.url).pathname;
/** Server code the SDK never runs: none of it may be installed with the SDK or the elements. */
const SERVER_PACKAGES = /^(zod|hono|yaml|@hono\/.*|@asteasolutions\/.*|openapi3-ts|openapi-typescript)$/;

const ELEMENT_TAGS = [
  'chorus-provider',
  'chorus-contact-card',
  'chorus-pipeline-board',
  'chorus-deal-card',
  'chorus-metric-tile',
  'chorus-metrics-grid',
  'chorus-rating',
  'chorus-rating-summary',
  'chorus-lifecycle-funnel',
  'chorus-campaign-table',
];

let project: ScratchProject;
let snippets: Snippet[];
let api: TestApi;

beforeAll(async () => {
  [project, snippets, api] = await Promise.all([
    createScratchProject(FIXTURE, { queryCoreVersion: process.env.CHORUS_QUERY_CORE_VERSION }),
    readmeSnippets(SDK_README),
    startTestApi({ seed: false }),
  ]);
  await mkdir(join(project.dir, 'snippets'));
  await Promise.all(
    snippets.map((snippet, index) =>
      writeFile(join(project.dir, 'snippets', `readme-${index}.ts`), snippet.source),
    ),
  );
  // The README's backend routes (Express, Hono) import their frameworks: a backend has them, the
  // app around the elements does not, so they go in the snippets' own folder, where TypeScript finds
  // them first, and stay out of the install checked for server code below.
  const backend = ['express', '@types/express', 'hono', '@hono/node-server'];
  await writeFile(
    join(project.dir, 'snippets', 'package.json'),
    JSON.stringify({
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(backend.map((name) => [name, workspaceVersion(name)])),
    }),
  );
  await project.exec('npm', [
    'install',
    '--prefix',
    'snippets',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
  ]);
});
afterAll(async () => {
  await api?.close();
  if (project) await rm(project.dir, { recursive: true, force: true });
});

describe('the published packages, installed from their tarballs outside the workspace', () => {
  it('install no server code (SDK and every element) and one copy of query-core', async () => {
    const installed = await project.installed();
    expect(installed).toContain('@chorus/sdk');
    expect(installed.filter((name) => SERVER_PACKAGES.test(name))).toEqual([]);
    expect(installed.filter((name) => name === '@tanstack/query-core')).toHaveLength(1);
  });

  it('type-check a strict consumer of every public export with skipLibCheck off (moduleResolution bundler)', async () => {
    await expect(project.tsc('tsconfig.bundler.json')).resolves.toBe('');
  });

  it("type-check the consumer and every snippet of the SDK's README under moduleResolution node16", async () => {
    expect(snippets.length).toBeGreaterThanOrEqual(7);
    await expect(project.tsc('tsconfig.node16.json')).resolves.toBe('');
  });

  it('build a Vite app that registers every element (no define dropped by sideEffects)', async () => {
    await project.viteBuild('app');
    const assets = join(project.dir, 'app', 'dist', 'assets');
    const bundle = (
      await Promise.all((await readdir(assets)).map((file) => readFile(join(assets, file), 'utf8')))
    ).join('\n');
    // A tag name is in the bundle only with its define module: the one a wrong `sideEffects` drops.
    const missing = ELEMENT_TAGS.filter((tag) => !new RegExp(`[\`"']${tag}[\`"']`).test(bundle));
    expect(missing).toEqual([]);
  });

  it("run the SDK README's Node quick start against a real API", async () => {
    const index = snippets.findIndex((snippet) => snippet.section === 'Quick start: Node (secret key)');
    expect(index).toBeGreaterThanOrEqual(0);
    // The compiled snippet, with the README's example URL pointed at the test API.
    const compiled = join(project.dir, 'out', 'snippets', `readme-${index}.js`);
    await writeFile(compiled, (await readFile(compiled, 'utf8')).replace('https://crm.example.com', api.url));
    const workspace = await api.createWorkspace();

    const output = await project.exec(process.execPath, [compiled], {
      CHORUS_SECRET_KEY: workspace.secretKey,
    });

    expect(output).toMatch(/^con_\w+ \d+\n$/);
  });
});
