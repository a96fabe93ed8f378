/**
 * The static Storybook build as the node tests open it: `dist/` served on loopback, a seeded API
 * that allows that origin, and Debian's Chromium. One setup for every test of the build.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestApi, type TestApi } from '@chorus/api/testing';
import { chromiumLaunchOptions } from '@chorus/api/testing/browser';
import { type Browser, chromium } from 'playwright';
import { type StaticServer, serveStatic } from './static-server.js';

export const distDir = fileURLToPath(new URL('../dist', import.meta.url));

export interface StaticStorybook {
  site: StaticServer;
  api: TestApi;
  browser: Browser;
  /** The preview frame of story `id`, reading the test API; `globals` as the toolbar writes them. */
  storyUrl(id: string, globals?: string): string;
  close(): Promise<void>;
}

/** Fails at once, saying what to run, when there is no build to open. */
export function requireBuild(): void {
  if (!existsSync(`${distDir}/iframe.html`)) {
    throw new Error(
      `No static build at ${distDir}: run \`npm run build\` in apps/storybook first (turbo does).`,
    );
  }
}

/** Serves the build (`headers` per file, given the API's URL), starts the API and Chromium. */
export async function openStaticStorybook(
  headers?: (path: string, apiUrl: string) => Record<string, string>,
): Promise<StaticStorybook> {
  requireBuild();
  let api: TestApi | undefined;
  const site = await serveStatic(distDir, headers ? (path) => headers(path, api?.url ?? '') : undefined);
  api = await startTestApi({ extraOrigins: [site.origin] });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const started = api;
  return {
    site,
    api: started,
    browser,
    storyUrl(id, globals = '') {
      const params = new URLSearchParams({ id, viewMode: 'story', chorusApi: started.url });
      if (globals) params.set('globals', globals);
      return `${site.origin}/iframe.html?${params}`;
    },
    async close() {
      await browser.close();
      await started.close();
      await site.close();
    },
  };
}
