import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChorusCampaignTable, ChorusLifecycleFunnel } from '../src/index.js';
import { demoWindow, expectNoAxeViolations, mount, textOf, until, withProvider } from './support.js';

let demo: BrowserApiInfo;

beforeAll(async () => {
  demo = await testApi.demo();
});

const page = (locale: string) => {
  const window = demoWindow();
  return withProvider(
    demo,
    html`<chorus-lifecycle-funnel from=${window.from} to=${window.to}></chorus-lifecycle-funnel>
      <chorus-campaign-table from=${window.from} to=${window.to}></chorus-campaign-table>`,
    locale,
  );
};
const parts = (root: HTMLElement) => ({
  funnel: root.querySelector('chorus-lifecycle-funnel') as ChorusLifecycleFunnel,
  table: root.querySelector('chorus-campaign-table') as ChorusCampaignTable,
});
const loaded = ({ funnel, table }: ReturnType<typeof parts>) =>
  (funnel.shadowRoot?.querySelectorAll('[part=stage]').length ?? 0) === 7 &&
  (table.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > 0;

describe('the funnel and the campaign table in other languages', () => {
  it('speak German: stages, steps, the filter and the table headers', async () => {
    const root = mount(page('de-DE'), 1100);
    const shown = parts(root);
    await until(
      () => loaded(shown) && textOf(shown.funnel.shadowRoot).includes('Vertriebsqualifiziert'),
      'German',
    );
    const funnel = textOf(shown.funnel.shadowRoot);
    expect(funnel).toContain('Alle Kampagnen und Kanäle');
    expect(funnel).toMatch(/\d+ eingetreten/);
    expect(funnel).toContain('weiter zu Marketingqualifiziert');
    expect(funnel).not.toContain('went on');
    expect(textOf(shown.table.shadowRoot)).toContain('Umsatz zuordnen zu');
    await expectNoAxeViolations(root);
  });

  it('speak Arabic right to left, in Arabic digits, and fit their boxes', async () => {
    const root = mount(html`<div dir="rtl" lang="ar-EG">${page('ar-EG')}</div>`, 1100);
    const shown = parts(root);
    await until(() => loaded(shown) && textOf(shown.funnel.shadowRoot).includes('مؤهَّل للمبيعات'), 'Arabic');
    const counts = [...shown.funnel.shadowRoot!.querySelectorAll('.count')].map((count) => textOf(count));
    expect(counts.join(' ')).not.toMatch(/[0-9]/);
    const base = shown.funnel.shadowRoot!.querySelector('[part=base]') as HTMLElement;
    expect(getComputedStyle(base).direction).toBe('rtl');
    // Each bar grows from the right, where the line starts, as the names and figures do.
    const bars = [...shown.funnel.shadowRoot!.querySelectorAll<SVGSVGElement>('svg.bar')];
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) {
      const fill = bar.querySelector('rect')!.getBoundingClientRect();
      if (fill.width === 0) continue;
      expect(Math.abs(fill.right - bar.getBoundingClientRect().right)).toBeLessThan(1);
    }
    expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
    await expectNoAxeViolations(root);
  });
});
