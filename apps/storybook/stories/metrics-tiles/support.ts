import {
  type ChorusMetricSelectEvent,
  type ChorusMetricTile,
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
  campaign_roi: true,
  cost_per_lead: true,
  stage_entry_count: true,
  stage_conversion_rate: true,
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

/** Clicks the tile as a user drilling down would; returns what it reported. */
async function select(
  tile: ChorusMetricTile,
  onSelect: Mock | ((event: ChorusMetricSelectEvent) => void),
): Promise<ChorusMetricSelectEvent> {
  const mock = onSelect as Mock;
  const before = mock.mock.calls.length;
  await userEvent.click(part(tile, 'body')!);
  await expect(mock).toHaveBeenCalledTimes(before + 1);
  return mock.mock.calls[before]![0] as ChorusMetricSelectEvent;
}

/**
 * For a tile that loads its own metric: it shows the API's label and reports the API's number for
 * the period it shows (asked again here for that very period). How numbers are written is checked
 * with fixed values: the per-metric stories and the package's tests.
 */
export async function expectApiValue(
  tile: ChorusMetricTile,
  onSelect: Mock | ((event: ChorusMetricSelectEvent) => void),
): Promise<void> {
  await shownValue(tile);
  const event = await select(tile, onSelect);
  if (!event.from || !event.to) throw new Error(`the ${event.metric} tile reported no period`);
  const response = await demoClient().get('/v1/metrics', {
    params: { query: { names: event.metric, from: event.from, to: event.to } },
  });
  await expect(response.data).toHaveLength(1);
  await expect(labelOf(tile)).toBe(response.data[0]!.label);
  await expect(event.value).toBe(response.data[0]!.value);
}

/**
 * For a grid's tile (the grid loads, so the tile knows no period to report): it is the metric asked
 * for, and shows "—" exactly when it holds no number. The package's tests compare a grid's numbers
 * with the API's for the request it made.
 */
export async function expectTileOf(
  tile: ChorusMetricTile,
  onSelect: Mock | ((event: ChorusMetricSelectEvent) => void),
  name: MetricName,
): Promise<void> {
  const shown = await shownValue(tile);
  const event = await select(tile, onSelect);
  await expect(event.metric).toBe(name);
  await expect(shown === '—').toBe(event.value === null);
}
