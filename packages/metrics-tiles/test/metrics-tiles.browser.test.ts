import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type {
  ChorusMetricSelectEvent,
  ChorusMetricTile,
  ChorusMetricsGrid,
  MetricData,
} from '../src/index.js';
import { expectNoAxeViolations, textOf, until, withProvider } from '@chorus/testing/browser';
import {
  fetchMetrics,
  isShown,
  KNOWN_PERIOD,
  mount,
  seedKnownRows,
  shadow,
  shownOf,
  tilesOf,
} from './support.js';

const TWELVE = [
  'customer_lifetime_value',
  'churn_rate',
  'lead_conversion_rate',
  'time_to_conversion',
  'win_rate',
  'pipeline_value',
  'weighted_pipeline_value',
  'lost_sales',
  'average_order_value',
  'csat',
  'nps',
  'issue_resolution_time',
];

let demo: BrowserApiInfo;

beforeAll(async () => {
  demo = await testApi.demo();
  await page.viewport(1280, 900);
});

/** Clicks every tile of a grid and returns what each reported: its metric and the number it holds. */
async function selectedValues(grid: ChorusMetricsGrid): Promise<[string, number | null][]> {
  const events: ChorusMetricSelectEvent[] = [];
  const listener = (event: ChorusMetricSelectEvent) => events.push(event);
  grid.addEventListener('chorus-metric-select', listener);
  for (const tile of tilesOf(grid)) shadow(tile).querySelector<HTMLElement>('[part=body]')!.click();
  grid.removeEventListener('chorus-metric-select', listener);
  return events.map((event) => [event.metric, event.value]);
}

const metricsRequests = async () =>
  (await testApi.requests()).filter((r) => r.method === 'GET' && r.path === '/v1/metrics');

const churn: MetricData = {
  name: 'churn_rate',
  label: 'Churn rate',
  value: 0.021,
  previous: 0.025,
  unit: 'percent',
  direction: 'down_is_good',
  definition:
    'Customers who churned during the period, divided by the customers (lifecycle stage customer or evangelist) at the start of the period.',
  series: [0.03, 0.028, 0.027, 0.029, 0.024, 0.022, 0.021].map((value, i) => ({
    start: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    value,
  })),
};
const winRate: MetricData = {
  ...churn,
  name: 'win_rate',
  label: 'Win rate',
  value: 0.3,
  previous: 0.25,
  direction: 'up_is_good',
  definition: 'Deals won during the period, divided by all deals closed (won or lost) during the period.',
};

const presentational = (metric: MetricData, extra = html``) =>
  mount(html`<chorus-metric-tile .metric=${metric}></chorus-metric-tile>${extra}`);
const tileIn = (root: Element) => root.querySelector('chorus-metric-tile') as ChorusMetricTile;

