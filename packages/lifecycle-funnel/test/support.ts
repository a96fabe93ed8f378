import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
import axe from 'axe-core';
import { html, render, type TemplateResult } from 'lit';
import { afterEach, expect } from 'vitest';
import '@chorus/core/define';
import '../src/define.js';

const mounted: HTMLElement[] = [];
// Each provider holds a change-feed stream open; a browser gives one origin six connections, so a
// test's elements leave the page when it ends, or the seventh provider's requests would wait forever.
afterEach(() => {
  for (const root of mounted.splice(0)) root.remove();
});

/** Renders into a fresh container on the page, removed after the test; returns the container. */
export function mount(template: TemplateResult, width = 720): HTMLElement {
  const root = document.createElement('div');
  mounted.push(root);
  root.style.width = `${width}px`;
  root.style.padding = '16px';
  document.body.append(root);
  render(template, root);
  return root;
}

export const withProvider = (api: BrowserApiInfo, children: TemplateResult, locale = 'en-US') =>
  html`<chorus-provider base-url=${api.url} locale=${locale} .getToken=${async () => api.sessionToken}
    >${children}</chorus-provider
  >`;

/** GET from the API as the test's signed-in user. */
export async function read<T>(api: BrowserApiInfo, path: string): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    headers: { Authorization: `Bearer ${api.sessionToken}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** POST to the API as the test's signed-in user, to arrange known rows. */
export async function post<T = { id: string }>(api: BrowserApiInfo, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${api.sessionToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const textOf = (element: Element | ShadowRoot | null | undefined) =>
  (element?.textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/[ \t\n\r]+/g, ' ')
    .trim();

/** Waits until `predicate` holds. */
export async function until(predicate: () => boolean, message = 'condition', timeout = 15_000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function expectNoAxeViolations(element: Element) {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** A fixed window over the demo's last 90 days (whole days, so every test asks for the same one). */
export function demoWindow() {
  const DAY = 86_400_000;
  const to = new Date(Math.floor(Date.now() / DAY) * DAY);
  return { from: new Date(to.getTime() - 90 * DAY).toISOString(), to: to.toISOString() };
}
