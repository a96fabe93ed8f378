import { type ChorusClient, createChorusClient } from '@chorus/sdk';
import { DemoSessions } from './demo-session.js';

const DEFAULT_API_URL = 'http://localhost:8787';

/**
 * The API the stories talk to, first found of:
 * 0. `globalThis.chorusApiUrl`, set by the visual regression suite's setup (`visual/setup.ts`): its
 *    API is seeded at a fixed instant, and a `define` per vitest project reaches every project;
 * 1. `?chorusApi=<url>` on the preview page (`iframe.html`): how the static build's smoke test points
 *    a build made once at the API instance it started itself;
 * 2. `VITE_CHORUS_API_URL`, read when Storybook is built or served (the story tests set it to the API
 *    their run starts);
 * 3. http://localhost:8787, the API `npm start` serves.
 * Only http(s) URLs are taken; the demo never holds a key, whatever API it is pointed at.
 */
export function resolveApiUrl(search = globalThis.location?.search ?? ''): string {
  const candidates = [
    (globalThis as { chorusApiUrl?: string }).chorusApiUrl,
    new URLSearchParams(search).get('chorusApi'),
    import.meta.env.VITE_CHORUS_API_URL,
  ];
  for (const candidate of candidates) {
    if (candidate && /^https?:\/\//.test(candidate)) return candidate.replace(/\/+$/, '');
  }
  return DEFAULT_API_URL;
}

export const apiUrl = resolveApiUrl();
export const demoSessions = new DemoSessions(apiUrl);

let loaderClient: ChorusClient | undefined;

/** A client for story loaders, which pick real records to show; the elements get theirs from the provider. */
export function demoClient(): ChorusClient {
  loaderClient ??= createChorusClient({ baseUrl: apiUrl, getToken: demoSessions.tokenGetter() });
  return loaderClient;
}
