import { translationProblems } from '@chorus/core';
import { describe, expect, it } from 'vitest';
import { CONTACT_CARD_MESSAGES } from '../src/messages.js';
import { CONTACT_CARD_TRANSLATIONS } from '../src/translations.js';

// Fails, listing each gap, when an English message of the contact card has no translation in a language it
// ships, a translation gains or loses a placeholder, or lacks a plural form the language needs.
describe('the contact card translations', () => {
  it('ship German, Japanese and Arabic', () => {
    expect(Object.keys(CONTACT_CARD_TRANSLATIONS)).toEqual(['de', 'ja', 'ar']);
  });

  it.each(Object.keys(CONTACT_CARD_TRANSLATIONS))(
    '%s translates every English message, its placeholders and plural forms',
    async (locale) => {
      const { messages } = await CONTACT_CARD_TRANSLATIONS[locale]!();
      expect(translationProblems(CONTACT_CARD_MESSAGES, messages, locale)).toEqual([]);
    },
  );
});
