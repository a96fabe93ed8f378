import '../../src/pages/marketing.js';
import { Formatter } from '@chorus/core';
import { formatValue } from '@chorus/metrics-tiles';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { demoClient } from '../../src/demo-api.js';
import { RATED_PRODUCT, RATING_SOURCES_SHOWN } from '../../src/pages/marketing.js';
import type { StageSelection } from '../../src/pages/stage-entries.js';
import { shownValue } from '../metrics-tiles/support.js';

const meta = {
  title: 'Pages/Marketing',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'The marketing third of the lifecycle, for the last 90 days: the funnel from subscriber to evangelist (filter it by a campaign or a channel, and the ROI and cost-per-lead tiles follow), lead conversion, every campaign with its leads, customers, revenue, cost and ROI, and one product’s ratings by source. Choose a stage and the contacts the funnel counts for it are listed (who entered it in the window, by the same filter), with when they entered and their first touch: the same panel the sales workspace opens from its funnel.',
      },
    },
  },
  render: () => html`<demo-marketing></demo-marketing>`,
} satisfies Meta;

export default meta;

const pageRoot = () => {
  const page = document.querySelector('demo-marketing');
  if (!page?.shadowRoot) throw new Error('no rendered <demo-marketing>');
  return page.shadowRoot;
};
const inside = (selector: string) => {
  const found = pageRoot().querySelector(selector);
  if (!found?.shadowRoot) throw new Error(`no ${selector} yet`);
  return found.shadowRoot;
};
const stageButtons = () => [
  ...inside('chorus-lifecycle-funnel').querySelectorAll<HTMLButtonElement>('[part=stage]'),
];
const roiTile = () => pageRoot().querySelector('[data-campaign-tiles] chorus-metric-tile')!;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * As a new user would: the funnel for the last 90 days; a campaign picked, and the funnel and the ROI
 * tile change to that campaign's; "Sales qualified" chosen, and the contacts it counts listed, as many
 * as its figure; ratings by source.
 */
export const Marketing: StoryObj = {
  play: async () => {
    await waitFor(() => expect(stageButtons()).toHaveLength(7), { timeout: 15_000 });
    const allRoi = await shownValue(roiTile());
    const before = text(stageButtons()[1]);

    const campaigns = await demoClient().get('/v1/campaigns', { params: { query: { limit: 200 } } });
    const speakers = campaigns.data.find((campaign) => campaign.name === 'Search ads: speakers');
    if (!speakers) throw new Error('the demo has no "Search ads: speakers" campaign: is the API seeded?');
    const filter = await waitFor(() => {
      const select =
        inside('chorus-lifecycle-funnel').querySelector<HTMLSelectElement>('select[name=filter]')!;
      expect([...select.options].map((option) => option.value)).toContain(`campaign:${speakers.id}`);
      return select;
    });
    await userEvent.selectOptions(filter, `campaign:${speakers.id}`);

    const funnel = pageRoot().querySelector('chorus-lifecycle-funnel')!;
    const from = funnel.getAttribute('from')!;
    const to = funnel.getAttribute('to')!;
    const expected = await demoClient().get('/v1/metrics', {
      params: { query: { names: 'campaign_roi', from, to, campaignId: speakers.id } },
    });
    const roi = expected.data[0]!.value;
    await waitFor(() => expect(text(stageButtons()[1])).not.toBe(before), { timeout: 15_000 });
    await waitFor(
      async () => {
        const shown = await shownValue(roiTile());
        expect(shown).not.toBe(allRoi);
        expect(shown).toBe(roi === null ? '—' : formatValue(new Formatter('en-US'), 'percent', roi));
      },
      { timeout: 15_000 },
    );

    // Back to every campaign and channel, then "Sales qualified": the panel lists exactly the
    // contacts the funnel counts, page after page, as many as the funnel's figure.
    await userEvent.selectOptions(filter, '');
    const everyone = await demoClient().get('/v1/metrics/funnel', { params: { query: { from, to } } });
    const entered = everyone.stages.find((stage) => stage.stage === 'sales_qualified')!.current.entered;
    expect(entered).toBeGreaterThan(10);
    const salesQualified = await waitFor(
      () => {
        const button = stageButtons().find(
          (stage) => text(stage.querySelector('.name')) === 'Sales qualified',
        );
        expect(text(button?.querySelector('.count'))).toBe(`${entered} entered`);
        return button!;
      },
      { timeout: 15_000 },
    );
    await userEvent.click(salesQualified);
    const panel = () => inside('demo-stage-entries');
    await waitFor(() => expect(panel().querySelectorAll('[data-contact]').length).toBeGreaterThan(0), {
      timeout: 15_000,
    });
    expect(panel().querySelector('[data-stage]')?.getAttribute('data-stage')).toBe('sales_qualified');
    expect(panel().querySelector('[data-count]')?.getAttribute('data-count')).toBe(String(entered));
    expect(text(panel().querySelector('[data-count]'))).toContain(`${entered} contacts entered this stage`);
    // Focus went to the panel's heading, for keyboard and screen-reader users.
    expect(panel().activeElement?.tagName).toBe('H3');
    for (let page = 0; page < 20; page++) {
      const more = [...panel().querySelectorAll('button')].find((b) => text(b) === 'Show more');
      if (!more) break;
      const before = panel().querySelectorAll('[data-contact]').length;
      await userEvent.click(more);
      await waitFor(() => expect(panel().querySelectorAll('[data-contact]').length).toBeGreaterThan(before), {
        timeout: 15_000,
      });
    }
    const rows = [...panel().querySelectorAll('[data-contact]')];
    expect(rows).toHaveLength(entered);
    expect(new Set(rows.map((row) => row.getAttribute('data-contact'))).size).toBe(entered);
    expect(text(panel().querySelector('[data-shown]'))).toBe(`Showing ${entered} of ${entered}`);
    // Each row: a name, the day they entered, their first touch.
    expect(rows.every((row) => row.querySelectorAll('td').length === 3 && row.querySelector('time'))).toBe(
      true,
    );

    for (const source of RATING_SOURCES_SHOWN) {
      const summary = await demoClient().get('/v1/public/ratings/summary', {
        params: { query: { subject: RATED_PRODUCT.subject, scale: 'stars5', source } },
      });
      await waitFor(() =>
        expect(text(pageRoot().querySelector(`[data-source=${source}] td`))).toBe(String(summary.count)),
      );
    }
  },
};

