/**
 * What every element's browser tests do the same way: put a template on the page, wrap it in a
 * signed-in provider, call the API as the test's user, wait for what the element shows, and ask axe.
 * It runs in Chromium (Vitest browser mode) and imports no element: a test imports the define
 * modules it needs (`@chorus/core/define` for the provider) itself.
 */
import axe from 'axe-core';
import { html, render } from 'lit';
import { expect } from 'vitest';

/**
 * The API as a browser test holds it: its origin and a session token of the test's workspace.
 * `BrowserApiInfo` from `@chorus/api/testing/browser-client` is one; this package names only what
 * it reads, so it depends on no other workspace package.
 */
export interface SignedInApi {
  url: string;
  sessionToken: string;
}

export interface MountOptions {
  /** The container's width in px (the element's layout depends on it). */
  width?: number;
  /** Padding around the element in px, so focus rings and shadows stay in the screenshot. */
  padding?: number;
  /**
   * Takes earlier containers off the page first, so the element starts at the top of the viewport
   * (what a test that scrolls or measures positions expects).
   */
  alone?: boolean;
}

/** Renders a template into a fresh container at the end of the page; returns the container. */
export function mount(template: unknown, { width, padding, alone = false }: MountOptions = {}): HTMLElement {
  if (alone) for (const old of document.querySelectorAll('[data-test-root]')) old.remove();
  const root = document.createElement('div');
  root.dataset['testRoot'] = '';
  if (width !== undefined) root.style.width = `${width}px`;
  if (padding !== undefined) root.style.padding = `${padding}px`;
  document.body.append(root);
  render(template, root);
  return root;
}

export interface ProviderOptions {
  theme?: string;
  locale?: string;
  live?: 'on' | 'off';
}

/** `children` under a `<chorus-provider>` signed in as the test's user (en-US unless told). */
export const withProvider = (api: SignedInApi, children: unknown, options: ProviderOptions = {}) =>
  html`<chorus-provider
    base-url=${api.url}
    live=${options.live ?? 'on'}
    theme=${options.theme ?? 'auto'}
    locale=${options.locale ?? 'en-US'}
    .getToken=${async () => api.sessionToken}
    >${children}</chorus-provider
  >`;

/**
 * Calls the API as the test's signed-in user, outside the element: to arrange rows and to check what
 * the server kept. Throws with the problem's text on any status but 2xx.
 */
// biome-ignore lint/suspicious/noExplicitAny: arranging code reads a few fields of rows it just made.
export async function call<T = any>(
  api: SignedInApi,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${api.sessionToken}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Waits until `predicate` holds, or fails saying what it waited for. */
export async function until(
  predicate: () => boolean | Promise<boolean>,
  message = 'condition',
  timeout = 15_000,
): Promise<void> {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A node's text with layout whitespace collapsed ('' for none). The no-break spaces `Intl` puts in
 * money and dates are kept, so the text compares equal to a formatter's output.
 */
export const textOf = (node: Node | null | undefined) =>
  (node?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();

/** What an element renders in its shadow root, every kind of space collapsed to one: for reading words. */
export const shadowTextOf = (element: Element) =>
  (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Fails with each rule axe finds broken and where, so the message says what to fix. */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
