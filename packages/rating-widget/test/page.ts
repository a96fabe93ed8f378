/**
 * A website as a customer of Chorus would have it: a static page on its own origin with a strict
 * Content-Security-Policy and hostile global CSS, loading nothing but the script-tag bundle.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The built bundle; `CHORUS_RATING_BUNDLE` names another (a bench comparing with an earlier build). */
const BUNDLE = process.env.CHORUS_RATING_BUNDLE
  ? new URL(`file://${process.env.CHORUS_RATING_BUNDLE}`)
  : new URL('../dist/chorus-rating.js', import.meta.url);

/** Global CSS a careless theme might ship: it must neither break the widget nor be changed by it. */
export const HOSTILE_CSS = `
* { all: unset; }
:root { font-size: 6px; }
button, input, textarea, label { display: none !important; }
span, p, div { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
[part], .star, .problem { visibility: hidden !important; }
`;

export interface PageOptions {
  api: string;
  publishableKey: string;
  subject: string;
  scale?: string;
  comment?: string;
  contact?: string;
  itemName?: string;
  structuredData?: boolean;
  /** This many `<chorus-rating>`s, of subjects `<subject>-0`, `<subject>-1` … (default one, of `subject`). */
  count?: number;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The two lines of the README, with the page's own markup around them. */
export function pageHtml(options: PageOptions): string {
  const shared = `api="${escapeAttribute(options.api)}" publishable-key="${escapeAttribute(options.publishableKey)}" subject="${escapeAttribute(options.subject)}" scale="${options.scale ?? 'stars5'}"`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Monitor X1 - Example Shop</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/hostile.css">
<script type="module" src="/chorus-rating.js"></script>
</head>
<body>
<main>
<h1>Monitor X1</h1>
<p id="page-text">The shop's own text.</p>
<chorus-rating-summary ${shared}${options.itemName ? ` item-name="${escapeAttribute(options.itemName)}"` : ''}${options.structuredData ? ' structured-data' : ''}></chorus-rating-summary>
${(options.count
  ? Array.from({ length: options.count }, (_, i) => shared.replace(/subject="([^"]*)"/, `subject="$1-${i}"`))
  : [shared]
)
  .map(
    (attributes) =>
      `<chorus-rating ${attributes} comment="${options.comment ?? 'off'}"${options.contact ? ` contact="${escapeAttribute(options.contact)}"` : ''}></chorus-rating>`,
  )
  .join('\n')}
</main>
</body>
</html>`;
}

export interface StaticSite {
  origin: string;
  /** The same server under another name (localhost instead of 127.0.0.1): an origin the API does not allow. */
  otherOrigin: string;
  url(options: PageOptions): string;
  close(): Promise<void>;
}

/** Serves the page (options in the query string), the hostile CSS and the bundle, all with the CSP. */
export async function startStaticSite(apiUrl: () => string): Promise<StaticSite> {
  let bundle: string;
  try {
    bundle = readFileSync(BUNDLE, 'utf8');
  } catch {
    throw new Error(`${BUNDLE.pathname} is missing: run \`npm run build -w @chorus/rating-widget\` first.`);
  }
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://page');
    const headers = {
      'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${apiUrl()}; img-src 'self' data:`,
      'Cache-Control': 'no-store',
    };
    if (url.pathname === '/chorus-rating.js') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(bundle);
    } else if (url.pathname === '/hostile.css') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/css' }).end(HOSTILE_CSS);
    } else if (url.pathname === '/') {
      const options = JSON.parse(url.searchParams.get('page') ?? '{}') as PageOptions;
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(pageHtml(options));
    } else {
      response.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    otherOrigin: `http://localhost:${port}`,
    url: (options) => `${origin}/?page=${encodeURIComponent(JSON.stringify(options))}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
