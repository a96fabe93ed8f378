import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, textOf, until, withProvider } from '@chorus/testing/browser';
import type { ChorusMetricsGrid } from '../src/index.js';
import { mount, shownOf, tilesOf } from './support.js';

let demo: BrowserApiInfo;

beforeAll(async () => {
  demo = await testApi.demo();
});

const grid = (locale: string) =>
  withProvider(
    demo,
    html`<chorus-metrics-grid metrics="win_rate,pipeline_value,nps" period="30d"></chorus-metrics-grid>`,
    {
      locale,
    },
  );

const gridIn = (root: HTMLElement) => root.querySelector('chorus-metrics-grid') as ChorusMetricsGrid;
/** Text without the bidi isolates that wrap what a sentence quotes (the period's name, the label). */
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');
const gridText = (element: ChorusMetricsGrid) => plain(textOf(element.shadowRoot as unknown as Element));
const shown = (element: ChorusMetricsGrid) =>
  tilesOf(element).length === 3 && tilesOf(element).every((tile) => shownOf(tile).summary !== '');

describe('the metrics grid and tiles in other languages', () => {
  it('speak German: the period picker, what is shown, and each tile’s summary', async () => {
    const element = gridIn(mount(grid('de-DE'), 960));
    await until(
      () => shown(element) && gridText(element).includes('Angezeigt: Letzte 30 Tage'),
      'German grid',
    );
    const text = gridText(element);
    expect(text).toContain('Zeitraum');
    expect(text).toContain('Seit Jahresbeginn');
    expect(text).not.toContain('Last 30 days');
    for (const tile of tilesOf(element)) {
      const { summary } = shownOf(tile);
      expect(summary).toMatch(
        /gegenüber den vorherigen 30 Tagen|aus den vorherigen 30 Tagen|noch keine Daten/,
      );
      expect(summary).not.toMatch(/previous 30 days/);
    }
    await expectNoAxeViolations(element);
  });

  it('speak Arabic right to left, in Arabic digits, and fit their boxes', async () => {
    const root = mount(html`<div dir="rtl" lang="ar-EG">${grid('ar-EG')}</div>`, 960);
    const element = gridIn(root);
    await until(() => shown(element) && gridText(element).includes('المعروض: آخر ٣٠ يومًا'), 'Arabic grid');
    expect(gridText(element)).toContain('الفترة');
    for (const tile of tilesOf(element)) {
      const { summary, value } = shownOf(tile);
      expect(plain(summary)).toContain('الأيام الـ٣٠ السابقة');
      expect(value).not.toMatch(/[0-9]/);
      const base = tile.shadowRoot!.querySelector('[part~=base]') as HTMLElement;
      expect(getComputedStyle(base).direction).toBe('rtl');
      expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth);
    }
    expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
    await expectNoAxeViolations(root);
  });
});
