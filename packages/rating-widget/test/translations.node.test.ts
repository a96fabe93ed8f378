import { translationProblems } from '@chorus/core';
import { describe, expect, it } from 'vitest';
import { RATING_MESSAGES, REVIEWS_MESSAGES } from '../src/messages.js';
import { RATING_TRANSLATIONS, REVIEWS_TRANSLATIONS } from '../src/translations.js';

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

// The same for the strings only <chorus-reviews> shows, whose chunks are their own.
describe('the reviews translations', () => {
  it('ship the same languages as the rating widgets', () => {
    expect(Object.keys(REVIEWS_TRANSLATIONS)).toEqual(Object.keys(RATING_TRANSLATIONS));
  });

  it.each(Object.keys(REVIEWS_TRANSLATIONS))(
    '%s translates every English message, its placeholders and plural forms',
    async (locale) => {
      const { messages } = await REVIEWS_TRANSLATIONS[locale]!();
      expect(translationProblems(REVIEWS_MESSAGES, messages, locale)).toEqual([]);
    },
  );
});
