import { translationProblems } from '@chorus/core';
import { describe, expect, it } from 'vitest';
import { METRICS_TILES_MESSAGES } from '../src/messages.js';
import { METRICS_TILES_TRANSLATIONS } from '../src/translations.js';

// Fails, listing each gap, when an English message of the metric tile and grid has no translation in a language it
// ships, a translation gains or loses a placeholder, or lacks a plural form the language needs.
describe('the metric tile and grid translations', () => {
  it('ship German, Japanese and Arabic', () => {
    expect(Object.keys(METRICS_TILES_TRANSLATIONS)).toEqual(['de', 'ja', 'ar']);
  });

  it.each(Object.keys(METRICS_TILES_TRANSLATIONS))(
    '%s translates every English message, its placeholders and plural forms',
    async (locale) => {
      const { messages } = await METRICS_TILES_TRANSLATIONS[locale]!();
      expect(translationProblems(METRICS_TILES_MESSAGES, messages, locale)).toEqual([]);
    },
  );
});
