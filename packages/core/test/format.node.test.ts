import { describe, expect, it } from 'vitest';
import { Formatter, minorDigits } from '../src/format.js';
import { formatMessage } from '../src/messages.js';
import { mailtoUrl, safeUrl, telUrl } from '../src/safe-url.js';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('Formatter', () => {
  it('formats minor units as money in each locale, knowing that yen have no cents', () => {
    expect(new Formatter('en-US').money(123456, 'EUR')).toBe('€1,234.56');
    expect(nbsp(new Formatter('de-DE').money(123456, 'EUR'))).toBe('1.234,56 €');
    expect(new Formatter('ja-JP').money(123456, 'JPY')).toBe('￥123,456');
    expect(new Formatter('en-US').money(123456789, 'USD', { compact: true })).toBe('$1.2M');
  });

  it('knows each currency’s minor units, and scales money by them', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('BHD'), minorDigits('CLP')]).toEqual([
      2, 0, 3, 0,
    ]);
    expect(nbsp(new Formatter('en-US').money(1234567, 'BHD'))).toBe('BHD 1,234.567');
  });

  it('formats fractions as percent and lengths of time with their units', () => {
    expect(new Formatter('en-US').percent(0.021)).toBe('2.1%');
    expect(nbsp(new Formatter('de-DE').percent(0.5))).toBe('50 %');
    expect(new Formatter('en-US').duration(3, 'day')).toBe('3 days');
    expect(new Formatter('de-DE').duration(1, 'hour')).toBe('1 Stunde');
  });

  it('says relative times in the largest fitting unit', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const f = new Formatter('en-US');
    expect(f.relativeTime('2026-03-07T12:00:00Z', now)).toBe('3 days ago');
    expect(f.relativeTime('2026-03-09T12:00:00Z', now)).toBe('yesterday');
    expect(f.relativeTime('2026-03-10T14:00:00Z', now)).toBe('in 2 hours');
    expect(new Formatter('de-DE').relativeTime('2026-03-07T12:00:00Z', now)).toBe('vor 3 Tagen');
  });
});

describe('messages', () => {
  const defaults = { greeting: 'Hello {name}', 'days.one': '{count} day', 'days.other': '{count} days' };
  it('fills placeholders, picks plural forms and prefers overrides', () => {
    expect(formatMessage('en', defaults, {}, 'greeting', { name: 'Mara' })).toBe('Hello Mara');
    expect(formatMessage('en', defaults, {}, 'days', { count: 1 })).toBe('1 day');
    expect(formatMessage('en', defaults, {}, 'days', { count: 4 })).toBe('4 days');
    expect(formatMessage('de', defaults, { greeting: 'Hallo {name}' }, 'greeting', { name: 'Mara' })).toBe(
      'Hallo Mara',
    );
  });
  it('shows the key of a message that does not exist, rather than nothing', () => {
    expect(formatMessage('en', defaults, {}, 'missing.key')).toBe('missing.key');
  });
});

describe('URLs from data', () => {
  it('keeps safe schemes and drops script ones', () => {
    expect(safeUrl('https://example.com/a')).toBe('https://example.com/a');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>')).toBeUndefined();
  });
  it('builds mailto and tel links only from plausible values', () => {
    expect(mailtoUrl('mara@example.com')).toBe('mailto:mara@example.com');
    expect(mailtoUrl('javascript:alert(1)//@x')).toMatch(/^mailto:/);
    expect(mailtoUrl('not an email')).toBeUndefined();
    expect(mailtoUrl('<img src=x>@x.y')).toBeUndefined();
    expect(telUrl('+44 20 7946 0958')).toBe('tel:+442079460958');
    expect(telUrl('call me')).toBeUndefined();
  });
});
