import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Every port a workspace's Vitest config gives a browser suite: `browserProject(N)` or a `*_PORT = N`. */
function browserPorts(): Array<{ config: string; port: number }> {
  const found: Array<{ config: string; port: number }> = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group))) {
      const config = join(group, name, 'vitest.config.ts');
      let text: string;
      try {
        text = readFileSync(join(root, config), 'utf8');
      } catch {
        continue;
      }
      for (const match of text.matchAll(/browserProject\((\d+)\)|_PORT = (\d+)/g)) {
        found.push({ config, port: Number(match[1] ?? match[2]) });
      }
    }
  }
  return found;
}

describe('browser suites', () => {
  // `npm test` runs two tasks at once. Two suites on one port (strictPort) either fail to start or,
  // worse, one suite's Chromium opens the other's page and waits for tests that never come: the
  // visual suite once took the metric tiles' port.
  it('each listen on a port of their own', () => {
    const ports = browserPorts();
    expect(ports.length).toBeGreaterThanOrEqual(10);
    const byPort = new Map<number, string[]>();
    for (const { config, port } of ports) byPort.set(port, [...(byPort.get(port) ?? []), config]);
    const shared = [...byPort].filter(([, configs]) => configs.length > 1);
    expect(shared.map(([port, configs]) => `${port}: ${configs.join(', ')}`)).toEqual([]);
  });
});
