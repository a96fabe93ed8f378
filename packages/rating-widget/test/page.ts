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
  /** The `follow-up` attribute: '' asks the default question, text asks that. */
  followUp?: string;
  /** This many `<chorus-rating>`s, of subjects `<subject>-0`, `<subject>-1` … (default one, of `subject`). */
  count?: number;
  /**
   * How the page loads the bundle: `async` (the README's snippet, the default), `module` (the
   * snippet before issue 15, which holds the page's DOMContentLoaded until the bundle has run), or
   * `none` (the same page without the widgets: no tag, no elements), for a bench's baseline.
   */
  tag?: 'async' | 'module' | 'none';
  /** Instead of the widgets, one bare Lit element (a bench's peer); the site must serve it. */
  bareLit?: boolean;
  /** The server holds the bundle back this long: the page is parsed before the script runs. */
  bundleDelayMs?: number;
  /** The server sends the `<body>` this long after the `<head>`: the script runs before the elements exist. */
  bodyDelayMs?: number;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The page's `<head>`: the README's script line (or none, or the bare-Lit peer's). */
function pageHead(options: PageOptions): string {
  const delay = options.bundleDelayMs ? `?delay=${options.bundleDelayMs}` : '';
  const tag = options.tag ?? 'async';
  const script = options.bareLit
    ? '<script type="module" async src="/bare-lit.js"></script>'
    : tag === 'none'
      ? ''
      : `<script type="module"${tag === 'async' ? ' async' : ''} src="/chorus-rating.js${delay}"></script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Monitor X1 - Example Shop</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/hostile.css">
${script}
</head>
`;
}

/** The page's `<body>`: the shop's own markup around the README's elements. */
function pageBody(options: PageOptions): string {
  const shared = `base-url="${escapeAttribute(options.api)}" publishable-key="${escapeAttribute(options.publishableKey)}" subject="${escapeAttribute(options.subject)}" scale="${options.scale ?? 'stars5'}"`;
  const widgets = options.bareLit
    ? '<x-a></x-a>'
    : options.tag === 'none'
      ? ''
      : `<chorus-rating-summary ${shared}${options.itemName ? ` item-name="${escapeAttribute(options.itemName)}"` : ''}${options.structuredData ? ' structured-data' : ''}></chorus-rating-summary>
${(options.count
  ? Array.from({ length: options.count }, (_, i) => shared.replace(/subject="([^"]*)"/, `subject="$1-${i}"`))
  : [shared]
)
  .map(
    (attributes) =>
      `<chorus-rating ${attributes} comment="${options.comment ?? 'off'}"${options.contact ? ` contact="${escapeAttribute(options.contact)}"` : ''}${options.followUp === undefined ? '' : ` follow-up="${escapeAttribute(options.followUp)}"`}></chorus-rating>`,
  )
  .join('\n')}`;
  return `<body>
<main>
<h1>Monitor X1</h1>
<p id="page-text">The shop's own text.</p>
${widgets}
</main>
</body>
</html>`;
}

/** The two lines of the README, with the page's own markup around them. */
export function pageHtml(options: PageOptions): string {
  return pageHead(options) + pageBody(options);
}

export interface StaticSite {
  origin: string;
  /** The same server under another name (localhost instead of 127.0.0.1): an origin the API does not allow. */
  otherOrigin: string;
  url(options: PageOptions): string;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Serves the page (options in the query string), the hostile CSS and the bundle, all with the CSP;
 * `/bare-lit.js` when given its code (a bench's peer), and an empty `/blank` of the same origin.
 */
export async function startStaticSite(
  apiUrl: () => string,
  { bareLit }: { bareLit?: string } = {},
): Promise<StaticSite> {
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
      const delay = Number(url.searchParams.get('delay') ?? 0);
      void wait(delay).then(() =>
        response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(bundle),
      );
    } else if (url.pathname === '/bare-lit.js' && bareLit) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(bareLit);
    } else if (url.pathname === '/blank') {
      response
        .writeHead(200, { ...headers, 'Content-Type': 'text/html' })
        .end('<!doctype html><title>blank</title>');
    } else if (url.pathname === '/hostile.css') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/css' }).end(HOSTILE_CSS);
    } else if (url.pathname === '/') {
      const options = JSON.parse(url.searchParams.get('page') ?? '{}') as PageOptions;
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html' });
      // The head goes first, as a slow server's would; the body follows after `bodyDelayMs`.
      response.write(pageHead(options));
      void wait(options.bodyDelayMs ?? 0).then(() => response.end(pageBody(options)));
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
