import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import axe from 'axe-core';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { until, withProvider } from '@chorus/testing/browser';
import type { ChorusMetricSelectEvent, ChorusMetricsGrid } from '../src/index.js';
import { isShown, KNOWN_PERIOD, mount, post, seedKnownRows, shadow, shownOf, tilesOf } from './support.js';

const NAMES = 'average_rating,nps,csat,average_order_value';
// What the rows of seedKnownRows give for January 2026, worked out by hand (see metrics-tiles.browser.test.ts).
const JANUARY = ['4.3', '25', '50%', '€100.25'];

let known: BrowserApiInfo;
beforeAll(async () => {
  known = await testApi.freshWorkspace();
  await seedKnownRows(known);
});

const metricsReads = async () =>
  (await testApi.requests())
    .filter((r) => r.method === 'GET' && r.path === '/v1/metrics')
    .map((r) => new URLSearchParams(r.search));

function knownGrid(attributes = html``) {
  const root = mount(
    withProvider(
      known,
      html`<chorus-metrics-grid metrics=${NAMES} period="custom" from=${KNOWN_PERIOD.from} to=${KNOWN_PERIOD.to}>${attributes}</chorus-metrics-grid>`,
    ),
    1180,
  );
  return { root, grid: root.querySelector('chorus-metrics-grid') as ChorusMetricsGrid };
}

const control = <T extends Element>(grid: Element, selector: string) =>
  shadow(grid).querySelector(selector) as T;

describe('the grid compares with the same dates last year', () => {
  it('asks once with compare=year-ago, and the tiles measure against January 2025, where there are no rows', async () => {
    const { root, grid } = knownGrid();
    await until(() => tilesOf(grid).every(isShown) && tilesOf(grid).length === 4, 'the tiles');
    // Against the previous 30 days three tiles have something to compare with.
    expect(tilesOf(grid).map((tile) => shownOf(tile).previous)).toEqual([
      'was 3.5',
      'nothing to compare with',
      'was 66.7%',
      'was €50.00',
    ]);
    await testApi.resetRequests();
    const changes: string[] = [];
    grid.addEventListener('change', () => changes.push(grid.compare));
    await userEvent.selectOptions(control<HTMLSelectElement>(grid, 'select[part=compare]'), 'year-ago');
    await until(
      () => tilesOf(grid).every((tile) => shownOf(tile).previous === 'nothing to compare with'),
      'the year-ago comparison',
    );
    expect(changes).toEqual(['year-ago']);
    expect(grid.getAttribute('compare')).toBe('year-ago');
    const reads = await metricsReads();
    expect(reads.map((params) => params.get('compare'))).toEqual(['year-ago']);
    // The values are the period's own, unchanged by what they are compared with.
    expect(tilesOf(grid).map((tile) => shownOf(tile).value)).toEqual(JANUARY);
    expect(shownOf(tilesOf(grid)[0]!).summary).toContain('the same dates last year');
    root.remove();
  });

  it('a year-ago tile says what the same dates last year held, and whether the change is good news', async () => {
    const workspace = await testApi.freshWorkspace();
    const rate = (score: number, createdAt: string) =>
      post(workspace, '/v1/ratings', { subject: 'product:year-ago', scale: 'stars5', score, createdAt });
    await rate(5, '2026-01-10T12:00:00.000Z');
    await rate(4, '2026-01-11T12:00:00.000Z');
    // A year earlier: 2 and 3, so 2.5; the 30 days just before January 2026 hold nothing.
    await rate(2, '2025-01-10T12:00:00.000Z');
    await rate(3, '2025-01-20T12:00:00.000Z');
    const root = mount(
      withProvider(
        workspace,
        html`<chorus-metric-tile metric="average_rating" period="custom" compare="year-ago"
          from=${KNOWN_PERIOD.from} to=${KNOWN_PERIOD.to}></chorus-metric-tile>`,
      ),
    );
    const tile = root.querySelector('chorus-metric-tile')!;
    await until(() => isShown(tile), 'the tile');
    expect(shownOf(tile)).toMatchObject({ value: '4.5', delta: '▲2', previous: 'a year ago 2.5' });
    expect(shownOf(tile).summary).toBe('Average rating 4.5, up 2 from the same dates last year, good');
    expect(tile.matches(':state(good)')).toBe(true);
    expect((await metricsReads()).at(-1)!.get('compare')).toBe('year-ago');
    root.remove();
  });
});

describe('the grid’s custom range', () => {
  it('opens on the dates shown, takes a first and last day, and shows what the API computed for them', async () => {
    const root = mount(
      withProvider(known, html`<chorus-metrics-grid metrics=${NAMES} period="30d"></chorus-metrics-grid>`),
      1180,
    );
    const grid = root.querySelector('chorus-metrics-grid') as ChorusMetricsGrid;
    await until(() => tilesOf(grid).length === 4 && tilesOf(grid).every(isShown), 'the tiles');
    const shownTo = Date.parse(grid.to ?? '') || Date.now();
    await userEvent.selectOptions(control<HTMLSelectElement>(grid, 'select[part=period]'), 'custom');
    const from = () => control<HTMLInputElement>(grid, 'input[name=from]');
    const to = () => control<HTMLInputElement>(grid, 'input[name=to]');
    await until(() => !!from(), 'the date fields');
    // The fields open on the 30 days that were on screen.
    expect(Date.parse(`${to().value}T00:00:00Z`)).toBeLessThanOrEqual(shownTo);
    expect(
      Date.parse(`${to().value}T00:00:00Z`) - Date.parse(`${from().value}T00:00:00Z`),
    ).toBeGreaterThanOrEqual(29 * 86_400_000);
    await testApi.resetRequests();
    await userEvent.fill(from(), '2026-01-01');
    await userEvent.fill(to(), '2026-01-30');
    await until(
      () =>
        tilesOf(grid)
          .map((tile) => shownOf(tile).value)
          .join() === JANUARY.join(),
      'January',
    );
    const last = (await metricsReads()).at(-1)!;
    // The last day picked is included: the API's exclusive end is the midnight after it.
    expect([last.get('from'), last.get('to')]).toEqual([KNOWN_PERIOD.from, KNOWN_PERIOD.to]);
    const results = await axe.run(grid, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => v.id)).toEqual([]);

    // An end before the start is refused where it was typed, and nothing is asked.
    await testApi.resetRequests();
    await userEvent.fill(to(), '2025-12-01');
    await until(() => !!shadow(grid).querySelector('[role=alert]'), 'the range error');
    expect(shadow(grid).querySelector('[role=alert]')!.textContent).toContain(
      'start date before the end date',
    );
    expect(to().getAttribute('aria-invalid')).toBe('true');
    expect(await metricsReads()).toEqual([]);
    root.remove();
  });

  it('tells which window a tile’s number came from when a tile in the grid is chosen', async () => {
    const { root, grid } = knownGrid();
    await until(() => tilesOf(grid).length === 4 && tilesOf(grid).every(isShown), 'the tiles');
    const events: ChorusMetricSelectEvent[] = [];
    document.addEventListener('chorus-metric-select', (event) => events.push(event), { once: true });
    shadow(tilesOf(grid)[3]!).querySelector<HTMLElement>('[part=body]')!.click();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      metric: 'average_order_value',
      value: 10025,
      from: KNOWN_PERIOD.from,
      to: KNOWN_PERIOD.to,
    });
    root.remove();
  });
});
