import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { CampaignPage, LifecycleFunnel } from '@chorus/sdk';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ChorusLifecycleFunnel, ChorusStageSelectEvent } from '../src/index.js';
import {
  demoWindow,
  expectNoAxeViolations,
  mount,
  post,
  read,
  textOf,
  until,
  withProvider,
} from './support.js';

let demo: BrowserApiInfo;

beforeAll(async () => {
  demo = await testApi.demo();
  await page.viewport(1280, 1000);
});

const funnelIn = (root: HTMLElement) =>
  root.querySelector('chorus-lifecycle-funnel') as ChorusLifecycleFunnel;
const stages = (element: ChorusLifecycleFunnel) => [
  ...(element.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part=stage]') ?? []),
];
/** What each stage button shows: its name and the count entered. */
const shown = (element: ChorusLifecycleFunnel) =>
  stages(element).map((stage) => [
    textOf(stage.querySelector('.name')),
    textOf(stage.querySelector('.count')),
    textOf(stage.querySelector('.muted')),
  ]);
const query = (window: { from: string; to: string }, extra = '') =>
  `/v1/metrics/funnel?from=${encodeURIComponent(window.from)}&to=${encodeURIComponent(window.to)}${extra}`;

describe('<chorus-lifecycle-funnel> on the demo', () => {
  it('shows every stage from subscriber to evangelist with the numbers the API computes, and passes axe', async () => {
    const window = demoWindow();
    const root = mount(
      withProvider(
        demo,
        html`<chorus-lifecycle-funnel from=${window.from} to=${window.to}></chorus-lifecycle-funnel>`,
      ),
    );
    const element = funnelIn(root);
    await until(() => stages(element).length === 7, 'the seven stages');
    const expected = await read<LifecycleFunnel>(demo, query(window));
    expect(shown(element)).toEqual(
      expected.stages.map((s) => [
        {
          subscriber: 'Subscriber',
          lead: 'Lead',
          marketing_qualified: 'Marketing qualified',
          sales_qualified: 'Sales qualified',
          opportunity: 'Opportunity',
          customer: 'Customer',
          evangelist: 'Evangelist',
        }[s.stage],
        `${s.current.entered.toLocaleString('en-US')} entered`,
        `previously ${s.previous.entered.toLocaleString('en-US')}`,
      ]),
    );
    // The demo's funnel is worth drawing: leads came in, and some of them went on.
    const lead = expected.stages.find((s) => s.stage === 'lead')!;
    expect(lead.current.entered).toBeGreaterThan(0);
    const step = element.shadowRoot!.querySelectorAll('[part=step]')[1]!;
    expect(textOf(step)).toContain(
      `${Math.round(lead.current.conversionRate! * 100)}% went on to Marketing qualified`,
    );
    await expectNoAxeViolations(root);
  });

  it('refetches for the campaign picked, and shows that campaign’s own funnel', async () => {
    const window = demoWindow();
    const root = mount(
      withProvider(
        demo,
        html`<chorus-lifecycle-funnel from=${window.from} to=${window.to}></chorus-lifecycle-funnel>`,
      ),
    );
    const element = funnelIn(root);
    const campaigns = await read<CampaignPage>(demo, '/v1/campaigns?limit=200');
    const select = () => element.shadowRoot!.querySelector<HTMLSelectElement>('select[name=filter]')!;
    await until(
      () => stages(element).length === 7 && select().options.length > 9,
      'the campaigns in the picker',
    );
    // The paid search campaign of the last 90 days.
    const speakers = campaigns.data.find((c) => c.name === 'Search ads: speakers')!;
    const before = shown(element);
    const changes: Event[] = [];
    element.addEventListener('change', (event) => changes.push(event));
    await userEvent.selectOptions(select(), `campaign:${speakers.id}`);
    const expected = await read<LifecycleFunnel>(demo, query(window, `&campaignId=${speakers.id}`));
    const leads = `${expected.stages.find((s) => s.stage === 'lead')!.current.entered} entered`;
    await until(
      () => shown(element)[1]?.[1] === leads && element.campaignId === speakers.id,
      'the campaign’s funnel',
    );
    expect(shown(element)).not.toEqual(before);
    expect(changes).toHaveLength(1);
    const requests = (await testApi.requests()).filter((r) => r.path === '/v1/metrics/funnel');
    expect(requests.at(-1)?.search).toContain(`campaignId=${speakers.id}`);
  });

  it('announces the stage picked, by pointer or keyboard, with the window and filter shown', async () => {
    const window = demoWindow();
    const root = mount(
      withProvider(
        demo,
        html`<chorus-lifecycle-funnel from=${window.from} to=${window.to} channel="paid"></chorus-lifecycle-funnel>`,
      ),
    );
    const element = funnelIn(root);
    await until(() => stages(element).length === 7, 'the stages');
    const events: ChorusStageSelectEvent[] = [];
    root.addEventListener('chorus-stage-select', (event) => events.push(event));
    stages(element)[3]!.click();
    stages(element)[4]!.focus();
    await userEvent.keyboard('{Enter}');
    expect(events.map((e) => [e.stage, e.from, e.to, e.channel, e.campaignId])).toEqual([
      ['sales_qualified', window.from, window.to, 'paid', null],
      ['opportunity', window.from, window.to, 'paid', null],
    ]);
    const expected = await read<LifecycleFunnel>(demo, query(window, '&channel=paid'));
    expect(events[0]!.entered).toBe(expected.stages[3]!.current.entered);
  });

  it('shows the same numbers as a table, laid out either way, and passes axe in each', async () => {
    const window = demoWindow();
    const root = mount(
      withProvider(
        demo,
        html`<chorus-lifecycle-funnel layout="horizontal" from=${window.from} to=${window.to}></chorus-lifecycle-funnel>`,
      ),
      1100,
    );
    const element = funnelIn(root);
    await until(() => stages(element).length === 7, 'the stages');
    await expectNoAxeViolations(root);
    // Side by side: every stage on one row, each bar standing up.
    const boxes = stages(element).map((stage) => stage.getBoundingClientRect());
    expect(new Set(boxes.map((box) => Math.round(box.top))).size).toBe(1);
    expect(boxes[1]!.left).toBeGreaterThan(boxes[0]!.right);
    expect(stages(element)[1]!.querySelector('[part=bar]')!.getBoundingClientRect().height).toBe(120);
    await userEvent.click(element.shadowRoot!.querySelector<HTMLInputElement>('input[name=table]')!);
    await until(() => !!element.shadowRoot!.querySelector('table'), 'the table');
    expect(element.view).toBe('table');
    const expected = await read<LifecycleFunnel>(demo, query(window));
    const rows = [...element.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(7);
    const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((cell) => textOf(cell));
    expect(cells(rows[1]!).slice(0, 3)).toEqual([
      'Lead',
      expected.stages[1]!.current.entered.toLocaleString('en-US'),
      expected.stages[1]!.previous.entered.toLocaleString('en-US'),
    ]);
    expect(textOf(element.shadowRoot!.querySelector('caption'))).toContain('beside the period before');
    await expectNoAxeViolations(root);
  });
});

describe('<chorus-lifecycle-funnel> states', () => {
  it('says so when nobody entered the funnel, and a refused request is an error with a retry', async () => {
    const fresh = await testApi.freshWorkspace();
    const root = mount(
      withProvider(fresh, html`<chorus-lifecycle-funnel period="30d"></chorus-lifecycle-funnel>`),
    );
    const element = funnelIn(root);
    await until(() => textOf(element.shadowRoot).includes('Nobody entered the funnel'), 'the empty state');
    expect(element.matches(':state(empty)')).toBe(true);

    const broken = mount(
      withProvider(
        fresh,
        html`<chorus-lifecycle-funnel from="2026-02-01T00:00:00Z" to="2026-01-01T00:00:00Z"></chorus-lifecycle-funnel>`,
      ),
    );
    const failing = funnelIn(broken);
    await until(() => !!failing.shadowRoot!.querySelector('[role=alert] button'), 'the error with a retry');
    expect(textOf(failing.shadowRoot!.querySelector('[role=alert]'))).toContain('from must be before to');
    expect(failing.matches(':state(error)')).toBe(true);
    await expectNoAxeViolations(broken);
  });

  it('counts a churned customer who bought again as returning, not as a new lead', async () => {
    const fresh = await testApi.freshWorkspace();
    const contact = await post<{ id: string; version: number }>(fresh, '/v1/contacts', { firstName: 'Ria' });
    await post(fresh, '/v1/orders', { contactId: contact.id, amount: { amount: 1_000, currency: 'EUR' } });
    const current = await read<{ version: number }>(fresh, `/v1/contacts/${contact.id}`);
    await fetch(`${fresh.url}/v1/contacts/${contact.id}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${fresh.sessionToken}`,
        'Content-Type': 'application/json',
        'If-Match': `"${current.version}"`,
      },
      body: JSON.stringify({ lifecycleStage: 'churned' }),
    });
    const lifecycle = await read<{ data: { changedAt: string }[] }>(
      fresh,
      `/v1/contacts/${contact.id}/lifecycle`,
    );
    await post(fresh, '/v1/orders', { contactId: contact.id, amount: { amount: 2_000, currency: 'EUR' } });
    // From the churn on: the return is the only thing in the window.
    const from = lifecycle.data.at(-1)!.changedAt;
    const to = new Date(Date.now() + 60_000).toISOString();
    const root = mount(
      withProvider(fresh, html`<chorus-lifecycle-funnel from=${from} to=${to}></chorus-lifecycle-funnel>`),
    );
    const element = funnelIn(root);
    await until(() => stages(element).length === 7, 'the stages');
    expect(shown(element)[5]![1]).toBe('1 entered');
    expect(textOf(stages(element)[5]!.querySelector('.returning'))).toBe('including 1 returning customer');
    expect(shown(element)[1]![1]).toBe('0 entered');
  });

  it('draws data it is given without a request', async () => {
    await testApi.resetRequests();
    const funnel: LifecycleFunnel = {
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      previousFrom: '2025-10-03T00:00:00.000Z',
      previousTo: '2026-01-01T00:00:00.000Z',
      compare: 'previous',
      stages: (
        [
          'subscriber',
          'lead',
          'marketing_qualified',
          'sales_qualified',
          'opportunity',
          'customer',
          'evangelist',
        ] as const
      ).map((stage, i) => ({
        stage,
        current: {
          entered: 100 - i * 12,
          conversionRate: 0.5,
          medianDaysToNext: 3.5,
          returning: stage === 'customer' ? 2 : 0,
        },
        previous: { entered: 90 - i * 10, conversionRate: 0.4, medianDaysToNext: 4, returning: 0 },
      })),
    };
    const root = mount(html`<chorus-lifecycle-funnel .funnel=${funnel}></chorus-lifecycle-funnel>`);
    const element = funnelIn(root);
    await until(() => stages(element).length === 7, 'the stages');
    expect(shown(element)[0]).toEqual(['Subscriber', '100 entered', 'previously 90']);
    expect(textOf(stages(element)[5]!.querySelector('.returning'))).toBe('including 2 returning customers');
    expect(textOf(element.shadowRoot!.querySelector('[part=step]'))).toContain(
      '50% went on to Lead previously 40% median 3.5 days',
    );
    expect((await testApi.requests()).filter((r) => r.path.startsWith('/v1/metrics'))).toEqual([]);
  });
});

