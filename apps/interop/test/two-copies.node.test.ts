import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromiumLaunchOptions } from '@chorus/api/testing/browser';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A page that ships Chorus twice, as happens when an app and a third-party script each bundle
 * their own copy (or two versions): each bundle carries its own Lit, core and contact card.
 */
const copy = (version: string) =>
  build({
    stdin: {
      contents: `import '@chorus/core/define'; import '@chorus/contact-card/define'; (window.chorusCopies ??= []).push('${version}');`,
      resolveDir: import.meta.dirname,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
  }).then((result) => result.outputFiles[0]!.text);

const PAGE = `<!doctype html><html lang="en"><head><title>Two copies</title></head><body>
<chorus-contact-card variant="compact"></chorus-contact-card>
<script type="module" src="/copy-1.js"></script>
<script type="module" src="/copy-2.js"></script>
</body></html>`;

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const scripts = { '/copy-1.js': await copy('1.0.0'), '/copy-2.js': await copy('2.0.0') };
  server = createServer((request, response) => {
    const script = scripts[request.url as keyof typeof scripts];
    if (script) response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('two copies of a Chorus package on one page', () => {
  it('defines each tag once, warns clearly and keeps the page working', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    const warnings: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await tab.goto(origin);
    await tab.waitForFunction(() => (window as { chorusCopies?: string[] }).chorusCopies?.length === 2);

    expect(errors).toEqual([]);
    expect(warnings).toContain(
      '<chorus-contact-card> is already defined by another copy of Chorus on this page; keeping the first one.',
    );
    expect(warnings).toContain(
      '<chorus-provider> is already defined by another copy of Chorus on this page; keeping the first one.',
    );

    // The card (first copy's definition) still renders what it is given.
    const shown = await tab.evaluate(async () => {
      const card = document.querySelector('chorus-contact-card') as HTMLElement & {
        contact: unknown;
        updateComplete: Promise<unknown>;
      };
      card.contact = {
        id: 'con_twocopies0001',
        firstName: 'Ada',
        lastName: 'Lovelace',
        lifecycleStage: 'customer',
        email: null,
        phone: null,
        title: null,
        leadScore: 0,
        companyId: null,
        ownerId: null,
        tags: [],
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        version: 1,
      };
      await card.updateComplete;
      return card.shadowRoot?.querySelector('[part=name]')?.textContent?.trim();
    });
    expect(shown).toBe('Ada Lovelace');
    await tab.close();
  });
});
