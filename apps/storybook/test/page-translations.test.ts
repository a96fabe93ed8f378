import { translationProblems } from '@chorus/core';
import { LIFECYCLE_FUNNEL_MESSAGES } from '@chorus/lifecycle-funnel';
import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGES } from '../src/pages/page-messages.js';
import { PAGE_TRANSLATION_MODULES, PAGE_TRANSLATIONS } from '../src/pages/page-translations.js';

// Fails, listing each gap, when an English string of the demo pages (the stage-entries panel, the
// Marketing page, the sales workspace's link to it) has no translation in a language the kit ships,
// a translation gains or loses a placeholder, or lacks a plural form the language needs.
describe('the demo pages’ translations', () => {
  it('ship German, Japanese and Arabic, as the elements do', () => {
    expect(Object.keys(PAGE_TRANSLATION_MODULES)).toEqual(['de', 'ja', 'ar']);
    expect(Object.keys(PAGE_TRANSLATIONS)).toEqual(['de', 'ja', 'ar']);
  });

  it.each(Object.keys(PAGE_TRANSLATION_MODULES))(
    '%s translates every English message, its placeholders and plural forms',
    async (locale) => {
      const { messages } = await PAGE_TRANSLATION_MODULES[locale]!();
      expect(translationProblems(PAGE_MESSAGES, messages, locale)).toEqual([]);
    },
  );

  it.each(Object.keys(PAGE_TRANSLATIONS))(
    '%s loads the pages’ words and the funnel’s stage names in one go',
    async (locale) => {
      const { messages } = await PAGE_TRANSLATIONS[locale]!();
      for (const key of [...Object.keys(PAGE_MESSAGES), ...Object.keys(LIFECYCLE_FUNNEL_MESSAGES)]) {
        if (key.endsWith('.one')) continue;
        expect(messages[key] ?? messages[`${key.replace(/\.other$/, '')}.other`], key).toBeTruthy();
      }
    },
  );
});
