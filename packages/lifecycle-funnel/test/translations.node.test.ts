import { translationProblems } from '@chorus/core';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_FUNNEL_MESSAGES } from '../src/messages.js';
import { LIFECYCLE_FUNNEL_TRANSLATIONS } from '../src/translations.js';

// Fails, listing each gap, when an English message of the funnel or the campaign table has no translation in a
// language it ships, a translation gains or loses a placeholder, or lacks a plural form the language needs.
describe('the funnel and campaign table translations', () => {
  it('ship German, Japanese and Arabic', () => {
    expect(Object.keys(LIFECYCLE_FUNNEL_TRANSLATIONS)).toEqual(['de', 'ja', 'ar']);
  });

  it.each(Object.keys(LIFECYCLE_FUNNEL_TRANSLATIONS))(
    '%s translates every English message, its placeholders and plural forms',
    async (locale) => {
      const { messages } = await LIFECYCLE_FUNNEL_TRANSLATIONS[locale]!();
      expect(translationProblems(LIFECYCLE_FUNNEL_MESSAGES, messages, locale)).toEqual([]);
    },
  );
});
