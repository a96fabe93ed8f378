import { testApi } from '@chorus/api/testing/browser-client';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { call, expectNoAxeViolations, textOf, until, withProvider } from '@chorus/testing/browser';
import type { ChorusContactOpenEvent, ChorusDealCard } from '../src/index.js';
import '../src/define-deal-card.js';
import { boardFixture, mount, shadow } from './support.js';

beforeAll(async () => {
  await page.viewport(1000, 900);
});

/** A deal with a contact and a company in a fresh workspace, shown in a connected deal card. */
async function connectedCard() {
  const api = await testApi.freshWorkspace();
  const { pipeline } = await boardFixture(api);
  const company = await call(api, 'POST', '/v1/companies', { name: 'Northwind Studios' });
  const contact = await call(api, 'POST', '/v1/contacts', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    companyId: company.id,
  });
  const deal = await call(api, 'POST', '/v1/deals', {
    title: 'Twelve monitors',
    value: { amount: 1_250_000, currency: 'EUR' },
    pipelineId: pipeline.id,
    stageId: pipeline.stages[1].id,
    contactId: contact.id,
    companyId: company.id,
    expectedCloseDate: '2026-12-31',
  });
  const root = mount(withProvider(api, html`<chorus-deal-card deal-id=${deal.id}></chorus-deal-card>`));
  const card = root.querySelector('chorus-deal-card') as ChorusDealCard;
  await until(() => textOf(shadow(card).querySelector('dl')).includes('Ada Lovelace'), 'the facts');
  return { api, pipeline, contact, deal, card };
}

const facts = (card: Element) =>
  Object.fromEntries(
    [...shadow(card).querySelectorAll('dt')].map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]),
  );

describe('<chorus-deal-card>', () => {
  it("shows the deal's facts with its stage's definition and probability", async () => {
    const { card } = await connectedCard();
    // The company and the pipeline (the stage's name and probability) are two reads that land in
    // either order; "…" stands for a fact still loading.
    await until(
      () => facts(card)['Company'] === 'Northwind Studios' && facts(card)['Probability'] !== '…',
      'the company and the stage',
    );
    expect(textOf(shadow(card).querySelector('h2'))).toBe('Twelve monitors');
    expect(facts(card)).toEqual({
      Value: '€12,500.00',
      Stage: expect.stringMatching(/^Qualified\s*Budget confirmed\.$/),
      Probability: '30%',
      'Expected close': 'Dec 31, 2026',
      Owner: 'None',
      Contact: 'Ada Lovelace',
      Company: 'Northwind Studios',
      'In this stage': '0 days',
    });
    expect(textOf(shadow(card).querySelector('[part=definition]'))).toBe('Budget confirmed.');
    await until(() => textOf(shadow(card).querySelector('[part=tasks]')).includes('No open tasks.'), 'tasks');
    await expectNoAxeViolations(card);
  });

  it('edits the value with If-Match and keeps it after reload', async () => {
    const { api, deal, card } = await connectedCard();
    await userEvent.click(shadow(card).querySelector<HTMLButtonElement>('header button')!);
    const amount = shadow(card).querySelector<HTMLInputElement>('input[name=amount]')!;
    expect(amount.value).toBe('12500');
    await userEvent.fill(amount, '15000');
    await userEvent.click(shadow(card).querySelector<HTMLButtonElement>('form.editor button[type=submit]')!);
    await until(() => textOf(shadow(card).querySelector('[role=status]')) === 'Saved.', 'saved');
    await until(() => facts(card)['Value'] === '€15,000.00', 'the new value');
    const saved = await call(api, 'GET', `/v1/deals/${deal.id}`);
    expect(saved).toMatchObject({ value: { amount: 1_500_000, currency: 'EUR' }, version: deal.version + 1 });
  });

  it('shows the newer version when someone else saved first (412), and says the edit was not saved', async () => {
    const { api, deal, card } = await connectedCard();
    await userEvent.click(shadow(card).querySelector<HTMLButtonElement>('header button')!);
    await call(
      api,
      'PATCH',
      `/v1/deals/${deal.id}`,
      { title: 'Fourteen monitors' },
      { 'If-Match': `"${deal.version}"` },
    );
    await userEvent.fill(shadow(card).querySelector<HTMLInputElement>('input[name=amount]')!, '9999');
    await userEvent.click(shadow(card).querySelector<HTMLButtonElement>('form.editor button[type=submit]')!);
    await until(
      () => textOf(shadow(card).querySelector('[role=status]')).startsWith('Someone else'),
      'the conflict',
    );
    await until(() => textOf(shadow(card).querySelector('h2')) === 'Fourteen monitors', 'their version');
    expect(facts(card)['Value']).toBe('€12,500.00');
    expect(shadow(card).querySelector('form.editor')).toBeNull();
    expect((await call(api, 'GET', `/v1/deals/${deal.id}`)).value.amount).toBe(1_250_000);
  });

  it("shows the API's problem beside the field it names", async () => {
    const { card } = await connectedCard();
    await userEvent.click(shadow(card).querySelector<HTMLButtonElement>('header button')!);
    await userEvent.fill(shadow(card).querySelector<HTMLInputElement>('input[name=amount]')!, 'a lot');
    await userEvent.click(shadow(card).querySelector<HTMLButtonElement>('form.editor button[type=submit]')!);
    await until(() => textOf(shadow(card).querySelector('#deal-amount-error')) !== '', 'the field error');
    expect(textOf(shadow(card).querySelector('#deal-amount-error'))).toBe(
      'Enter the value as a number, such as 1200 or 1200.50.',
    );
    expect(shadow(card).querySelector('input[name=amount]')!.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(card);
  });

  it('schedules a task on the deal, lists it as open, and marks it done', async () => {
    const { api, deal, card } = await connectedCard();
    const form = shadow(card).querySelector<HTMLFormElement>('form.schedule')!;
    await userEvent.selectOptions(form.querySelector('select')!, 'call');
    await userEvent.fill(form.querySelector('input[name=body]')!, 'Call about delivery');
    await userEvent.fill(form.querySelector('input[name=due]')!, '2099-05-01T10:30');
    await userEvent.click(form.querySelector<HTMLButtonElement>('button[type=submit]')!);
    const tasks = () => textOf(shadow(card).querySelector('[part=tasks]'));
    await until(() => tasks().includes('Call about delivery'), 'the task listed');
    expect(tasks()).toContain('Due May 1, 2099');
    const [task] = (await call(api, 'GET', `/v1/tasks?dealId=${deal.id}`)).data;
    expect(task).toMatchObject({ type: 'call', body: 'Call about delivery', completedAt: null });
    expect(new Date(task.dueAt).getTime()).toBe(new Date('2099-05-01T10:30').getTime());
    await userEvent.click(shadow(card).querySelector<HTMLButtonElement>('[part=tasks] button')!);
    await until(() => tasks().includes('No open tasks.'), 'the task done');
    await until(
      () => textOf(shadow(card).querySelector('[part=activity]')).includes('Call about delivery'),
      'in the activity',
    );
  });

  it('fires chorus-contact-open for its contact', async () => {
    const { contact, card } = await connectedCard();
    const opened: ChorusContactOpenEvent[] = [];
    card.addEventListener('chorus-contact-open', (e) => opened.push(e));
    await userEvent.click(shadow(card).querySelector<HTMLButtonElement>('dd button.link')!);
    expect(opened.map((e) => e.contactId)).toEqual([contact.id]);
  });
});