describe('<chorus-lifecycle-funnel> on a phone', () => {
  /** Figures the element is given: no request, so only the layout is under test. */
  const fixedFunnel = (): LifecycleFunnel => ({
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-04-01T00:00:00.000Z',
    previousFrom: '2025-10-03T00:00:00.000Z',
    previousTo: '2026-01-01T00:00:00.000Z',
    compare: 'previous',
    stages: (
      [
        'subscriber',
        'lead',
        'marketing_qualified',
        'sales_qualified',
        'opportunity',
        'customer',
        'evangelist',
      ] as const
    ).map((stage, i) => ({
      stage,
      current: {
        entered: 1200 - i * 150,
        conversionRate: 0.5,
        medianDaysToNext: 3.5,
        returning: i === 5 ? 12 : 0,
      },
      previous: { entered: 1100 - i * 140, conversionRate: 0.4, medianDaysToNext: 4, returning: 0 },
    })),
  });

  it.each([
    ['en-US', 'ltr'],
    ['ar-EG', 'rtl'],
  ])(
    'at 375 px (%s) gives every bar at least half the funnel’s width, and nothing spills out',
    async (locale, dir) => {
      // 375 px wide, less the page's 16 px padding either side: what a phone leaves the element.
      const root = mount(
        html`<div dir=${dir}><chorus-lifecycle-funnel locale=${locale} .funnel=${fixedFunnel()}></chorus-lifecycle-funnel></div>`,
        343,
      );
      const element = funnelIn(root);
      await until(
        () =>
          stages(element).length === 7 &&
          (locale === 'en-US' || textOf(stages(element)[0]).includes('مشترك')),
        'the stages, in the locale’s words',
      );
      const width = element.getBoundingClientRect().width;
      for (const stage of stages(element)) {
        const track = stage.querySelector('svg.bar')!.getBoundingClientRect();
        expect(track.width, textOf(stage)).toBeGreaterThanOrEqual(width * 0.5);
        expect(stage.scrollWidth).toBeLessThanOrEqual(stage.clientWidth);
        for (const part of stage.querySelectorAll('.name, .count, .muted, .returning')) {
          const box = part.getBoundingClientRect();
          const frame = stage.getBoundingClientRect();
          expect(box.left).toBeGreaterThanOrEqual(frame.left - 0.5);
          expect(box.right).toBeLessThanOrEqual(frame.right + 0.5);
        }
      }
    },
  );

  it('keeps the figures beside the bar where there is room', async () => {
    const root = mount(
      html`<chorus-lifecycle-funnel .funnel=${fixedFunnel()}></chorus-lifecycle-funnel>`,
      720,
    );
    const element = funnelIn(root);
    await until(() => stages(element).length === 7, 'the stages');
    const stage = stages(element)[0]!;
    const name = stage.querySelector('.name')!.getBoundingClientRect();
    const bar = stage.querySelector('svg.bar')!.getBoundingClientRect();
    // One line: the name, the figures and the bar side by side.
    expect(bar.left).toBeGreaterThan(name.right);
    expect(Math.abs(bar.top + bar.height / 2 - (name.top + name.height / 2))).toBeLessThan(12);
  });
});
