import { translationProblems } from '@chorus/core';
import { describe, expect, it } from 'vitest';
import { DEAL_CARD_MESSAGES, PIPELINE_BOARD_MESSAGES } from '../src/messages.js';
import { DEAL_CARD_TRANSLATIONS, PIPELINE_BOARD_TRANSLATIONS } from '../src/translations.js';

// Fails, listing each gap, when an English message of the pipeline board has no translation in a language it
// ships, a translation gains or loses a placeholder, or lacks a plural form the language needs.
describe('the pipeline board translations', () => {
  it('ship German, Japanese and Arabic', () => {
    expect(Object.keys(PIPELINE_BOARD_TRANSLATIONS)).toEqual(['de', 'ja', 'ar']);
  });

  it.each(Object.keys(PIPELINE_BOARD_TRANSLATIONS))(
    '%s translates every English message, its placeholders and plural forms',
    async (locale) => {
      const { messages } = await PIPELINE_BOARD_TRANSLATIONS[locale]!();
      expect(translationProblems(PIPELINE_BOARD_MESSAGES, messages, locale)).toEqual([]);
    },
  );
});

// The same for the deal card, whose strings are chunks of their own.
describe('the deal card translations', () => {
  it('ship the same languages as the board', () => {
    expect(Object.keys(DEAL_CARD_TRANSLATIONS)).toEqual(Object.keys(PIPELINE_BOARD_TRANSLATIONS));
  });

  it.each(Object.keys(DEAL_CARD_TRANSLATIONS))(
    '%s translates every English message, its placeholders and plural forms',
    async (locale) => {
      const { messages } = await DEAL_CARD_TRANSLATIONS[locale]!();
      expect(translationProblems(DEAL_CARD_MESSAGES, messages, locale)).toEqual([]);
    },
  );
});
