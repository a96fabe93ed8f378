/**
 * A page as a security-minded site serves it: the policy of issue 23, Trusted Types enforced, with
 * only the API added to `connect-src`. The page module is bundled the way an app ships it and served
 * from loopback with the policy as a header (Vitest's browser mode serves its own pages, which carry
 * none); Playwright drives it from a Node test and every `securitypolicyviolation` is reported.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright';
import { measureBundle } from './bundle.js';

/** The policy every element is tested under (each package's README states it). */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

export interface StrictCspSite {
  origin: string;
  close(): Promise<void>;
}

/**
 * Bundles `entry` and serves it as `/page.js` under `/`, both with the strict policy plus
 * `connect-src` for the API (a thunk: the API starts after the site, since it must allow its origin).
 */
export async function serveStrictCspPage(entry: string, api: () => string): Promise<StrictCspSite> {
  const { code } = await measureBundle({ entry });
  const server = createServer((request, response) => {
    const headers = {
      'Content-Security-Policy': `${STRICT_CSP}; connect-src ${api()}`,
      'Cache-Control': 'no-store',
    };
    if (request.url === '/page.js') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(code);
    } else if (request.url === '/') {
      response
        .writeHead(200, { ...headers, 'Content-Type': 'text/html' })
        .end(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict CSP</title><script type="module" src="/page.js"></script></head><body></body></html>',
        );
    } else {
      response.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface PageReports {
  /** `directive blocked-uri` of every `securitypolicyviolation` event. */
  violations: string[];
  /** Uncaught errors. */
  errors: string[];
}

/** A new page that records CSP violations and uncaught errors from its first script on. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; reports: PageReports }> {
  const page = await browser.newPage();
  const reports: PageReports = { violations: [], errors: [] };
  page.on('pageerror', (error) => reports.errors.push(error.message));
  await page.exposeFunction('reportViolation', (text: string) => reports.violations.push(text));
  // Added by the browser, outside the page's policy: it only listens. (Text, as this package has no DOM types.)
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) =>
      window.reportViolation(\`\${event.violatedDirective} \${event.blockedURI} \${event.sample}\`));`,
  });
  return { page, reports };
}

/** A read/write session token, what an app's backend hands its signed-in user's page (never the secret key). */
export async function sessionToken(api: string, secretKey: string): Promise<string> {
  const response = await fetch(`${api}/v1/sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ scopes: ['read', 'write'] }),
  });
  if (!response.ok) throw new Error(`could not mint a session: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Free text as an attacker would type it: markup, script URLs, CSS and bidi tricks, and sheer length. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '<style>*{display:none}</style>',
  '<a href="javascript:alert(1)" style="position:fixed;inset:0">x</a>',
  '{{constructor.constructor("window.__pwned=4")()}}',
  'invoice\u202Efdp.exe',
  'x'.repeat(2000),
] as const;