/**
 * The stage-entries panel for a stage and window, under the funnel of the same window (as the pages
 * show it): its states, as tests (`!dev`).
 */
const panelOf = (selection: StageSelection) =>
  html`<chorus-lifecycle-funnel from=${selection.from} to=${selection.to} no-filter></chorus-lifecycle-funnel>
    <demo-stage-entries .selection=${selection}></demo-stage-entries>`;
const panelRoot = () => {
  const panel = document.querySelector('demo-stage-entries');
  if (!panel?.shadowRoot) throw new Error('no rendered <demo-stage-entries>');
  return panel.shadowRoot;
};

/** A window before anyone was in the demo: the panel says nobody entered, and offers no more. */
export const StageEntriesEmpty: StoryObj = {
  name: 'Stage entries: nobody entered',
  tags: ['!dev'],
  render: () =>
    panelOf({
      stage: 'evangelist',
      entered: 0,
      from: '2001-01-01T00:00:00.000Z',
      to: '2001-04-01T00:00:00.000Z',
      campaignId: null,
      channel: null,
    }),
  play: async () => {
    await waitFor(
      () =>
        expect(text(panelRoot().querySelector('[role=status]'))).toBe(
          'Nobody entered this stage in the period.',
        ),
      {
        timeout: 15_000,
      },
    );
    expect(panelRoot().querySelectorAll('[data-contact]')).toHaveLength(0);
    expect(text(panelRoot().querySelector('[data-count]'))).toContain('0 contacts entered this stage');
  },
};

/** A request the API refuses (the window backwards): an error, announced, with "Try again". */
export const StageEntriesError: StoryObj = {
  name: 'Stage entries: the read is refused',
  tags: ['!dev'],
  render: () =>
    panelOf({
      stage: 'lead',
      entered: 3,
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      campaignId: null,
      channel: null,
    }),
  play: async () => {
    const alert = await waitFor(
      () => {
        const found = panelRoot().querySelector('[role=alert]');
        expect(text(found)).toContain('The contacts could not be loaded');
        return found!;
      },
      { timeout: 15_000 },
    );
    expect(text(alert)).toContain('from must be before to');
    expect([...alert.querySelectorAll('button')].map((b) => text(b))).toEqual(['Try again']);
  },
};

/** In German: the panel's words and the funnel's stage and channel names, through the catalogues. */
export const StageEntriesGerman: StoryObj = {
  name: 'Stage entries: in German',
  tags: ['!dev'],
  globals: { locale: 'de-DE' },
  render: () =>
    panelOf({
      stage: 'lead',
      entered: 0,
      from: '2001-01-01T00:00:00.000Z',
      to: '2001-04-01T00:00:00.000Z',
      campaignId: null,
      channel: 'paid',
    }),
  play: async () => {
    await waitFor(() => expect(text(panelRoot().querySelector('h3'))).toBe('Wer in „Lead“ eingetreten ist'), {
      timeout: 15_000,
    });
    expect(text(panelRoot().querySelector('[data-count]'))).toContain(
      'Gezählt nach dem ersten Kontaktpunkt: Bezahlte Anzeigen.',
    );
    await waitFor(() =>
      expect(text(panelRoot().querySelector('[role=status]'))).toBe(
        'Niemand ist im Zeitraum in diese Phase eingetreten.',
      ),
    );
    expect(text(panelRoot())).not.toMatch(/Who entered|Nobody|contacts entered|Close/);
  },
};
