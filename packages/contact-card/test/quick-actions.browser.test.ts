import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { call, expectNoAxeViolations, shadowTextOf, until, withProvider } from '@chorus/testing/browser';
import type { ChorusAssociationOpenEvent, ChorusContactCard } from '../src/index.js';
import { createContact, mount, shadow } from './support.js';

let api: BrowserApiInfo;

beforeAll(async () => {
  api = await testApi.freshWorkspace();
});

async function cardFor(contactId: string, attributes: 'quick-actions' | 'associations') {
  const root = mount(
    withProvider(
      api,
      attributes === 'quick-actions'
        ? html`<chorus-contact-card quick-actions contact-id=${contactId}></chorus-contact-card>`
        : html`<chorus-contact-card associations contact-id=${contactId}></chorus-contact-card>`,
    ),
  );
  const card = root.querySelector('chorus-contact-card') as ChorusContactCard;
  await until(() => shadowTextOf(card).includes('Recent activity'), 'the full card');
  return card;
}

const timeline = (card: ChorusContactCard) =>
  [...shadow(card).querySelectorAll('.activities li')].map((li) =>
    (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

describe('quick actions', () => {
  it('logs a call onto the timeline, and schedules a task that shows as due', async () => {
    const contact = await createContact(api, { firstName: 'Quin', lastName: 'Caller' });
    const card = await cardFor(contact.id, 'quick-actions');
    await userEvent.click(
      [...shadow(card).querySelectorAll<HTMLButtonElement>('[part=quick-actions] button')][1]!,
    );
    const form = () => shadow(card).querySelector<HTMLFormElement>('form.quick')!;
    expect(form().getAttribute('aria-label')).toBe('Log a call');
    await expectNoAxeViolations(card);
    await userEvent.fill(form().querySelector('textarea')!, 'Talked through the quote');
    await userEvent.click(form().querySelector<HTMLButtonElement>('button[type=submit]')!);
    await until(
      () => timeline(card).some((item) => item.startsWith('Call Talked through the quote')),
      'the call',
    );
    await until(() => shadowTextOf(card).includes('Added to the timeline.'), 'the confirmation');
    const logged = await call<{ data: { type: string; body: string }[] }>(
      api,
      'GET',
      `/v1/activities?contactId=${contact.id}`,
    );
    expect(logged.data).toMatchObject([{ type: 'call', body: 'Talked through the quote' }]);

    await userEvent.click(
      [...shadow(card).querySelectorAll<HTMLButtonElement>('[part=quick-actions] button')][3]!,
    );
    await userEvent.fill(form().querySelector('textarea')!, 'Send the contract');
    await userEvent.fill(form().querySelector('input[name=due]')!, '2099-03-02T09:00');
    await userEvent.click(form().querySelector<HTMLButtonElement>('button[type=submit]')!);
    await until(() => timeline(card).some((item) => item.includes('Send the contract')), 'the task');
    const task = timeline(card).find((item) => item.includes('Send the contract'))!;
    expect(task).toContain('Due Mar 2, 2099');
    const open = await call<{ data: { body: string }[] }>(api, 'GET', `/v1/tasks?contactId=${contact.id}`);
    expect(open.data.map((t) => t.body)).toEqual(['Send the contract']);
  });

  it('takes a refused note off the timeline and says why', async () => {
    const contact = await createContact(api, { firstName: 'Rae', lastName: 'Refused' });
    const card = await cardFor(contact.id, 'quick-actions');
    await userEvent.click(shadow(card).querySelector<HTMLButtonElement>('[part=quick-actions] button')!);
    const form = shadow(card).querySelector<HTMLFormElement>('form.quick')!;
    // A script (or an autofill) can put more in the field than its maxlength: the server refuses it.
    form.querySelector('textarea')!.value = 'x'.repeat(2001);
    await userEvent.click(form.querySelector<HTMLButtonElement>('button[type=submit]')!);
    await until(() => !!shadow(card).querySelector('.status.refused'), 'the refusal');
    expect(shadowTextOf(card)).toContain('Not saved, and taken off the timeline:');
    expect(shadow(card).querySelector('.status.refused')!.getAttribute('role')).toBe('alert');
    expect(timeline(card).some((item) => item.includes('xxxx'))).toBe(false);
    expect(
      (await call<{ data: unknown[] }>(api, 'GET', `/v1/activities?contactId=${contact.id}`)).data,
    ).toEqual([]);
  });
});

describe('associations', () => {
  it('lists deals (open and won with values), open tickets and the company, each opening through an event', async () => {
    const company = await call<{ id: string }>(api, 'POST', '/v1/companies', { name: 'Fabrikam Audio' });
    const contact = await createContact(api, {
      firstName: 'Asa',
      lastName: 'Sociated',
      companyId: company.id,
    });
    const pipeline = await call<{ id: string; stages: { id: string }[] }>(api, 'POST', '/v1/pipelines', {
      name: 'Sales',
      stages: [
        { name: 'Lead in', probability: 0.1, definition: 'Interest shown.' },
        { name: 'Won', kind: 'won', probability: 1, definition: 'Signed.' },
        { name: 'Lost', kind: 'lost', probability: 0, definition: 'Said no.' },
      ],
    });
    const deal = (title: string, amount: number, stage: number) =>
      call<{ id: string }>(api, 'POST', '/v1/deals', {
        title,
        value: { amount, currency: 'EUR' },
        pipelineId: pipeline.id,
        stageId: pipeline.stages[stage]!.id,
        contactId: contact.id,
        ...(stage === 2 ? { lostReason: 'No budget' } : {}),
      });
    const monitors = await deal('Monitors', 100_000, 0);
    await deal('Desks', 50_000, 0);
    await deal('Chairs', 30_000, 1);
    await deal('Lamps', 9_000, 2);
    const ticket = await call<{ id: string; version: number }>(api, 'POST', '/v1/tickets', {
      contactId: contact.id,
      subject: 'Hum in the left speaker',
    });
    const closed = await call<{ id: string; version: number }>(api, 'POST', '/v1/tickets', {
      contactId: contact.id,
      subject: 'Invoice copy',
    });
    await call(
      api,
      'PATCH',
      `/v1/tickets/${closed.id}`,
      { status: 'resolved' },
      { 'If-Match': `"${closed.version}"` },
    );

    const card = await cardFor(contact.id, 'associations');
    const section = () => shadow(card).querySelector('[part=associations]');
    await until(
      () =>
        (section()?.textContent ?? '').includes('Open tickets (1)') &&
        (section()?.textContent ?? '').includes('Fabrikam'),
      'the associations',
    );
    const text = (section()!.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Deals (4)');
    expect(text).toContain('2 open (€1,500.00), 1 won (€300.00)');
    expect(text).toContain('Monitors · €1,000.00 · open');
    expect(text).toContain('Lamps · €90.00 · lost');
    expect(text).toContain('Hum in the left speaker');
    expect(text).not.toContain('Invoice copy');
    await expectNoAxeViolations(card);

    const opened: ChorusAssociationOpenEvent[] = [];
    card.addEventListener('chorus-association-open', (e) => opened.push(e));
    const button = (label: string) =>
      [...section()!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
        (b.textContent ?? '').includes(label),
      )!;
    await userEvent.click(button('Monitors'));
    await userEvent.click(button('Hum in the left speaker'));
    await userEvent.click(button('Fabrikam Audio'));
    expect(opened.map((e) => [e.kind, e.id])).toEqual([
      ['deal', monitors.id],
      ['ticket', ticket.id],
      ['company', company.id],
    ]);
  });
});
