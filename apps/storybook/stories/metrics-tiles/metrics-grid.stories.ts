import '@chorus/metrics-tiles/define';
import { THEMES } from '@chorus/core';
import {
  type ChorusMetricSelectEvent,
  COMPARISONS,
  type MetricComparison,
  type MetricName,
  type MetricThresholds,
  PERIODS,
  type Period,
} from '@chorus/metrics-tiles';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  expectTileOf,
  labelOf,
  METRIC_NAMES,
  metricCatalogue,
  part,
  shadowOf,
  shownValue,
  tilesIn,
} from './support.js';

interface GridArgs {
  metrics: string;
  period: Period;
  compare?: MetricComparison;
  from?: string;
  to?: string;
  targets?: Partial<Record<MetricName, number>>;
  thresholds?: Partial<Record<MetricName, MetricThresholds>>;
  theme?: (typeof THEMES)[number];
  locale?: string;
  messages?: Record<string, string>;
  heading: string;
  onChange: (event: Event) => void;
  onChorusMetricSelect: (event: ChorusMetricSelectEvent) => void;
}

const SALES: MetricName[] = [
  'customer_lifetime_value',
  'win_rate',
  'pipeline_value',
  'weighted_pipeline_value',
  'lost_sales',
  'lead_conversion_rate',
  'time_to_conversion',
  'churn_rate',
  'average_order_value',
  'share_of_wallet',
];

const SERVICE: MetricName[] = ['csat', 'nps', 'issue_resolution_time', 'average_rating'];

const renderGrid = (args: GridArgs) => html`
  <chorus-metrics-grid
    metrics=${args.metrics}
    period=${args.period}
    compare=${ifDefined(args.compare)}
    from=${ifDefined(args.from || undefined)}
    to=${ifDefined(args.to || undefined)}
    .targets=${args.targets ?? {}}
    .thresholds=${args.thresholds ?? {}}
    theme=${ifDefined(args.theme)}
    locale=${ifDefined(args.locale || undefined)}
    .messages=${args.messages ?? {}}
    @change=${args.onChange}
    @chorus-metric-select=${args.onChorusMetricSelect}
  >
    <h2 slot="heading" style="margin: 0; font-size: 1.25rem">${args.heading}</h2>
  </chorus-metrics-grid>
`;

const meta = {
  title: 'Metrics/Metrics grid',
  component: 'chorus-metrics-grid',
  args: {
    metrics: SALES.join(','),
    period: '30d',
    heading: 'Sales',
    onChange: fn(),
    onChorusMetricSelect: fn(),
  },
  argTypes: {
    metrics: {
      control: 'text',
      // Plain text with spaces: a code span of names joined by bare commas is one word no line can
      // break, and stretched the docs page to 2,234 px (test/docs-pages.test.ts).
      description: `Comma-separated metric names, in order. All of them: ${METRIC_NAMES.join(', ')}.`,
    },
    period: { control: 'inline-radio', options: PERIODS },
    compare: {
      control: 'inline-radio',
      options: COMPARISONS,
      description: 'What each change is measured against: the previous period, or the same dates last year.',
    },
    from: { control: 'text', description: 'Start of a `custom` period, e.g. `2025-01-01`.' },
    to: { control: 'text', description: 'End of a `custom` period (exclusive).' },
    targets: { control: 'object', description: 'By metric, in its unit: `{ "win_rate": 0.5 }`.' },
    thresholds: {
      control: 'object',
      description: 'By metric: `{ "churn_rate": { "warn": 0.03, "critical": 0.05 } }`.',
    },
    theme: {
      control: 'inline-radio',
      options: THEMES,
      description: 'Forces a scheme for the grid; by default it follows the provider (the toolbar).',
    },
    locale: {
      control: 'text',
      description: 'BCP 47 locale for the grid; by default the provider’s (the toolbar’s).',
    },
    messages: {
      control: 'object',
      description: 'Message overrides by key, e.g. `{ "metricsGrid.period": "Range" }`.',
      table: { category: 'properties', type: { summary: 'MessageOverrides' } },
    },
    heading: { control: 'text', description: 'Content of the `heading` slot (an `<h2>` here).' },
  },
  render: renderGrid,
} satisfies Meta<GridArgs>;

export default meta;
type Story = StoryObj<GridArgs>;

function gridIn(canvasElement: HTMLElement): HTMLElementTagNameMap['chorus-metrics-grid'] {
  const grid = canvasElement.querySelector('chorus-metrics-grid');
  if (!grid) throw new Error('no <chorus-metrics-grid> in the story');
  return grid;
}

/** Waits until every tile of the grid shows its value; checks they are the metrics asked for, in order. */
async function expectDashboard(grid: HTMLElementTagNameMap['chorus-metrics-grid'], names: MetricName[]) {
  const { metrics } = await metricCatalogue();
  await waitFor(() => expect(tilesIn(shadowOf(grid))).toHaveLength(names.length), { timeout: 10_000 });
  const tiles = tilesIn(shadowOf(grid));
  for (const tile of tiles) await shownValue(tile);
  await expect(tiles.map(labelOf)).toEqual(names.map((name) => metrics.get(name)!.label));
  return tiles;
}

const tileOf = (grid: Element, names: MetricName[], name: MetricName) =>
  tilesIn(shadowOf(grid))[names.indexOf(name)]!;

