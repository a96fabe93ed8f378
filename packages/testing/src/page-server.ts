import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { measureBundle } from './bundle.js';

export interface BenchPage {
  origin: string;
  close(): void;
}

/**
 * Bundles a bench's page module and serves it on a loopback port: `/` is an empty document that
 * loads it, `/page.js` the bundle. The origin is what the test API must allow.
 */
export async function serveBenchPage(entry: string): Promise<BenchPage> {
  const { code } = await measureBundle({ entry });
  const server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(code);
    } else {
      response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(
          '<!doctype html><html lang="en"><body><script type="module" src="/page.js"></script></body></html>',
        );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}
