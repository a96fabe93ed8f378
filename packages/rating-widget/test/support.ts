import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
import axe from 'axe-core';
import { render, type TemplateResult } from 'lit';
import { expect } from 'vitest';
import '../src/define.js';

/** Renders into a fresh container on the page; returns the container. */
export function mount(template: TemplateResult): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(template, root);
  return root;
}

/** The element's visible text, whitespace collapsed. */
export const textOf = (element: Element) =>
  (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const inShadow = <E extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<E>(selector);

/** Waits until `predicate` holds. */
export async function until(predicate: () => boolean, message = 'condition', timeout = 15_000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The API counts a submission as a person's only after 1.5 s on the page. */
export const dwell = () => until(() => performance.now() > 1700, 'time on page');

/** Ratings stored in the workspace, read as the workspace's signed-in user would. */
export async function storedRatings(
  api: BrowserApiInfo,
): Promise<{ subject: string; score: number; comment: string | null; source: string; origin: string }[]> {
  const response = await fetch(`${api.url}/v1/ratings?limit=100`, {
    headers: { Authorization: `Bearer ${api.sessionToken}` },
  });
  if (!response.ok) throw new Error(`GET /v1/ratings: ${response.status}`);
  return ((await response.json()) as { data: never[] }).data;
}

export async function expectNoAxeViolations(element: Element) {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
