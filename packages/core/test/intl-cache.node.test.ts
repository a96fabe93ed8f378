import { describe, expect, it } from 'vitest';
import { Formatter } from '../src/format.js';
import { intl } from '../src/intl-cache.js';

describe('intl cache', () => {
  it('builds one formatter per constructor, locale and options, shared by every caller', () => {
    const euro = intl(Intl.NumberFormat, 'de-DE', { style: 'currency', currency: 'EUR' });
    expect(intl(Intl.NumberFormat, 'de-DE', { style: 'currency', currency: 'EUR' })).toBe(euro);
    expect(intl(Intl.NumberFormat, 'de-DE', { style: 'currency', currency: 'USD' })).not.toBe(euro);
    expect(intl(Intl.NumberFormat, 'en-US', { style: 'currency', currency: 'EUR' })).not.toBe(euro);
    expect(intl(Intl.PluralRules, 'de-DE')).not.toBe(euro);
    // German puts a no-break space before the sign.
    expect(euro.format(1234.5)).toBe('1.234,50\u00a0€');
  });

  it('lets two formatters of one locale share what they build', () => {
    const first = new Formatter('ja-JP');
    const second = new Formatter('ja-JP');
    expect(first.money(123_400, 'JPY')).toBe('￥123,400');
    expect(second.money(123_400, 'JPY')).toBe('￥123,400');
    expect(intl(Intl.NumberFormat, 'ja-JP', { style: 'currency', currency: 'JPY' }).format(1)).toBe('￥1');
  });
});
