import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { call, expectNoAxeViolations, textOf, until, withProvider } from '@chorus/testing/browser';
import '../src/define-deal-card.js';
import { boardFixture, boardOf, mount, shadow } from './support.js';

let demo: BrowserApiInfo;

beforeAll(async () => {
  demo = await testApi.demo();
  await page.viewport(1320, 900);
});

const inLocale = (locale: string) =>
  html`<chorus-provider base-url=${demo.url} locale=${locale} .getToken=${async () => demo.sessionToken}
    ><chorus-pipeline-board pipeline-id="pip_demonewbusiness"></chorus-pipeline-board
  ></chorus-provider>`;

describe('the pipeline board in other languages', () => {
  it('speaks German: totals, counts, filters and the keyboard instructions', async () => {
    const board = boardOf(mount(inLocale('de-DE')));
    await until(
      () => textOf(shadow(board).querySelector('[part=total]')).startsWith('Offene Pipeline'),
      'German total',
    );
    await until(() => shadow(board).querySelectorAll('.card').length > 0, 'the cards');
    const total = textOf(shadow(board).querySelector('[part=total]'));
    expect(total).toMatch(/^Offene Pipeline [\d.]+ Deals .+ gewichtet .+€$/);
    const text = textOf(shadow(board) as unknown as Element);
    expect(text).toContain('Drücken Sie die Leertaste');
    expect(text).toContain('Suche');
    expect(text).not.toContain('Open pipeline');
    expect(text).not.toMatch(/\bweighted\b/);
    await expectNoAxeViolations(board);
  });

  it('speaks Arabic right to left: columns run from the right, figures in Arabic digits, nothing spills out', async () => {
    const root = mount(html`<div dir="rtl" lang="ar-EG">${inLocale('ar-EG')}</div>`);
    const board = boardOf(root);
    await until(
      () => textOf(shadow(board).querySelector('[part=total]')).startsWith('مسار المبيعات المفتوح'),
      'Arabic total',
    );
    await until(() => shadow(board).querySelectorAll('.card').length > 0, 'the cards');
    const total = textOf(shadow(board).querySelector('[part=total]'));
    expect(total).toContain('المرجّحة');
    expect(total).toMatch(/[٠-٩]/);
    expect(total).not.toMatch(/[0-9]/);
    const columns = [...shadow(board).querySelectorAll('section.column')];
    expect(getComputedStyle(columns[0]!).direction).toBe('rtl');
    // The first stage stands at the right, the next to its left.
    expect(columns[0]!.getBoundingClientRect().right).toBeGreaterThan(
      columns[1]!.getBoundingClientRect().right,
    );
    expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
    expect(textOf(shadow(board) as unknown as Element)).not.toContain('Open pipeline');
    await expectNoAxeViolations(root);
  });

  it('shows the deal card in German, from the chunk of its own strings', async () => {
    const api = await testApi.freshWorkspace();
    const { pipeline } = await boardFixture(api);
    const deal = await call(api, 'POST', '/v1/deals', {
      title: 'Zwölf Monitore',
      value: { amount: 1_250_000, currency: 'EUR' },
      pipelineId: pipeline.id,
      stageId: pipeline.stages[1].id,
      expectedCloseDate: '2026-12-31',
    });
    const root = mount(
      withProvider(api, html`<chorus-deal-card deal-id=${deal.id} locale="de-DE"></chorus-deal-card>`),
    );
    const card = root.querySelector('chorus-deal-card')!;
    const labels = () => [...shadow(card).querySelectorAll('dt')].map((dt) => textOf(dt));
    await until(() => labels().includes('Phase'), 'German facts');
    expect(labels()).toEqual(
      expect.arrayContaining(['Wert', 'Phase', 'Wahrscheinlichkeit', 'Voraussichtlicher Abschluss']),
    );
    const text = textOf(shadow(card) as unknown as Element);
    expect(text).toContain('Offene Aufgaben');
    expect(text).not.toContain('Expected close');
    await expectNoAxeViolations(card);
  });
});
