/**
 * The composed pages of the static Storybook under issue 23's policy (`STRICT_CSP` from the bench),
 * served as a header on the preview frame: no inline style attribute, no script that is not a file
 * of the build, nothing outside the API. Any violation of the enforced policy fails.
 *
 * Storybook's own preview shell is not written for that policy, and what it needs is granted here
 * by name and nothing more: the hashes of its three inline boot scripts, `<style>` elements it
 * injects (`style-src-elem`; `style-src-attr` stays strict), its fonts, and Trusted Types as
 * report-only, since the preview writes `innerHTML` itself. Those reports must come from the
 * preview's own sinks listed below; every element is also tested with Trusted Types enforced, on
 * a page of its own (`packages/<element>/test/strict-csp.node.test.ts`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { STRICT_CSP } from '@chorus/testing/strict-csp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, openStaticStorybook, requireBuild, type StaticStorybook } from './static-storybook.js';

requireBuild();
const PAGES = [
  'pages-sales-workspace--sales-workspace',
  'pages-customer-360--customer-360',
  'pages-service--service',
  'pages-public-product-page--product-page',
];

/** Where Storybook's preview writes HTML itself (samples of the Trusted Types reports), and the product page's frame. */
const STORYBOOK_SINKS = [
  // The preview's story root.
  'Element innerHTML|<div id="root-inner"></div>',
  // The highlight addon emptying its overlay.
  'Element innerHTML|',
  // The a11y addon's colour-vision filters.
  'Element insertAdjacentHTML|<svg id="storybook-a11y-vision-filters"',
  // The public product page story puts a whole shop page in a frame; the widget in it is tested
  // under enforced Trusted Types in packages/rating-widget/test/script-tag.node.test.ts.
  'HTMLIFrameElement srcdoc|<!doctype html>',
];

/** The one element of Storybook's shell with a `style` attribute: the a11y addon's filters (an SVG of size 0). */
const STORYBOOK_STYLED = 'svg#storybook-a11y-vision-filters';

const iframeHtml = readFileSync(`${distDir}/iframe.html`, 'utf8');
const scriptHashes = [...iframeHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
);

let storybook: StaticStorybook;

/** The strict policy, with Storybook's shell needs added by name (see above); Trusted Types go report-only. */
function policies(apiUrl: string) {
  const [enforced, trustedTypes] = STRICT_CSP.split(/; (?=require-trusted-types-for)/);
  return {
    'Content-Security-Policy': `${enforced!.replace("script-src 'self'", `script-src 'self' ${scriptHashes.join(' ')}`)}; style-src-elem 'self' 'unsafe-inline'; font-src 'self'; connect-src 'self' ${apiUrl}`,
    'Content-Security-Policy-Report-Only': trustedTypes!,
  };
}

beforeAll(async () => {
  storybook = await openStaticStorybook((path, apiUrl) => (path.endsWith('.html') ? policies(apiUrl) : {}));
});

afterAll(async () => {
  await storybook?.close();
});

describe('the composed pages of the static Storybook under the strict policy', () => {
  it('has the boot scripts it allows by hash', () => {
    expect(scriptHashes.length).toBeGreaterThan(0);
  });

  it.each(PAGES)('renders %s with no violation', async (id) => {
    const page = await storybook.browser.newPage();
    const reports: { disposition: string; text: string; target: string; source: string }[] = [];
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.exposeFunction(
      'reportViolation',
      (disposition: string, text: string, target: string, source: string) =>
        reports.push({ disposition, text, target, source }),
    );
    await page.addInitScript(() => {
      const listen = (target: Document) =>
        target.addEventListener('securitypolicyviolation', (event) =>
          (
            window as unknown as { reportViolation(d: string, t: string, e: string, s: string): void }
          ).reportViolation(
            event.disposition,
            `${event.violatedDirective} ${event.sample}`,
            event.target instanceof Element
              ? `${event.target.localName}#${event.target.id}`
              : String(event.target),
            `${event.sourceFile?.replace(location.origin, '')}:${event.lineNumber}:${event.columnNumber}`,
          ),
        );
      listen(document);
    });
    try {
      await page.goto(storybook.storyUrl(id));
      await page.waitForFunction(
        () =>
          ['finished', 'errored', 'aborted'].includes(
            (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
              .__STORYBOOK_PREVIEW__?.currentRender?.phase ?? '',
          ),
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForLoadState('networkidle');
      const phase = await page.evaluate(
        () =>
          (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__
            ?.currentRender?.phase,
      );
      expect(phase).toBe('finished');
      expect(
        reports.filter(
          (r) =>
            r.disposition === 'enforce' && !(r.text === 'style-src-attr ' && r.target === STORYBOOK_STYLED),
        ),
      ).toEqual([]);
      const trustedTypes = reports.filter((r) => r.disposition === 'report').map((r) => r.text);
      expect(
        trustedTypes.filter(
          (text) =>
            !STORYBOOK_SINKS.some((sink) =>
              sink.endsWith('|')
                ? text === `require-trusted-types-for ${sink}`
                : text.startsWith(`require-trusted-types-for ${sink}`),
            ),
        ),
      ).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
