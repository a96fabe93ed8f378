import '@chorus/metrics-tiles/define';
import { THEMES } from '@chorus/core';
import {
  type ChorusMetricSelectEvent,
  type MetricData,
  type MetricName,
  PERIODS,
  type Period,
} from '@chorus/metrics-tiles';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { FIXED_VALUES, type StoryLocale } from './fixed-values.js';
import {
  type Catalogue,
  expectApiValue,
  inTile,
  loadMetrics,
  METRIC_NAMES,
  metricCatalogue,
  part,
  shownValue,
  tilesIn,
} from './support.js';

interface TileArgs {
  metricName?: MetricName;
  period: Period;
  from?: string;
  to?: string;
  metric?: MetricData;
  currency?: string;
  target?: number;
  warn?: number;
  critical?: number;
  loading: boolean;
  theme?: (typeof THEMES)[number];
  locale?: string;
  messages?: Record<string, string>;
  onChorusMetricSelect: (event: ChorusMetricSelectEvent) => void;
}

const renderTile = (args: TileArgs) => html`
  <chorus-metric-tile
    metric=${ifDefined(args.metricName || undefined)}
    period=${args.period}
    from=${ifDefined(args.from || undefined)}
    to=${ifDefined(args.to || undefined)}
    .metric=${args.metric}
    currency=${ifDefined(args.currency || undefined)}
    .target=${args.target}
    .warn=${args.warn}
    .critical=${args.critical}
    ?loading=${args.loading}
    theme=${ifDefined(args.theme)}
    locale=${ifDefined(args.locale || undefined)}
    .messages=${args.messages ?? {}}
    @chorus-metric-select=${args.onChorusMetricSelect}
  ></chorus-metric-tile>
`;

const meta = {
  title: 'Metrics/Metric tile',
  component: 'chorus-metric-tile',
  args: {
    period: '30d',
    loading: false,
    onChorusMetricSelect: fn(),
  },
  argTypes: {
    metricName: {
      control: 'select',
      options: METRIC_NAMES,
      description: 'The metric to load through the provider (attribute `metric`).',
    },
    period: { control: 'inline-radio', options: PERIODS },
    from: { control: 'text', description: 'Start of a `custom` period, e.g. `2025-01-01`.' },
    to: { control: 'text', description: 'End of a `custom` period (exclusive).' },
    metric: {
      control: 'object',
      description: 'One item of a `GET /v1/metrics` response: shown as given, no request made.',
    },
    currency: { control: 'text' },
    target: { control: 'number' },
    warn: { control: 'number' },
    critical: { control: 'number' },
    loading: { control: 'boolean' },
    theme: {
      control: 'inline-radio',
      options: THEMES,
      description: 'Forces a scheme for this tile; by default it follows the provider (the toolbar).',
    },
    locale: {
      control: 'text',
      description: 'BCP 47 locale for this tile; by default the provider’s (the toolbar’s).',
    },
    messages: {
      control: 'object',
      description: 'Message overrides by key, e.g. `{ "metricTile.noData": "Nothing yet" }`.',
      table: { category: 'properties', type: { summary: 'MessageOverrides' } },
    },
  },
  render: (args) => html`<div style="max-width: 20rem">${renderTile(args)}</div>`,
} satisfies Meta<TileArgs>;

export default meta;
type Story = StoryObj<TileArgs>;

/** Every public property as a control; connected to the demo API, showing churn over the last 30 days. */
export const Playground: Story = {
  args: { metricName: 'churn_rate' },
  play: async ({ canvasElement, args }) => {
    const [tile] = tilesIn(canvasElement);
    await expectApiValue(tile!, args.onChorusMetricSelect);
    // The agreed definition is one button away, and Escape puts it away again.
    const { metrics } = await metricCatalogue();
    const label = metrics.get('churn_rate')!.label;
    const info = inTile(tile!).getByRole('button', { name: `What “${label}” means` });
    await userEvent.click(info);
    await expect(info).toHaveAttribute('aria-expanded', 'true');
    await expect(part(tile!, 'definition')).toBeVisible();
    await expect(part(tile!, 'definition')).toHaveTextContent(metrics.get('churn_rate')!.definition);
    await userEvent.keyboard('{Escape}');
    await expect(part(tile!, 'definition')).not.toBeVisible();
  },
};

/**
 * One story per metric, with a fixed value so that how it reads can be checked in every toolbar
 * locale against a hand-written string: the label and definition are the API's, the numbers are
 * given by property (no request for them). The Playground and the grid stories load live values.
 */
const metricStory = (metricName: MetricName): Story => ({
  args: { currency: 'EUR' },
  loaders: [async () => ({ catalogue: await metricCatalogue() })],
  render: (args, { loaded }) => {
    const { catalogue } = loaded as { catalogue: Catalogue };
    const { value, previous } = FIXED_VALUES[metricName];
    const metric: MetricData = {
      ...catalogue.metrics.get(metricName)!,
      value,
      previous,
      series: [previous, (previous + value) / 2, value].map((point, i) => ({
        start: new Date(Date.UTC(2026, 0, 1 + 10 * i)).toISOString(),
        value: point,
      })),
    };
    return html`<div style="max-width: 20rem">${renderTile({ ...args, metric })}</div>`;
  },
  play: async ({ canvasElement, args, globals }) => {
    const tiles = tilesIn(canvasElement);
    await expect(tiles).toHaveLength(1);
    const locale = (args.locale || globals.locale) as StoryLocale;
    const shows: Record<string, string> = FIXED_VALUES[metricName].shows;
    if (!(locale in shows)) throw new Error(`no hand-written ${metricName} value for the locale ${locale}`);
    await expect(await shownValue(tiles[0]!)).toBe(shows[locale]);
  },
});

