import { describe, expect, it } from 'vitest';
import {
  CORE_MESSAGES,
  formatMessage,
  loadMessages,
  localeChain,
  type MessageCatalogue,
  registerMessages,
} from '../src/messages.js';
import { translationProblems } from '../src/translation-check.js';
import { CORE_TRANSLATIONS } from '../src/translations.js';

const FSI = '\u2068';
const PDI = '\u2069';

const english = {
  'test.greeting': 'Hello {name}',
  'test.deals.one': '{n} deal',
  'test.deals.other': '{n} deals',
  'test.outOf': '{value} of 5',
} satisfies MessageCatalogue;

describe('translationProblems', () => {
  it('passes a complete translation', () => {
    const de = {
      'test.greeting': 'Hallo {name}',
      'test.deals.one': '{n} Deal',
      'test.deals.other': '{n} Deals',
      'test.outOf': '{value} von 5',
    };
    expect(translationProblems(english, de, 'de')).toEqual([]);
  });

  it('names a missing key, a lost or added placeholder, a missing plural form and a stale key', () => {
    const broken = {
      'test.greeting': 'Hallo',
      'test.deals.one': '{n} Deal',
      'test.outOf': '{value} von {max}',
      'test.gone': 'Weg',
    };
    expect(translationProblems(english, broken, 'de')).toEqual([
      'de: test.deals.other is missing (the plural form "other" of test.deals)',
      'de: test.greeting has placeholders none, the English {name}',
      'de: test.outOf has placeholders {value} {max}, the English {value}',
      'de: test.gone is not in the English catalogue',
    ]);
  });

  it('asks Arabic for all six plural forms, lets one and two say the number in words, and Japanese for one', () => {
    const ar = {
      'test.greeting': 'مرحبًا {name}',
      'test.deals.one': 'صفقة واحدة',
      'test.deals.two': 'صفقتان',
      'test.deals.other': '{n} صفقة',
      'test.outOf': '{value} من 5',
    };
    expect(translationProblems(english, ar, 'ar')).toEqual([
      'ar: test.deals.few is missing (the plural form "few" of test.deals)',
      'ar: test.deals.many is missing (the plural form "many" of test.deals)',
      'ar: test.deals.zero is missing (the plural form "zero" of test.deals)',
    ]);
    const ja = {
      'test.greeting': '{name} さん',
      'test.deals.one': '{n} 件',
      'test.deals.other': '{n} 件',
      'test.outOf': '5 点中 {value}',
    };
    expect(translationProblems(english, ja, 'ja')).toEqual([
      'ja: test.deals.one is a plural form ja does not use',
    ]);
  });

  it.each(Object.keys(CORE_TRANSLATIONS))('the core’s %s translates every core message', async (locale) => {
    const { messages } = await CORE_TRANSLATIONS[locale]!();
    expect(translationProblems(CORE_MESSAGES, messages, locale)).toEqual([]);
  });
});