describe('a grid on the seeded workspace', () => {
  it('shows 12 tiles from exactly one request, each with the API’s label and number, and one more request per period switch', async () => {
    await testApi.resetRequests();
    const root = mount(
      withProvider(
        demo,
        html`<chorus-metrics-grid metrics=${TWELVE.join(',')} period="30d"
          ><span slot="heading">Sales and service, at a glance</span></chorus-metrics-grid
        >`,
      ),
      1180,
    );
    const grid = root.querySelector('chorus-metrics-grid') as ChorusMetricsGrid;
    await until(() => tilesOf(grid).length === 12 && tilesOf(grid).every(isShown), '12 tiles');
    const requests = await metricsRequests();
    expect(requests).toHaveLength(1);
    const params = new URLSearchParams(requests[0]!.search);
    expect(params.get('names')).toBe(TWELVE.join(','));
    expect(params.get('interval')).toBe('day');
    expect(Date.parse(params.get('to')!) - Date.parse(params.get('from')!)).toBe(30 * 86_400_000);

    // Each tile shows the API's label and carries the API's number for its metric, in request order.
    // How a number is written is display's business, checked with fixed numbers in display.browser.test.ts.
    const api = await fetchMetrics(demo, requests[0]!.search);
    expect(api.data).toHaveLength(12);
    expect(tilesOf(grid).map((tile) => shownOf(tile).label)).toEqual(api.data.map((m) => m.label));
    expect(await selectedValues(grid)).toEqual(api.data.map((m) => [m.name, m.value]));
    await expectNoAxeViolations(grid);
    await page.screenshot({ path: '../screenshots/metrics-grid-light.png', element: grid });

    // Our own check above went to the server too: count afresh from here.
    await testApi.resetRequests();
    const select = shadow(grid).querySelector('select')!;
    await userEvent.selectOptions(select, '90d');
    await until(() => tilesOf(grid).every(isShown) && grid.period === '90d', 'the 90-day tiles');
    const after = await metricsRequests();
    expect(after).toHaveLength(1);
    const params90 = new URLSearchParams(after[0]!.search);
    expect(params90.get('interval')).toBe('week');
    expect(Date.parse(params90.get('to')!) - Date.parse(params90.get('from')!)).toBe(90 * 86_400_000);
    const api90 = await fetchMetrics(demo, after[0]!.search);
    expect(api90.data).toHaveLength(12);
    expect(await selectedValues(grid)).toEqual(api90.data.map((m) => [m.name, m.value]));
    expect(shownOf(tilesOf(grid)[1]!).summary).toContain('from the previous 90 days');
    root.remove();
  });

  it('ends every tile in a row at the same height at 768 px, whatever each one holds', async () => {
    const root = mount(
      withProvider(
        demo,
        html`<chorus-metrics-grid
          metrics="win_rate,churn_rate,pipeline_value,lost_sales,nps,csat"
          .targets=${{ win_rate: 0.4, nps: 50 }}
        ></chorus-metrics-grid>`,
      ),
      768,
    );
    const grid = root.querySelector('chorus-metrics-grid') as ChorusMetricsGrid;
    await until(() => tilesOf(grid).length === 6 && tilesOf(grid).every(isShown), 'the tiles');
    const tiles = tilesOf(grid).map((tile) => {
      const figures = shadow(tile).querySelector('.figures')!.getBoundingClientRect();
      const base = shadow(tile).querySelector('[part=base]')!.getBoundingClientRect();
      return { top: Math.round(base.top), bottom: Math.round(base.bottom), content: figures.height };
    });
    const rows = new Map<number, typeof tiles>();
    for (const tile of tiles) rows.set(tile.top, [...(rows.get(tile.top) ?? []), tile]);
    // Three tiles a row at this width; a target bar makes one tile of each row hold more than the others.
    expect([...rows.values()].map((row) => row.length)).toEqual([3, 3]);
    for (const row of rows.values()) {
      const contents = row.map((tile) => tile.content);
      expect(Math.max(...contents), 'a row whose tiles hold different amounts').toBeGreaterThan(
        Math.min(...contents) + 8,
      );
      expect(
        new Set(row.map((tile) => tile.bottom)).size,
        `bottoms ${row.map((t) => t.bottom).join(', ')}`,
      ).toBe(1);
    }
    root.remove();
  });

  it('follows a dark provider theme and stays accessible', async () => {
    const root = mount(
      withProvider(
        demo,
        html`<chorus-metrics-grid metrics="csat,nps,average_rating,issue_resolution_time" period="90d"
          ><span slot="heading">Service</span></chorus-metrics-grid
        >`,
        { theme: 'dark' },
      ),
      1180,
    );
    root.style.background = '#0d1014';
    const grid = root.querySelector('chorus-metrics-grid')!;
    await until(() => tilesOf(grid).length === 4 && tilesOf(grid).every(isShown), 'the tiles');
    const base = shadow(tilesOf(grid)[0]!).querySelector('[part=base]')!;
    expect(getComputedStyle(base).backgroundColor).toBe('rgb(22, 25, 29)');
    await expectNoAxeViolations(grid);
    await page.screenshot({ path: '../screenshots/metrics-grid-dark.png', element: root });
    root.remove();
  });
});

