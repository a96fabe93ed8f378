/**
 * The publishing gate of one package, run from its directory (`npm run check-package`):
 * publint --strict, are-the-types-wrong on the packed tarball (ESM-only profile: Chorus ships no
 * CommonJS), the list `npm pack` would publish, which must hold only what ships, what the package
 * tells a stranger (check-publishing.ts), the README's code compiled as a user's (check-readme.ts)
 * its public surface against the committed `api-report.md` (check-api-report.ts) and, for element
 * packages, its manifest and editor data against the tarball (check-manifest.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { apiReportProblems } from './check-api-report.js';
import { manifestProblems } from './check-manifest.js';
import { type PackageJson, publishingProblems } from './check-publishing.js';
import { readmeProblems } from './check-readme.js';

/** What a Chorus package may publish: the build, its manifests, the README and the licence. */
const SHIPPED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^custom-elements\.json$/,
  /^vscode\.(html|css)-custom-data\.json$/,
  /^web-types\.json$/,
  /^openapi\.json$/,
  /^dist\/.+\.(js|d\.ts|js\.map)$/,
];

// Bounded: each is local work of seconds; one that waits (npx fetching a missing bin) fails the task.
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 180_000 });

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson & {
  customElements?: string;
  'web-types'?: string;
};

process.stdout.write(run('npx', ['publint', '--strict']));
process.stdout.write(
  run('npx', ['attw', '--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']),
);

const [pack] = JSON.parse(run('npm', ['pack', '--dry-run', '--json'])) as [
  { size: number; files: { path: string }[] },
];
const files = pack.files.map((file) => file.path);
const unexpected = files.filter((path) => !SHIPPED.some((pattern) => pattern.test(path)));
const missing = ['package.json', 'README.md', 'LICENSE'].filter((path) => !files.includes(path));
if (unexpected.length > 0 || missing.length > 0) {
  console.error(`${manifest.name}: npm pack would publish the wrong files.`);
  if (unexpected.length > 0) console.error(`  not meant to ship: ${unexpected.join(', ')}`);
  if (missing.length > 0) console.error(`  missing: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(
  `${manifest.name}: npm pack publishes ${files.length} files, all intended (${(pack.size / 1024).toFixed(1)} kB packed).`,
);

const publishing = publishingProblems(manifest, files);
if (publishing.length > 0) {
  console.error(`${manifest.name}: what the package tells its users is incomplete.`);
  for (const problem of publishing) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`${manifest.name}: metadata, install note and source maps are complete.`);

/**
 * Whose README snippets are fragments of one session (`chorus` declared in an earlier block): they
 * become compiled, run examples with the SDK's README rework (issue 13).
 */
const README_SNIPPETS_PENDING = new Set(['@chorus/sdk']);
if (!README_SNIPPETS_PENDING.has(manifest.name)) {
  const readme = readmeProblems(manifest.name);
  if (readme.problems.length > 0) {
    console.error(`${manifest.name}: the README's code does not compile.`);
    for (const problem of readme.problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.log(`${manifest.name}: the README's ${readme.snippets} code blocks compile.`);
}

const surface = apiReportProblems('.');
if (surface.length > 0) {
  console.error(`${manifest.name}: the public API changed without its report.`);
  for (const problem of surface) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`${manifest.name}: the public API matches api-report.md.`);

if (manifest.customElements) {
  const problems = manifestProblems(files, manifest['web-types']);
  if (problems.length > 0) {
    console.error(`${manifest.name}: the custom-elements manifest or editor data is wrong.`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.log(`${manifest.name}: manifest paths, tag definitions, events and editor data match the tarball.`);
}
