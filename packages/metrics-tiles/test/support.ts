import type { BrowserApiInfo } from '@chorus/api/testing/browser-client';
import type { MetricsResponse } from '@chorus/sdk';
import { html, render, type TemplateResult } from 'lit';
import type { ChorusMetricTile, MetricData } from '../src/index.js';
import '@chorus/core/define';
import '../src/define.js';

/** Renders into a fresh container on the page; returns the container. */
export function mount(template: TemplateResult, width = 320): HTMLElement {
  const root = document.createElement('div');
  root.style.width = `${width}px`;
  root.style.padding = '16px';
  document.body.append(root);
  render(template, root);
  return root;
}

export const withProvider = (
  api: BrowserApiInfo,
  children: TemplateResult,
  options: { theme?: string; locale?: string } = {},
) =>
  html`<chorus-provider
    base-url=${api.url}
    theme=${options.theme ?? 'auto'}
    locale=${options.locale ?? 'en-US'}
    .getToken=${async () => api.sessionToken}
    >${children}</chorus-provider
  >`;

/** GET /v1/metrics as the test's signed-in user, with the query the component sent (or one of ours). */
export async function fetchMetrics(api: BrowserApiInfo, search: string): Promise<MetricsResponse> {
  const response = await fetch(`${api.url}/v1/metrics${search}`, {
    headers: { Authorization: `Bearer ${api.sessionToken}` },
  });
  if (!response.ok) throw new Error(`GET /v1/metrics${search}: ${response.status} ${await response.text()}`);
  return (await response.json()) as MetricsResponse;
}

/** A period that both the component and the test ask for: fixed once, on whole minutes. */
export function fixedRange(days: number): { from: string; to: string } {
  const to = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
}

/** The tiles inside a grid's shadow root, in order. */
export const tilesOf = (grid: Element) =>
  [...(grid.shadowRoot?.querySelectorAll('chorus-metric-tile') ?? [])] as ChorusMetricTile[];

export const shadow = (tile: Element) => tile.shadowRoot!;
export const textOf = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();

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

/** Waits until `predicate` holds. */
export async function until(predicate: () => boolean, message = 'condition', timeout = 15_000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * What a tile should show for a metric, computed here straight from `Intl` and the API's numbers
 * (not through the package's own formatting), so a slip in either shows up.
 */
export function expected(metric: MetricData, currency: string, locale: string) {
  const nf = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options);
  const value = (v: number): string => {
    switch (metric.unit) {
      case 'money': {
        const digits = nf({ style: 'currency', currency }).resolvedOptions().maximumFractionDigits!;
        const major = v / 10 ** digits;
        return Math.abs(major) >= 100_000
          ? nf({ style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(major)
          : nf({ style: 'currency', currency }).format(major);
      }
      case 'percent':
        return nf({ style: 'percent', maximumFractionDigits: 1 }).format(v);
      case 'days':
      case 'hours':
        return nf({
          style: 'unit',
          unit: metric.unit === 'days' ? 'day' : 'hour',
          unitDisplay: 'long',
          maximumFractionDigits: 1,
        }).format(v);
      case 'score':
        return nf({ maximumFractionDigits: 1 }).format(v);
      default:
        return nf({ notation: 'compact', maximumFractionDigits: 1 }).format(v);
    }
  };
  let delta: string | null = null;
  let tone: 'good' | 'bad' | 'neutral' | null = null;
  if (metric.value !== null && metric.previous !== null) {
    const v = metric.value;
    const p = metric.previous;
    let text: string;
    let rounded: number;
    if (metric.unit === 'percent') {
      rounded = Math.round((v - p) * 1000);
      text = `${nf({ maximumFractionDigits: 1 }).format(Math.abs(v - p) * 100)} pts`;
    } else if ((metric.unit === 'money' || metric.unit === 'count') && p !== 0) {
      rounded = Math.round(((v - p) / Math.abs(p)) * 1000);
      text = nf({ style: 'percent', maximumFractionDigits: 1 }).format(Math.abs(v - p) / Math.abs(p));
    } else {
      rounded = Math.round((v - p) * 10);
      text = value(Math.abs(v - p));
    }
    const up = v > p;
    delta = rounded === 0 ? '■0' : `${up ? '▲' : '▼'}${text}`;
    tone = rounded === 0 ? 'neutral' : up === (metric.direction === 'up_is_good') ? 'good' : 'bad';
  }
  return {
    value: metric.value === null ? '—' : value(metric.value),
    previous:
      metric.value === null
        ? 'No data yet'
        : metric.previous === null
          ? 'nothing to compare with'
          : `was ${value(metric.previous)}`,
    delta,
    tone,
  };
}
