import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
