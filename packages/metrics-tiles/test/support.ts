import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
import type { MetricsResponse } from '@chorus/sdk';
import { call, mount as mountTemplate, textOf } from '@chorus/testing/browser';
import type { TemplateResult } from 'lit';
import type { ChorusMetricTile } from '../src/index.js';
import '@chorus/core/define';
import '../src/define.js';

/** Renders into a fresh container as wide as a tile in a dashboard's column. */
export const mount = (template: TemplateResult, width = 320) =>
  mountTemplate(template, { width, padding: 16 });

/** GET /v1/metrics as the test's signed-in user, with the query the component sent (or one of ours). */
export async function fetchMetrics(api: BrowserApiInfo, search: string): Promise<MetricsResponse> {
  const response = await fetch(`${api.url}/v1/metrics${search}`, {
    headers: { Authorization: `Bearer ${api.sessionToken}` },
  });
  if (!response.ok) throw new Error(`GET /v1/metrics${search}: ${response.status} ${await response.text()}`);
  return (await response.json()) as MetricsResponse;
}

/** The tiles inside a grid's shadow root, in order. */
export const tilesOf = (grid: Element) =>
  [...(grid.shadowRoot?.querySelectorAll('chorus-metric-tile') ?? [])] as ChorusMetricTile[];

export const shadow = (tile: Element) => tile.shadowRoot!;

/** What a tile shows, read from its parts. */
export function shownOf(tile: ChorusMetricTile) {
  const root = shadow(tile);
  return {
    label: textOf(root.querySelector('[part=label]')),
    value: textOf(root.querySelector('[part=value]')),
    delta: root.querySelector('[part=delta]') ? textOf(root.querySelector('[part=delta]')) : null,
    previous: textOf(root.querySelector('.compare .muted')),
    summary: textOf(root.querySelector('.body > .visually-hidden')),
  };
}

export const isShown = (tile: ChorusMetricTile) => !!tile.shadowRoot?.querySelector('[part=value]');

/** Creates a row as the test's signed-in user, to arrange known rows. */
export const post = (api: BrowserApiInfo, path: string, body: unknown) =>
  call<{ id: string }>(api, 'POST', path, body);

/** The period the known rows fall in (30 days), and the 30 days before it. */
export const KNOWN_PERIOD = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-31T00:00:00.000Z' };
const IN_PERIOD = '2026-01-10T12:00:00.000Z';
const BEFORE = '2025-12-15T12:00:00.000Z';

/**
 * Rows whose metrics are worked out by hand, in a workspace of their own (EUR), for KNOWN_PERIOD:
 * - average rating: 5, 4, 4 → 4.33; before: 3, 4 → 3.5;
 * - NPS: 10, 9, 7, 3 → 2 promoters − 1 detractor of 4 = 25; nothing before;
 * - CSAT: 5, 4, 2, 1 → 2 of 4 = 50 %; before: 5, 4, 3 → 2 of 3 = 66.67 %;
 * - average order value: €120.00 and €80.50 → €100.25; before: €50.00.
 */
export async function seedKnownRows(api: BrowserApiInfo): Promise<void> {
  const rate = (scale: string, score: number, createdAt: string) =>
    post(api, '/v1/ratings', { subject: 'product:known-rows', scale, score, createdAt });
  const ratings: [string, number, string][] = [
    ['stars5', 5, IN_PERIOD],
    ['stars5', 4, IN_PERIOD],
    ['stars5', 4, IN_PERIOD],
    ['stars5', 3, BEFORE],
    ['stars5', 4, BEFORE],
    ['nps10', 10, IN_PERIOD],
    ['nps10', 9, IN_PERIOD],
    ['nps10', 7, IN_PERIOD],
    ['nps10', 3, IN_PERIOD],
    ['csat5', 5, IN_PERIOD],
    ['csat5', 4, IN_PERIOD],
    ['csat5', 2, IN_PERIOD],
    ['csat5', 1, IN_PERIOD],
    ['csat5', 5, BEFORE],
    ['csat5', 4, BEFORE],
    ['csat5', 3, BEFORE],
  ];
  for (const [scale, score, at] of ratings) await rate(scale, score, at);
  const buyer = await post(api, '/v1/contacts', { firstName: 'Known', lastName: 'Buyer' });
  const orders: [number, string][] = [
    [12_000, IN_PERIOD],
    [8_050, IN_PERIOD],
    [5_000, BEFORE],
  ];
  for (const [amount, orderedAt] of orders)
    await post(api, '/v1/orders', { contactId: buyer.id, amount: { amount, currency: 'EUR' }, orderedAt });
}