/**
 * The sales team's numbers for the last 30 days in one request, with a win-rate target and churn
 * thresholds as a sales lead would set them. Pick another period above the tiles: one more request.
 */
export const SalesDashboard: Story = {
  name: 'Sales dashboard',
  args: {
    targets: { win_rate: 0.5, churn_rate: 0.02 },
    thresholds: {
      churn_rate: { warn: 0.03, critical: 0.05 },
      lost_sales: { warn: 250_000 * 100, critical: 500_000 * 100 },
    },
  },
  play: async ({ canvasElement, args }) => {
    const grid = gridIn(canvasElement);
    const tiles = await expectDashboard(grid, SALES);
    // Money, a percentage, a duration: each tile is the metric asked for, in its place.
    for (const name of ['pipeline_value', 'win_rate', 'time_to_conversion'] as const) {
      await expectTileOf(tileOf(grid, SALES, name), args.onChorusMetricSelect, name);
    }
    await expect(part(tileOf(grid, SALES, 'win_rate'), 'target')).toHaveTextContent(/Target/);

    // The period switcher: the grid asks for 90 days, tells the page, and every tile follows.
    const view = within(shadowOf(grid).querySelector<HTMLElement>('[part~="base"]')!);
    const period = view.getByRole('combobox', { name: 'Period' });
    await userEvent.selectOptions(period, '90d');
    await expect(grid.period).toBe('90d');
    await expect(grid).toHaveAttribute('period', '90d');
    await expect(args.onChange).toHaveBeenCalled();
    await waitFor(() => expect(view.getByRole('status')).toHaveTextContent('Showing Last 90 days'), {
      timeout: 10_000,
    });
    for (const tile of tiles) {
      await expect(tile.period).toBe('90d');
      // What a screen reader announces for a tile with a value names the period it compares with.
      if ((await shownValue(tile)) === '—') continue;
      await waitFor(() => expect(part(tile, 'body')?.textContent).toContain('the previous 90 days'), {
        timeout: 10_000,
      });
    }
    await expectTileOf(tileOf(grid, SALES, 'pipeline_value'), args.onChorusMetricSelect, 'pipeline_value');
  },
};

/** The service team's numbers: satisfaction, NPS, time to resolve a ticket and the average rating. */
export const ServiceDashboard: Story = {
  name: 'Service dashboard',
  args: { metrics: SERVICE.join(','), heading: 'Service', period: '90d' },
  play: async ({ canvasElement, args }) => {
    const grid = gridIn(canvasElement);
    const tiles = await expectDashboard(grid, SERVICE);
    await expect(tiles).toHaveLength(SERVICE.length);
    for (const [i, tile] of tiles.entries()) await expectTileOf(tile, args.onChorusMetricSelect, SERVICE[i]!);
  },
};

/**
 * Year over year: each change measured against the same dates last year, the way a seasonal
 * business reads its numbers. Switch back to the previous period above the tiles.
 */
export const YearOverYear: Story = {
  name: 'Year over year',
  args: {
    metrics: SERVICE.join(','),
    heading: 'Service, against last year',
    period: '90d',
    compare: 'year-ago',
  },
  play: async ({ canvasElement, args }) => {
    const grid = gridIn(canvasElement);
    const tiles = await expectDashboard(grid, SERVICE);
    const view = within(shadowOf(grid).querySelector<HTMLElement>('[part~="base"]')!);
    await expect(view.getByRole('combobox', { name: 'Compare with' })).toHaveValue('year-ago');
    for (const tile of tiles) {
      await expect(tile.compare).toBe('year-ago');
      if ((await shownValue(tile)) === '—') continue;
      await expect(part(tile, 'body')?.textContent).toContain('the same dates last year');
    }
    await userEvent.selectOptions(view.getByRole('combobox', { name: 'Compare with' }), 'previous');
    await expect(args.onChange).toHaveBeenCalled();
    await expect(grid).toHaveAttribute('compare', 'previous');
  },
};

/** The sales dashboard with the provider's theme (the toolbar's) set to dark. */
export const Dark: Story = {
  name: 'Dark theme',
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    const tiles = await expectDashboard(grid, SALES);
    await expect(getComputedStyle(grid).colorScheme).toBe('dark');
    await expect(getComputedStyle(tiles[0]!).colorScheme).toBe('dark');
  },
};

/** The toolbar's locale reaches every tile: German grouping, decimal commas and "Mio. €". */
export const German: Story = {
  name: 'German locale',
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement, args }) => {
    const grid = gridIn(canvasElement);
    await expectDashboard(grid, SALES);
    await expect(await shownValue(tileOf(grid, SALES, 'pipeline_value'))).toMatch(
      /^[\d,]+\u00a0Mio\.\u00a0€$/,
    );
    await expect(await shownValue(tileOf(grid, SALES, 'win_rate'))).toMatch(/^\d+,\d\u00a0%$/);
    await expect(await shownValue(tileOf(grid, SALES, 'time_to_conversion'))).toMatch(/^\d+(,\d)? Tage?$/);
    await expectTileOf(
      tileOf(grid, SALES, 'time_to_conversion'),
      args.onChorusMetricSelect,
      'time_to_conversion',
    );
  },
};