describe('tiles on rows whose metrics were worked out by hand', () => {
  let known: BrowserApiInfo;
  beforeAll(async () => {
    known = await testApi.freshWorkspace();
    await seedKnownRows(known);
  });

  const NAMES = 'average_rating,nps,csat,average_order_value';
  // [value, change, previous] per tile, from the rows in seedKnownRows; NPS has no answers before.
  const SHOWN = {
    'en-US': [
      ['4.3', '▲0.8', 'was 3.5'],
      ['25', null, 'nothing to compare with'],
      ['50%', '▼16.7 pts', 'was 66.7%'],
      ['€100.25', '▲100.5%', 'was €50.00'],
    ],
    'de-DE': [
      ['4,3', '▲0,8', 'vorher 3,5'],
      ['25', null, 'kein Vergleichswert'],
      ['50\u00a0%', '▼16,7 Pkt.', 'vorher 66,7\u00a0%'],
      ['100,25\u00a0€', '▲100,5\u00a0%', 'vorher 50,00\u00a0€'],
    ],
  } as const;

  for (const locale of ['en-US', 'de-DE'] as const) {
    it(`a grid shows what the API computed from them, written in ${locale}`, async () => {
      const root = mount(
        withProvider(
          known,
          html`<chorus-metrics-grid metrics=${NAMES} period="custom" from=${KNOWN_PERIOD.from} to=${KNOWN_PERIOD.to}></chorus-metrics-grid>`,
          { locale },
        ),
        1180,
      );
      const grid = root.querySelector('chorus-metrics-grid')!;
      await until(() => tilesOf(grid).length === 4 && tilesOf(grid).every(isShown), 'the tiles');
      // The tiles show the numbers as soon as the API answers, and the words once the locale's
      // catalogue has loaded (lazily, per language): read them when both are in.
      const firstWords = SHOWN[locale][0][2];
      await until(() => shownOf(tilesOf(grid)[0]!).previous === firstWords, `"${firstWords}"`);
      const tiles = tilesOf(grid);
      expect(tiles).toHaveLength(SHOWN[locale].length);
      expect(
        tiles.map((tile) => {
          const { value, delta, previous } = shownOf(tile);
          return [value, delta, previous];
        }),
      ).toEqual(SHOWN[locale]);
      root.remove();
    });
  }

  it('a tile says it in one sentence: value, change in points, period and verdict', async () => {
    await testApi.resetRequests();
    const root = mount(
      withProvider(
        known,
        html`<chorus-metric-tile metric="csat" period="custom" from=${KNOWN_PERIOD.from} to=${KNOWN_PERIOD.to}></chorus-metric-tile>`,
      ),
    );
    const tile = tileIn(root);
    await tile.updateComplete;
    expect(shadow(tile).querySelector('[role=status]')).not.toBeNull(); // the skeleton, while it loads
    expect(tile.matches(':state(loading)')).toBe(true);
    await until(() => isShown(tile), 'the tile');
    expect(await metricsRequests()).toHaveLength(1);
    // 66.67 % → 50 %: down 16.7 points, and falling satisfaction is bad.
    expect(shownOf(tile).summary).toBe(
      'Customer satisfaction (CSAT) 50%, down 16.7 points from the previous period of equal length, bad',
    );
    // The visible figures are hidden from assistive technology: the sentence carries them.
    expect(shadow(tile).querySelector('.figures')?.getAttribute('aria-hidden')).toBe('true');
    expect(shadow(tile).querySelector('.sparkline')?.getAttribute('aria-hidden')).toBe('true');
    expect(shadow(tile).querySelector('.sparkline path.line')?.getAttribute('d')).toMatch(/^M/);
    root.remove();
  });
});

describe('a connected tile', () => {
  it('emits chorus-metric-select with the metric and the period on click and on Enter', async () => {
    const root = mount(
      withProvider(demo, html`<chorus-metric-tile metric="win_rate" period="12m"></chorus-metric-tile>`),
    );
    const tile = tileIn(root);
    await until(() => isShown(tile), 'the tile');
    const events: ChorusMetricSelectEvent[] = [];
    const listener = (event: ChorusMetricSelectEvent) => events.push(event);
    document.addEventListener('chorus-metric-select', listener);
    await userEvent.click(shadow(tile).querySelector('[part=value]')!);
    shadow(tile).querySelector<HTMLElement>('.body')!.focus();
    await userEvent.keyboard('{Enter}');
    document.removeEventListener('chorus-metric-select', listener);
    expect(events).toHaveLength(2);
    expect(events[0]!.metric).toBe('win_rate');
    expect(events[0]!.bubbles && events[0]!.composed).toBe(true);
    expect(typeof events[0]!.value).toBe('number');
    expect(Date.parse(events[0]!.to!) - Date.parse(events[0]!.from!)).toBeGreaterThan(360 * 86_400_000);
    root.remove();
  });

  it('shows no data plainly where there is none yet (a workspace without ratings)', async () => {
    const fresh = await testApi.freshWorkspace();
    const root = mount(
      withProvider(
        fresh,
        html`<chorus-metric-tile metric="average_rating" period="30d"></chorus-metric-tile>`,
      ),
    );
    const tile = tileIn(root);
    await until(() => isShown(tile), 'the tile');
    expect(shownOf(tile).value).toBe('—');
    expect(shownOf(tile).previous).toBe('No data yet');
    expect(shownOf(tile).summary).toBe('Average rating: no data for this period yet');
    expect(tile.matches(':state(no-data)')).toBe(true);
    await expectNoAxeViolations(tile);
    root.remove();
  });

  it('says what went wrong and asks again on retry', async () => {
    await testApi.resetRequests();
    const root = mount(
      withProvider(
        demo,
        html`<chorus-metric-tile metric="happiness_index" period="30d"></chorus-metric-tile>`,
      ),
    );
    const tile = tileIn(root);
    await until(() => !!shadow(tile).querySelector('[role=alert] button'), 'the error');
    expect(tile.matches(':state(error)')).toBe(true);
    expect(textOf(shadow(tile).querySelector('[role=alert]'))).toContain(
      'happiness_index could not be loaded',
    );
    await expectNoAxeViolations(tile);
    const before = (await metricsRequests()).length;
    await userEvent.click(shadow(tile).querySelector('[role=alert] button')!);
    await until(() => !!shadow(tile).querySelector('[role=alert] button'), 'the error again');
    await expect.poll(async () => (await metricsRequests()).length).toBe(before + 1);
    root.remove();
  });
});

