import { Formatter } from '@chorus/core';
import {
  type ChorusMetricSelectEvent,
  type ChorusMetricTile,
  formatValue,
  type MetricData,
  type MetricName,
  periodRange,
} from '@chorus/metrics-tiles';
import type { MetricsResponse } from '@chorus/sdk';
import { expect, type Mock, userEvent, waitFor, within } from 'storybook/test';
import { demoClient } from '../../src/demo-api.js';

/**
 * Every metric the API computes, each once. `satisfies` makes the typecheck fail when the contract
 * adds or drops one, so the per-metric stories and the Playground's options cannot fall behind.
 */
const EVERY_METRIC = {
  customer_lifetime_value: true,
  churn_rate: true,
  lead_conversion_rate: true,
  time_to_conversion: true,
  win_rate: true,
  pipeline_value: true,
  weighted_pipeline_value: true,
  lost_sales: true,
  average_order_value: true,
  share_of_wallet: true,
  csat: true,
  nps: true,
  issue_resolution_time: true,
  average_rating: true,
} as const satisfies Record<MetricName, true>;

export const METRIC_NAMES = Object.keys(EVERY_METRIC) as MetricName[];

/** What the API says about every metric (label, unit, definition) and the workspace's currency. */
export interface Catalogue {
  currency: string;
  metrics: Map<MetricName, MetricData>;
}

let catalogue: Promise<Catalogue> | undefined;

/** Read from `GET /v1/metrics` once per page, for the play functions' expectations. */
export function metricCatalogue(): Promise<Catalogue> {
  catalogue ??= loadMetrics(METRIC_NAMES, '30d').then(
    (response) => ({
      currency: response.currency,
      metrics: new Map(response.data.map((metric) => [metric.name, metric])),
    }),
    (error: unknown) => {
      catalogue = undefined;
      throw error;
    },
  );
  return catalogue;
}

/** Live metrics for a period ending now, as a host app would load them to pass in by property. */
export function loadMetrics(names: readonly MetricName[], period: '30d' | '90d'): Promise<MetricsResponse> {
  const range = periodRange(period, new Date())!;
  return demoClient().get('/v1/metrics', { params: { query: { names: names.join(','), ...range } } });
}

export function shadowOf(element: Element | null | undefined): ShadowRoot {
  if (!element?.shadowRoot) throw new Error(`no rendered <${element?.localName ?? 'chorus-*'}> in the story`);
  return element.shadowRoot;
}

/** The tiles of a story: its own, or those inside its grid's shadow root. */
export function tilesIn(root: ParentNode): ChorusMetricTile[] {
  return [...root.querySelectorAll('chorus-metric-tile')];
}

export function part(tile: Element, name: string): HTMLElement | null {
  return shadowOf(tile).querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** Collapses template whitespace, keeping the no-break spaces `Intl` writes. */
const text = (element: Element | null) => (element?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();

/** Waits until the tile shows a value (loaded, or given), and returns it as displayed. */
export async function shownValue(tile: Element): Promise<string> {
  return waitFor(
    () => {
      const value = part(tile, 'value');
      if (!value)
        throw new Error(`<chorus-metric-tile> shows no value yet: ${text(shadowOf(tile).firstElementChild)}`);
      return text(value);
    },
    { timeout: 15_000 },
  );
}

export const labelOf = (tile: Element) => text(part(tile, 'label'));

/** Testing Library queries inside a tile, as rendered now. */
export function inTile(tile: Element) {
  const base = part(tile, 'base');
  if (!base) throw new Error('the tile rendered no base part');
  return within(base);
}

/**
 * Clicks the tile as a user drilling down would, and checks that the number it shows is the value
 * it reports in `chorus-metric-select`, written in the provider's locale for the metric's unit.
 */
export async function expectFormattedValue(
  tile: ChorusMetricTile,
  onSelect: Mock | ((event: ChorusMetricSelectEvent) => void),
  locale: string,
): Promise<void> {
  const { metrics, currency } = await metricCatalogue();
  const shown = await shownValue(tile);
  const mock = onSelect as Mock;
  const before = mock.mock.calls.length;
  await userEvent.click(part(tile, 'body')!);
  await expect(mock).toHaveBeenCalledTimes(before + 1);
  const event = mock.mock.calls[before]![0] as ChorusMetricSelectEvent;
  const definition = metrics.get(event.metric);
  if (!definition) throw new Error(`the API does not know ${event.metric}`);
  await expect(labelOf(tile)).toBe(definition.label);
  const expected =
    event.value === null ? '—' : formatValue(new Formatter(locale), definition.unit, event.value, currency);
  await expect(shown).toBe(expected);
}
