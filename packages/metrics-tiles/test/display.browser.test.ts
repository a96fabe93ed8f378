import { CORE_TRANSLATIONS, loadMessages } from '@chorus/core';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import type { ChorusMetricTile, MetricData } from '../src/index.js';
import { METRICS_TILES_TRANSLATIONS } from '../src/translations.js';
import { mount, shownOf } from './support.js';

/*
 * What a tile shows for fixed numbers, written out by hand per locale: the expected strings are not
 * computed (not by `Intl`, not by the package's formatters), so a slip in the display rules, a lost
 * currency or a wrong unit shows up as a different string. `\u00a0` is the no-break space and
 * `\u200f`/`\u061c` the right-to-left and Arabic letter marks that `Intl` writes.
 */

const LOCALES = ['en-US', 'de-DE', 'ja-JP', 'ar-EG'] as const;
type Locale = (typeof LOCALES)[number];

const metric = (
  fields: Pick<MetricData, 'name' | 'unit' | 'direction' | 'value' | 'previous'>,
): MetricData => ({
  label: 'A metric',
  definition: 'What it means.',
  series: [],
  ...fields,
});

interface Case {
  what: string;
  metric: MetricData;
  currency?: string;
  shows: Record<Locale, string>;
}

const CASES: Case[] = [
  {
    what: 'money from 100,000 whole units up, compact to one decimal',
    metric: metric({
      name: 'pipeline_value',
      unit: 'money',
      direction: 'up_is_good',
      value: 142_000_000,
      previous: 12_500_000,
    }),
    currency: 'EUR',
    shows: {
      'en-US': '€1.4M',
      'de-DE': '1,4\u00a0Mio.\u00a0€',
      'ja-JP': '€142万',
      'ar-EG': '\u200f١٫٤\u00a0مليون\u00a0€',
    },
  },
  {
    what: 'money below 100,000 whole units, in full with its cents',
    metric: metric({
      name: 'average_order_value',
      unit: 'money',
      direction: 'up_is_good',
      value: 1_048_958,
      previous: 1_048_958,
    }),
    currency: 'EUR',
    shows: {
      'en-US': '€10,489.58',
      'de-DE': '10.489,58\u00a0€',
      'ja-JP': '€10,489.58',
      'ar-EG': '\u200f١٠٬٤٨٩٫٥٨\u00a0€',
    },
  },
  {
    what: 'money in a currency without minor units (JPY: 250,000 is whole yen, so compact)',
    metric: metric({
      name: 'average_order_value',
      unit: 'money',
      direction: 'up_is_good',
      value: 250_000,
      previous: 90_000,
    }),
    currency: 'JPY',
    shows: {
      'en-US': '¥250K',
      'de-DE': '250.000\u00a0¥',
      'ja-JP': '￥25万',
      // Arabic has no yen sign of its own.
      'ar-EG': '\u200f٢٥٠\u00a0ألف\u00a0JP¥',
    },
  },
  {
    what: 'a rate as a percentage with one decimal',
    metric: metric({
      name: 'churn_rate',
      unit: 'percent',
      direction: 'down_is_good',
      value: 0.021,
      previous: 0.025,
    }),
    shows: { 'en-US': '2.1%', 'de-DE': '2,1\u00a0%', 'ja-JP': '2.1%', 'ar-EG': '٢٫١٪؜' },
  },
  {
    what: 'days as a duration',
    metric: metric({
      name: 'time_to_conversion',
      unit: 'days',
      direction: 'down_is_good',
      value: 12.5,
      previous: 14,
    }),
    shows: { 'en-US': '12.5 days', 'de-DE': '12,5 Tage', 'ja-JP': '12.5 日', 'ar-EG': '١٢٫٥ يوم' },
  },
  {
    what: 'hours as a duration',
    metric: metric({
      name: 'issue_resolution_time',
      unit: 'hours',
      direction: 'down_is_good',
      value: 36,
      previous: 30,
    }),
    shows: { 'en-US': '36 hours', 'de-DE': '36 Stunden', 'ja-JP': '36 時間', 'ar-EG': '٣٦ ساعة' },
  },
  {
    what: 'a score rounded half up to one decimal',
    metric: metric({
      name: 'average_rating',
      unit: 'score',
      direction: 'up_is_good',
      value: 4.25,
      previous: 4.05,
    }),
    shows: { 'en-US': '4.3', 'de-DE': '4,3', 'ja-JP': '4.3', 'ar-EG': '٤٫٣' },
  },
  {
    what: 'a negative score with the locale’s minus sign',
    metric: metric({ name: 'nps', unit: 'score', direction: 'up_is_good', value: -8, previous: 5 }),
    shows: { 'en-US': '-8', 'de-DE': '-8', 'ja-JP': '-8', 'ar-EG': '\u061c-٨' },
  },
];