describe('a presentational tile', () => {
  it('makes no request and reads exactly as the issue asks', async () => {
    await testApi.resetRequests();
    const root = presentational(churn);
    const tile = tileIn(root);
    await tile.updateComplete;
    expect(shownOf(tile)).toEqual({
      label: 'Churn rate',
      value: '2.1%',
      delta: '▼0.4 pts',
      previous: 'was 2.5%',
      summary: 'Churn rate 2.1%, down 0.4 points from the previous 30 days, good',
    });
    expect(await metricsRequests()).toHaveLength(0);
    root.remove();
  });

  it('colours the change by the metric’s direction: falling churn and rising win rate are green', async () => {
    const cases: [MetricData, 'good' | 'bad'][] = [
      [churn, 'good'],
      [{ ...churn, value: 0.03 }, 'bad'],
      [winRate, 'good'],
      [{ ...winRate, value: 0.2 }, 'bad'],
    ];
    const root = mount(
      html`${cases.map(([metric]) => html`<chorus-metric-tile .metric=${metric}></chorus-metric-tile>`)}`,
    );
    const tiles = [...root.querySelectorAll('chorus-metric-tile')];
    expect(tiles).toHaveLength(cases.length);
    await Promise.all(tiles.map((t) => t.updateComplete));
    const hue = (element: Element) => {
      const [r, g] = getComputedStyle(element)
        .color.match(/[\d.]+/g)!
        .map(Number);
      return g! > r! ? 'green' : 'red';
    };
    cases.forEach(([metric, tone], i) => {
      const delta = shadow(tiles[i]!).querySelector('[part=delta]')!;
      expect(hue(delta), `${metric.name} ${metric.value}`).toBe(tone === 'good' ? 'green' : 'red');
      expect(tiles[i]!.matches(`:state(${tone})`)).toBe(true);
      expect(shownOf(tiles[i]!).summary.endsWith(`, ${tone}`)).toBe(true);
    });
    root.remove();
  });

  it('colours the tile past its thresholds and says so in words', async () => {
    const root = mount(html`
      <chorus-metric-tile .metric=${churn} warn="0.03" critical="0.05"></chorus-metric-tile>
      <chorus-metric-tile .metric=${{ ...churn, value: 0.04 }} warn="0.03" critical="0.05"></chorus-metric-tile>
      <chorus-metric-tile .metric=${{ ...churn, value: 0.06 }} warn="0.03" critical="0.05"></chorus-metric-tile>
      <chorus-metric-tile .metric=${{ ...winRate, value: 0.08 }} warn="0.2" critical="0.1"></chorus-metric-tile>
    `);
    const [calm, warn, critical, lowWins] = [...root.querySelectorAll('chorus-metric-tile')];
    await Promise.all([calm, warn, critical, lowWins].map((t) => t!.updateComplete));
    expect(calm!.matches(':state(warn)') || calm!.matches(':state(critical)')).toBe(false);
    expect(warn!.matches(':state(warn)')).toBe(true);
    expect(critical!.matches(':state(critical)')).toBe(true);
    expect(lowWins!.matches(':state(critical)')).toBe(true);
    const border = (t: Element) => getComputedStyle(shadow(t).querySelector('[part=base]')!).borderTopColor;
    expect(new Set([border(calm!), border(warn!), border(critical!)]).size).toBe(3);
    expect(textOf(shadow(warn!).querySelector('.level'))).toBe('Warning');
    expect(shownOf(critical as ChorusMetricTile).summary).toBe(
      'Churn rate 6%, up 3.5 points from the previous 30 days, bad, critical',
    );
    await expectNoAxeViolations(root);
    await page.screenshot({ path: '../screenshots/metric-tile-thresholds.png', element: root });
    root.remove();
  });

  it('shows progress to a target, met from below for churn and from above for win rate', async () => {
    const root = mount(html`
      <chorus-metric-tile .metric=${winRate} target="0.4"></chorus-metric-tile>
      <chorus-metric-tile .metric=${churn} target="0.025"></chorus-metric-tile>
    `);
    const [wins, churnTile] = [...root.querySelectorAll('chorus-metric-tile')] as ChorusMetricTile[];
    await Promise.all([wins!.updateComplete, churnTile!.updateComplete]);
    expect(textOf(shadow(wins!).querySelector('[part=target]'))).toBe('Target 40% 75%');
    const fill = shadow(wins!).querySelector<HTMLElement>('[part=target] .fill')!;
    const bar = fill.parentElement!;
    expect(fill.getBoundingClientRect().width / bar.getBoundingClientRect().width).toBeCloseTo(0.75, 2);
    expect(shownOf(wins!).summary).toBe(
      'Win rate 30%, up 5 points from the previous 30 days, good, 75% of the way to target 40%',
    );
    expect(shownOf(churnTile!).summary).toContain('target 2.5% met');
    expect(shadow(churnTile!).querySelector('[part=target]')!.classList.contains('met')).toBe(true);
    root.remove();
  });

  it('opens the definition from the keyboard alone, and closes it with Escape', async () => {
    const root = mount(
      html`<button id="before">before</button><chorus-metric-tile .metric=${churn}></chorus-metric-tile>`,
    );
    const tile = tileIn(root);
    await tile.updateComplete;
    root.querySelector<HTMLElement>('#before')!.focus();
    await userEvent.tab();
    expect(shadow(tile).activeElement?.classList.contains('body')).toBe(true);
    await userEvent.tab();
    const info = shadow(tile).querySelector<HTMLButtonElement>('[part=info]')!;
    expect(shadow(tile).activeElement).toBe(info);
    expect(info.getAttribute('aria-expanded')).toBe('false');
    const definition = shadow(tile).querySelector<HTMLElement>('[part=definition]')!;
    expect(definition.checkVisibility()).toBe(false);
    expect(info.getAttribute('aria-controls')).toBe(definition.id);
    await userEvent.keyboard('{Enter}');
    expect(info.getAttribute('aria-expanded')).toBe('true');
    expect(definition.checkVisibility()).toBe(true);
    expect(textOf(definition)).toBe(churn.definition);
    await expectNoAxeViolations(tile);
    await page.screenshot({ path: '../screenshots/metric-tile-definition.png', element: tile });
    await userEvent.keyboard('{Escape}');
    expect(info.getAttribute('aria-expanded')).toBe('false');
    expect(definition.checkVisibility()).toBe(false);
    expect(shadow(tile).activeElement).toBe(info);
    root.remove();
  });

  it('keeps hostile labels and definitions as inert text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const root = presentational({ ...churn, label: hostile, definition: hostile });
    const tile = tileIn(root);
    await tile.updateComplete;
    shadow(tile).querySelector<HTMLButtonElement>('[part=info]')!.click();
    await tile.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadow(tile).querySelector('img')).toBeNull();
    expect(shownOf(tile).label).toBe(hostile);
    expect(textOf(shadow(tile).querySelector('[part=definition]'))).toBe(hostile);
    expect(shownOf(tile).summary.startsWith(hostile)).toBe(true);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    root.remove();
  });

  it('keeps a long label inside a narrow tile, clear of the definition button', async () => {
    const root = presentational({
      ...churn,
      label: 'Customer satisfaction (CSAT) over every channel we serve',
    });
    root.style.width = '220px';
    const tile = tileIn(root);
    await tile.updateComplete;
    const base = shadow(tile).querySelector('[part=base]')!.getBoundingClientRect();
    const label = shadow(tile).querySelector('[part=label]')!.getBoundingClientRect();
    const info = shadow(tile).querySelector('[part=info]')!.getBoundingClientRect();
    expect(label.right).toBeLessThanOrEqual(info.left);
    expect(label.right).toBeLessThanOrEqual(base.right);
    root.remove();
  });

  it('tells a page without a provider or data how to set it up', async () => {
    const root = mount(html`<chorus-metric-tile metric="churn_rate"></chorus-metric-tile>`);
    const tile = tileIn(root);
    await tile.updateComplete;
    expect(textOf(shadow(tile).querySelector('[role=alert]'))).toContain('<chorus-provider');
    root.remove();
  });
});