const perMetric = {
  customer_lifetime_value: metricStory('customer_lifetime_value'),
  churn_rate: metricStory('churn_rate'),
  lead_conversion_rate: metricStory('lead_conversion_rate'),
  time_to_conversion: metricStory('time_to_conversion'),
  win_rate: metricStory('win_rate'),
  pipeline_value: metricStory('pipeline_value'),
  weighted_pipeline_value: metricStory('weighted_pipeline_value'),
  lost_sales: metricStory('lost_sales'),
  average_order_value: metricStory('average_order_value'),
  share_of_wallet: metricStory('share_of_wallet'),
  csat: metricStory('csat'),
  nps: metricStory('nps'),
  issue_resolution_time: metricStory('issue_resolution_time'),
  average_rating: metricStory('average_rating'),
  campaign_roi: metricStory('campaign_roi'),
  cost_per_lead: metricStory('cost_per_lead'),
  stage_entry_count: metricStory('stage_entry_count'),
  stage_conversion_rate: metricStory('stage_conversion_rate'),
} satisfies Record<MetricName, Story>;

export const CustomerLifetimeValue = perMetric.customer_lifetime_value;
export const ChurnRate = perMetric.churn_rate;
export const LeadConversionRate = perMetric.lead_conversion_rate;
export const TimeToConversion = perMetric.time_to_conversion;
export const WinRate = perMetric.win_rate;
export const PipelineValue = perMetric.pipeline_value;
export const WeightedPipelineValue = perMetric.weighted_pipeline_value;
export const LostSales = perMetric.lost_sales;
export const AverageOrderValue = perMetric.average_order_value;
export const ShareOfWallet = perMetric.share_of_wallet;
export const Csat = perMetric.csat;
export const Nps = perMetric.nps;
export const IssueResolutionTime = perMetric.issue_resolution_time;
export const AverageRating = perMetric.average_rating;
export const CampaignRoi = perMetric.campaign_roi;
export const CostPerLead = perMetric.cost_per_lead;
export const StageEntryCount = perMetric.stage_entry_count;
export const StageConversionRate = perMetric.stage_conversion_rate;

/** A goal at or above the next whole ten points over `value`: always ahead, never met. */
const aheadOf = (value: number | null) => (value === null ? 0.5 : Math.ceil((value + 0.05) * 10) / 10);
const floorTo = (value: number | null, step: number) => Math.floor((value ?? 0) / step) * step;
const ceilTo = (value: number | null, step: number) => Math.ceil((value ?? 0) / step) * step;

/**
 * Data in by property, as an app that already loaded `GET /v1/metrics` passes it: no request. The
 * targets and thresholds are set around the live 90-day values, so each state shows on any seed:
 * win rate short of its target, churn past its warning line, CSAT at its critical line.
 */
export const TargetsAndThresholds: Story = {
  name: 'Targets and thresholds',
  loaders: [
    async () => {
      const response = await loadMetrics(['win_rate', 'churn_rate', 'csat'], '90d');
      const byName = new Map(response.data.map((metric) => [metric.name, metric]));
      return { byName, currency: response.currency };
    },
  ],
  render: (args, { loaded }) => {
    const { byName, currency } = loaded as { byName: Map<MetricName, MetricData>; currency: string };
    const winRate = byName.get('win_rate')!;
    const churn = byName.get('churn_rate')!;
    const csat = byName.get('csat')!;
    const churnWarn = floorTo(churn.value, 0.005);
    const csatCritical = ceilTo(csat.value, 0.05);
    const tile = (extra: Partial<TileArgs>) => renderTile({ ...args, currency, ...extra });
    return html`<div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr))">
      ${tile({ metric: winRate, target: aheadOf(winRate.value) })}
      ${tile({ metric: churn, target: churnWarn / 2, warn: churnWarn, critical: churnWarn * 2 + 0.01 })}
      ${tile({ metric: csat, warn: csatCritical + 0.05, critical: csatCritical })}
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const [winRate, churn, csat] = tilesIn(canvasElement);
    await shownValue(winRate!);
    await expect(part(winRate!, 'target')).toBeVisible();
    await expect(part(winRate!, 'target')).toHaveTextContent(/^Target \d+(\.\d)?%/);
    await expect(inTile(winRate!).getByRole('button', { name: /of the way to target/ })).toBeVisible();
    await expect(inTile(churn!).getByText('Warning')).toBeVisible();
    await expect(inTile(churn!).getByRole('button', { name: /, warning/ })).toBeVisible();
    await expect(inTile(csat!).getByText('Critical')).toBeVisible();
    await expect(inTile(csat!).getByRole('button', { name: /, critical/ })).toBeVisible();
    // Past a threshold, the colour is not the only sign: the border and the label change too.
    await expect(getComputedStyle(part(churn!, 'base')!).borderColor).not.toBe(
      getComputedStyle(part(winRate!, 'base')!).borderColor,
    );
  },
};

/** A custom period from before the demo workspace existed: "—" and "No data yet", not a zero. */
export const NoData: Story = {
  name: 'No data',
  args: { metricName: 'average_rating', period: 'custom', from: '2000-01-01', to: '2000-02-01' },
  play: async ({ canvasElement }) => {
    const [tile] = tilesIn(canvasElement);
    await expect(await shownValue(tile!)).toBe('—');
    await expect(inTile(tile!).getByText('No data yet')).toBeVisible();
    await waitFor(() =>
      expect(
        inTile(tile!).getByRole('button', { name: 'Average rating: no data for this period yet' }),
      ).toBeVisible(),
    );
  },
};
