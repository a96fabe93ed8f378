import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { CampaignReport } from '@chorus/sdk';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ChorusCampaignTable } from '../src/index.js';
import { demoWindow, expectNoAxeViolations, mount, read, textOf, until, withProvider } from './support.js';

let demo: BrowserApiInfo;

beforeAll(async () => {
  demo = await testApi.demo();
  await page.viewport(1280, 1000);
});

const tableIn = (root: HTMLElement) => root.querySelector('chorus-campaign-table') as ChorusCampaignTable;
const rowsOf = (element: ChorusCampaignTable) =>
  [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => textOf(cell)),
  );
const header = (element: ChorusCampaignTable, name: string) =>
  [...element.shadowRoot!.querySelectorAll('thead th')].find((th) => textOf(th).startsWith(name))!;
const euros = (minor: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(minor / 100);

async function demoTable() {
  const window = demoWindow();
  const root = mount(
    withProvider(
      demo,
      html`<chorus-campaign-table from=${window.from} to=${window.to}></chorus-campaign-table>`,
    ),
    1100,
  );
  const element = tableIn(root);
  const report = await read<CampaignReport>(
    demo,
    `/v1/metrics/campaigns?from=${encodeURIComponent(window.from)}&to=${encodeURIComponent(window.to)}`,
  );
  await until(() => rowsOf(element).length === report.data.length && report.data.length > 0, 'the campaigns');
  return { root, element, report };
}

describe('<chorus-campaign-table> on the demo', () => {
  it('lists the campaigns with the figures of the report, best ROI first, and passes axe', async () => {
    const { root, element, report } = await demoTable();
    expect(report.data.length).toBeGreaterThanOrEqual(3);
    const best = [...report.data]
      .filter((row) => row.roi.lastTouch !== null)
      .sort((a, b) => b.roi.lastTouch! - a.roi.lastTouch!)[0]!;
    const first = rowsOf(element)[0]!;
    expect(first[0]).toContain(best.campaign.name);
    expect(first.slice(1)).toEqual([
      String(best.leads),
      String(best.customers),
      euros(best.revenue.lastTouch.amount),
      euros(best.cost.amount),
      `${Math.round(best.roi.lastTouch! * 100).toLocaleString('en-US')}%`,
    ]);
    expect(header(element, 'ROI').getAttribute('aria-sort')).toBe('descending');
    await expectNoAxeViolations(root);
  });

  it('sorts by a column from its header, with the keyboard too, and says the order', async () => {
    const { element, report } = await demoTable();
    const leadsButton = header(element, 'Leads').querySelector('button')!;
    await userEvent.click(leadsButton);
    const leads = () => rowsOf(element).map((row) => Number(row[1]));
    expect(leads()).toEqual(report.data.map((row) => row.leads).sort((a, b) => b - a));
    expect(header(element, 'Leads').getAttribute('aria-sort')).toBe('descending');
    expect(header(element, 'ROI').hasAttribute('aria-sort')).toBe(false);
    leadsButton.focus();
    await userEvent.keyboard('{Enter}');
    expect(leads()).toEqual(report.data.map((row) => row.leads).sort((a, b) => a - b));
    expect(header(element, 'Leads').getAttribute('aria-sort')).toBe('ascending');
    expect(textOf(element.shadowRoot!.querySelector('[role=status]'))).toBe('Sorted by Leads, ascending');
  });

  it('credits revenue to the first touch when asked, with the report’s first-touch figures', async () => {
    const { element, report } = await demoTable();
    await userEvent.selectOptions(
      element.shadowRoot!.querySelector<HTMLSelectElement>('select[name=attribution]')!,
      'first_touch',
    );
    await userEvent.click(header(element, 'Campaign').querySelector('button')!);
    const byName = [...report.data].sort((a, b) => a.campaign.name.localeCompare(b.campaign.name, 'en-US'));
    expect(rowsOf(element).map((row) => row[3])).toEqual(
      byName.map((row) => euros(row.revenue.firstTouch.amount)),
    );
    // The two models tell different stories on the demo (some buyers were re-engaged by a later campaign).
    expect(byName.some((row) => row.revenue.firstTouch.amount !== row.revenue.lastTouch.amount)).toBe(true);
  });

  it('says when no campaign ran, and shows a refused request as an error with a retry', async () => {
    const fresh = await testApi.freshWorkspace();
    const empty = tableIn(mount(withProvider(fresh, html`<chorus-campaign-table></chorus-campaign-table>`)));
    await until(
      () => textOf(empty.shadowRoot).includes('No campaign cost or brought in anything'),
      'the empty state',
    );
    const broken = tableIn(
      mount(
        withProvider(
          fresh,
          html`<chorus-campaign-table from="2026-02-01T00:00:00Z" to="2026-01-01T00:00:00Z"></chorus-campaign-table>`,
        ),
      ),
    );
    await until(() => !!broken.shadowRoot!.querySelector('[role=alert] button'), 'the error with a retry');
    expect(broken.matches(':state(error)')).toBe(true);
  });
});
