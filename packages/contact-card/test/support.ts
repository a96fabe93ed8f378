import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
import type { Contact } from '@chorus/sdk';
import { html, render, type TemplateResult } from 'lit';
import type { ChorusContactCard } from '../src/index.js';
import '@chorus/core/define';
import '../src/define.js';

/** Renders into a fresh container on the page; returns the container. */
export function mount(template: TemplateResult): HTMLElement {
  const root = document.createElement('div');
  root.style.width = '420px';
  document.body.append(root);
  render(template, root);
  return root;
}

export const withProvider = (
  api: BrowserApiInfo,
  children: TemplateResult,
  options: { theme?: string; locale?: string; live?: 'on' | 'off' } = {},
) =>
  html`<chorus-provider
    base-url=${api.url}
    live=${options.live ?? 'on'}
    theme=${options.theme ?? 'auto'}
    locale=${options.locale ?? 'en-US'}
    .getToken=${async () => api.sessionToken}
    >${children}</chorus-provider
  >`;

/** Calls the API as the test's signed-in user would (session token), for arranging and checking data. */
export async function call<T>(
  api: BrowserApiInfo,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${api.sessionToken}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const createContact = (api: BrowserApiInfo, body: Record<string, unknown>) =>
  call<Contact>(api, 'POST', '/v1/contacts', body);

/** The card's visible text, whitespace collapsed. */
export const textOf = (card: ChorusContactCard) =>
  (card.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const shadow = (card: ChorusContactCard) => card.shadowRoot!;

/** Waits until the card shows what `predicate` looks for. */
export async function until(predicate: () => boolean, message = 'condition', timeout = 10_000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