/** Tiles for every case in one locale, in the order of `CASES`, with the locale's messages loaded first (as a page may). */
async function tilesFor(locale: Locale): Promise<ChorusMetricTile[]> {
  await loadMessages(locale, [CORE_TRANSLATIONS, METRICS_TILES_TRANSLATIONS]);
  const root = mount(
    html`${CASES.map(
      (c) =>
        html`<chorus-metric-tile .metric=${c.metric} currency=${c.currency ?? ''} locale=${locale}></chorus-metric-tile>`,
    )}`,
  );
  const tiles = [...root.querySelectorAll('chorus-metric-tile')];
  await Promise.all(tiles.map((tile) => tile.updateComplete));
  return tiles;
}

describe('a tile writes fixed values the way each locale reads them', () => {
  for (const locale of LOCALES) {
    it(`in ${locale}: money (compact, in full, in yen), percent, days, hours and scores`, async () => {
      const tiles = await tilesFor(locale);
      expect(tiles).toHaveLength(CASES.length);
      const shown = tiles.map((tile, i) => [CASES[i]!.what, shownOf(tile).value]);
      expect(shown).toEqual(CASES.map((c) => [c.what, c.shows[locale]]));
      tiles[0]!.parentElement!.remove();
    });
  }
});

describe('a tile writes the change and the previous value in the locale too', () => {
  const changes: Record<'en-US' | 'de-DE', [string | null, string][]> = {
    // pipeline: 1.42M / 125K - 1 = 1,036 % up, and 125,000 is compact too (the line is 100,000);
    // order value: unchanged; yen: 250,000 / 90,000 - 1 = 177.8 % up; churn: 2.5 % → 2.1 % is 0.4 points;
    // days and hours: absolute, in their unit; rating: 4.25 - 4.05 = 0.2; NPS: 5 → -8 is 13 down.
    'en-US': [
      ['▲1,036%', 'was €125K'],
      ['■0', 'was €10,489.58'],
      ['▲177.8%', 'was ¥90,000'],
      ['▼0.4 pts', 'was 2.5%'],
      ['▼1.5 days', 'was 14 days'],
      ['▲6 hours', 'was 30 hours'],
      ['▲0.2', 'was 4.1'],
      ['▼13', 'was 5'],
    ],
    // In German words too (the catalogue de.ts): "vorher", "Pkt.".
    'de-DE': [
      ['▲1.036\u00a0%', 'vorher 125.000\u00a0€'],
      ['■0', 'vorher 10.489,58\u00a0€'],
      ['▲177,8\u00a0%', 'vorher 90.000\u00a0¥'],
      ['▼0,4 Pkt.', 'vorher 2,5\u00a0%'],
      ['▼1,5 Tage', 'vorher 14 Tage'],
      ['▲6 Stunden', 'vorher 30 Stunden'],
      ['▲0,2', 'vorher 4,1'],
      ['▼13', 'vorher 5'],
    ],
  };
  for (const locale of ['en-US', 'de-DE'] as const) {
    it(`in ${locale}`, async () => {
      const tiles = await tilesFor(locale);
      expect(tiles).toHaveLength(changes[locale].length);
      expect(tiles.map((tile) => [shownOf(tile).delta, shownOf(tile).previous])).toEqual(changes[locale]);
      tiles[0]!.parentElement!.remove();
    });
  }
});

describe('a value that changes under the reader', () => {
  it('is marked `updated` for a moment, so a compact figure that reads the same still shows it moved', async () => {
    const first = metric({
      name: 'pipeline_value',
      unit: 'money',
      direction: 'up_is_good',
      value: 140_000_000,
      previous: null,
    });
    const tile = mount(
      html`<chorus-metric-tile .metric=${first} currency="EUR"></chorus-metric-tile>`,
    ).querySelector('chorus-metric-tile') as ChorusMetricTile;
    await tile.updateComplete;
    expect(tile.matches(':state(updated)')).toBe(false);
    const before = shownOf(tile).value;
    // €1,400,000.00 → €1,412,000.00: both read €1.4M.
    tile.metric = { ...first, value: 141_200_000 };
    await tile.updateComplete;
    expect(shownOf(tile).value).toBe(before);
    expect(tile.matches(':state(updated)')).toBe(true);
    await expect.poll(() => tile.matches(':state(updated)'), { timeout: 5_000 }).toBe(false);
    // A period the reader picked is not news: not marked.
    tile.period = '90d';
    tile.metric = { ...first, value: 99_000_000 };
    await tile.updateComplete;
    expect(tile.matches(':state(updated)')).toBe(false);
  });

  it('draws dashes where the series has no events at its ends', async () => {
    const sparse = {
      ...metric({ name: 'win_rate', unit: 'percent', direction: 'up_is_good', value: 0.35, previous: 0.7 }),
      series: [null, 0.2, 0.5, null].map((value, i) => ({ start: `2026-11-0${i + 1}T00:00:00Z`, value })),
    } as MetricData;
    const tile = mount(html`<chorus-metric-tile .metric=${sparse}></chorus-metric-tile>`).querySelector(
      'chorus-metric-tile',
    ) as ChorusMetricTile;
    await tile.updateComplete;
    const gap = tile.shadowRoot!.querySelector<SVGPathElement>('[part=sparkline] .gap')!;
    expect(gap.getAttribute('d')).toMatch(/^M0 [\d.]+H40M80 [\d.]+H120$/);
    expect(getComputedStyle(gap).strokeDasharray).not.toBe('none');
  });
});