describe('formatMessage in a locale', () => {
  it('writes digits the template spells out in the locale’s script only: no separators, no lost zeros', () => {
    const hint = { hint: 'Enter a number, such as 1200 or 1200.05.' };
    expect(formatMessage('en-US', hint, {}, 'hint')).toBe('Enter a number, such as 1200 or 1200.05.');
    expect(formatMessage('ar-EG', hint, {}, 'hint')).toBe('Enter a number, such as ١٢٠٠ or ١٢٠٠.٠٥.');
    // A number given as a value is formatted for the locale, separators and all.
    expect(formatMessage('en-US', { n: '{n} deals' }, {}, 'n', { n: 1200 })).toBe('1,200 deals');
  });

  registerMessages('de', {
    'test.greeting': 'Hallo {name}',
    'test.deals.one': '{n} Deal',
    'test.deals.other': '{n} Deals',
  });
  registerMessages('de-AT', { 'test.greeting': 'Servus {name}' });
  registerMessages('ar', {
    'test.deals.zero': 'لا صفقات',
    'test.deals.one': 'صفقة واحدة',
    'test.deals.two': 'صفقتان',
    'test.deals.few': '{n} صفقات',
    'test.deals.many': '{n} صفقة',
    'test.deals.other': '{n} صفقة',
    'test.outOf': '{value} من 5',
  });

  it('falls back from de-AT to de to English, key by key', () => {
    expect(formatMessage('de-AT', english, {}, 'test.greeting', { name: 'Mara' })).toBe('Servus Mara');
    expect(formatMessage('de-DE', english, {}, 'test.greeting', { name: 'Mara' })).toBe('Hallo Mara');
    expect(formatMessage('de-AT', english, {}, 'test.deals', { count: 2, n: '2' })).toBe('2 Deals');
    expect(formatMessage('de-AT', english, {}, 'test.outOf', { value: 4 })).toBe('4 of 5');
    expect(formatMessage('fr', english, {}, 'test.greeting', { name: 'Mara' })).toBe('Hello Mara');
    expect(localeChain('de-AT')).toEqual(['de-at', 'de']);
  });

  it('lets the page’s overrides win over a translation', () => {
    expect(
      formatMessage('de-AT', english, { 'test.greeting': 'Grüß Gott {name}' }, 'test.greeting', {
        name: 'Mara',
      }),
    ).toBe('Grüß Gott Mara');
  });

  it('picks each of Arabic’s six plural forms', () => {
    const deals = (count: number) => formatMessage('ar', english, {}, 'test.deals', { count, n: count });
    expect([0, 1, 2, 3, 11, 100].map(deals)).toEqual([
      'لا صفقات',
      'صفقة واحدة',
      'صفقتان',
      '3 صفقات',
      '11 صفقة',
      '100 صفقة',
    ]);
  });

  it('writes numbers, in placeholders and in the template, in the locale’s one digit system', () => {
    expect(formatMessage('ar-EG', english, {}, 'test.outOf', { value: 4 })).toBe('٤ من ٥');
    expect(formatMessage('ar-EG', english, {}, 'test.deals', { count: 3, n: 3 })).toBe('٣ صفقات');
    expect(formatMessage('en', english, {}, 'test.deals', { count: 1200, n: 1200 })).toBe('1,200 deals');
  });

  it('isolates user text in a right-to-left sentence, and right-to-left text in a left-to-right one', () => {
    expect(
      formatMessage('ar', { 'test.moved': 'نُقلت الصفقة {deal}' }, {}, 'test.moved', { deal: 'Acme GmbH' }),
    ).toBe(`نُقلت الصفقة ${FSI}Acme GmbH${PDI}`);
    expect(formatMessage('en', english, {}, 'test.greeting', { name: 'مريم' })).toBe(
      `Hello ${FSI}مريم${PDI}`,
    );
    expect(formatMessage('en', english, {}, 'test.greeting', { name: 'Mara' })).toBe('Hello Mara');
  });
});

describe('loadMessages', () => {
  it('loads a language once for every element that asks, then answers that nothing is pending', async () => {
    let calls = 0;
    const table = {
      xx: async () => {
        calls += 1;
        return { messages: { 'test.greeting': 'Xallo {name}' } };
      },
    };
    const first = loadMessages('xx-YY', [table]);
    const second = loadMessages('xx', [undefined, table]);
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBeInstanceOf(Promise);
    await Promise.all([first, second]);
    expect(calls).toBe(1);
    expect(loadMessages('xx-YY', [table])).toBeUndefined();
    expect(formatMessage('xx-YY', english, {}, 'test.greeting', { name: 'Mara' })).toBe('Xallo Mara');
  });

  it('keeps English when a language cannot be loaded, and does not ask again', async () => {
    let calls = 0;
    const table = {
      zz: () => {
        calls += 1;
        return Promise.reject(new Error('offline'));
      },
    };
    await loadMessages('zz', [table]);
    expect(loadMessages('zz', [table])).toBeUndefined();
    expect(calls).toBe(1);
    expect(formatMessage('zz', english, {}, 'test.greeting', { name: 'Mara' })).toBe('Hello Mara');
  });
});
