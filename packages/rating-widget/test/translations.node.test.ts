import { translationProblems } from '@chorus/core';
import { describe, expect, it } from 'vitest';
import { RATING_MESSAGES } from '../src/messages.js';
import { RATING_TRANSLATIONS } from '../src/translations.js';

// Fails, listing each gap, when an English message of the rating widgets has no translation in a language it
// ships, a translation gains or loses a placeholder, or lacks a plural form the language needs.
describe('the rating widgets translations', () => {
  it('ship German, Japanese and Arabic', () => {
    expect(Object.keys(RATING_TRANSLATIONS)).toEqual(['de', 'ja', 'ar']);
  });

  it.each(Object.keys(RATING_TRANSLATIONS))(
    '%s translates every English message, its placeholders and plural forms',
    async (locale) => {
      const { messages } = await RATING_TRANSLATIONS[locale]!();
      expect(translationProblems(RATING_MESSAGES, messages, locale)).toEqual([]);
    },
  );
});
