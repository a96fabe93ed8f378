import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BenchTimeoutError, until, within } from '../src/bounded.js';
import { measureBundle } from '../src/bundle.js';

/** A throwaway package whose `sideEffects` names only its dist define, as the elements once did. */
function packageWithDefine(sideEffects: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-testing-guard-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'guard', type: 'module', sideEffects }));
  writeFileSync(
    join(dir, 'src/define.ts'),
    `customElements.define('x-guard', class extends HTMLElement {});`,
  );
  writeFileSync(join(dir, 'page.ts'), `import './src/define.js';`);
  return dir;
}

describe('bench guards', () => {
  it('refuses to bundle a page whose define import the bundler would drop', async () => {
    const dir = packageWithDefine(['./dist/define.js']);
    await expect(measureBundle({ entry: join(dir, 'page.ts') })).rejects.toThrow(
      /dropped 1 side-effect import.*\n.*src\/define\.ts/,
    );
  });

  it('keeps the define import when sideEffects lists the source file too', async () => {
    const dir = packageWithDefine(['./dist/define.js', './src/define.ts']);
    const { code } = await measureBundle({ entry: join(dir, 'page.ts') });
    expect(code).toContain('x-guard');
  });

  it('ends a wait that never comes true with what it waited for', async () => {
    await expect(until('cards to render', () => false, 50)).rejects.toThrow(
      new BenchTimeoutError('cards to render', 50),
    );
    await expect(within('the page to answer', 50, new Promise(() => {}))).rejects.toThrow(
      /gave up after 0\.1 s waiting for the page to answer/,
    );
  });

  it('returns what was waited for when it comes in time', async () => {
    let ready = false;
    setTimeout(() => {
      ready = true;
    }, 20);
    await until('a flag', () => ready, 5_000);
    await expect(within('a value', 5_000, Promise.resolve(42))).resolves.toBe(42);
  });

  it('ends a smoke run that outlives its limit, naming what it still holds open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-testing-smoke-'));
    const script = join(dir, 'hangs.ts');
    // A bench that finished its work but left a server listening: without the watch it never exits.
    writeFileSync(
      script,
      `import ${JSON.stringify(fileURLToPath(new URL('../src/smoke.ts', import.meta.url)))};\n` +
        `import { createServer } from 'node:net';\ncreateServer().listen(0);\n`,
    );
    const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const run = promisify(execFile)(process.execPath, [tsx, script], {
      env: { ...process.env, BENCH_SMOKE: '1', BENCH_SMOKE_LIMIT_S: '1' },
      timeout: 30_000,
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/still running after 1 s; giving up\. Still open: .*TCPServerWrap/),
    });
  }, 40_000);
});
