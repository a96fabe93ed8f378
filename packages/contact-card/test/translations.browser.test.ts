import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import type { Contact } from '@chorus/sdk';
import { html } from 'lit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, expectNoAxeViolations, shadowTextOf, until, withProvider } from '@chorus/testing/browser';
import type { ChorusContactCard } from '../src/index.js';
import { mount, shadow } from './support.js';

let demo: BrowserApiInfo;
let customer: Contact;

beforeAll(async () => {
  demo = await testApi.demo();
  customer = (await call<{ data: Contact[] }>(demo, 'GET', '/v1/contacts?lifecycleStage=customer&limit=1'))
    .data[0]!;
});

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

const cardIn = (root: HTMLElement) => root.querySelector('chorus-contact-card') as ChorusContactCard;

/** What inside `base` paints past its left or right edge (in RTL a misplaced box spills to the left). */
function outside(base: HTMLElement): string[] {
  const box = base.getBoundingClientRect();
  return [...(base.getRootNode() as ShadowRoot).querySelectorAll('*')]
    .filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && (rect.right > box.right + 0.5 || rect.left < box.left - 0.5);
    })
    .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
}

describe('the contact card in other languages', () => {
  it('speaks German under a de-DE provider: labels, stage and activity', async () => {
    const root = mount(
      withProvider(demo, html`<chorus-contact-card contact-id=${customer.id}></chorus-contact-card>`, {
        locale: 'de-DE',
      }),
    );
    const card = cardIn(root);
    await until(() => shadowTextOf(card).includes('Letzte Aktivitäten'), 'German labels');
    const text = shadowTextOf(card);
    expect(text).toContain('Einblicke');
    expect(text).toContain('Kundenwert');
    expect(text).toContain('Bestellungen');
    expect(text).not.toContain('Recent activity');
    expect(text).not.toContain('Lifetime value');
    await expectNoAxeViolations(card);
  });

  it('speaks Arabic right to left under an ar-EG provider, in Arabic digits, and fits its box', async () => {
    const root = mount(
      html`<div dir="rtl" lang="ar-EG">${withProvider(demo, html`<chorus-contact-card contact-id=${customer.id}></chorus-contact-card>`, { locale: 'ar-EG' })}</div>`,
    );
    const card = cardIn(root);
    await until(() => shadowTextOf(card).includes('النشاط الأخير'), 'Arabic labels');
    const text = shadowTextOf(card);
    expect(text).toContain('رؤى');
    expect(text).toContain('القيمة الدائمة للعميل');
    expect(text).not.toContain('Recent activity');
    // One digit system: the locale's (Arabic-Indic in ar-EG), from Intl, for figures and messages alike.
    expect(text).toMatch(/[٠-٩]/);
    const base = shadow(card).querySelector('[part~=base]') as HTMLElement;
    expect(getComputedStyle(base).direction).toBe('rtl');
    expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth);
    expect(outside(base)).toEqual([]);
    await expectNoAxeViolations(root);
  });

  it('takes its language from its own lang attribute, falling back from de-AT to German', async () => {
    const root = mount(html`<chorus-contact-card lang="de-AT" .contact=${customer}></chorus-contact-card>`);
    const card = cardIn(root);
    await until(() => shadowTextOf(card).includes('Kunde'), 'German from lang="de-AT"');
    expect(shadowTextOf(card)).not.toContain('Customer');
  });

  it('takes its language from the page’s <html lang> when nothing closer says one', async () => {
    document.documentElement.lang = 'ja';
    const root = mount(html`<chorus-contact-card .contact=${customer}></chorus-contact-card>`);
    const card = cardIn(root);
    await until(() => shadowTextOf(card).includes('顧客'), 'Japanese from <html lang>');
    expect(shadowTextOf(card)).not.toContain('Customer');
  });
});
