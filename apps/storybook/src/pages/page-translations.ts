import type { MessageCatalogue, MessageLoaders } from '@chorus/core';
import { LIFECYCLE_FUNNEL_TRANSLATIONS } from '@chorus/lifecycle-funnel';

type Loader = () => Promise<{ messages: MessageCatalogue }>;

/** The pages' own translations, one module per language, loaded when a locale asks for one. */
const OWN: Record<string, Loader> = {
  de: () => import('./messages/de.js'),
  ja: () => import('./messages/ja.js'),
  ar: () => import('./messages/ar.js'),
};

/**
 * The pages' translations with the funnel's (the panel names the funnel's stages and channels in
 * the same words): each language's two catalogues in one load.
 */
export const PAGE_TRANSLATIONS: MessageLoaders = Object.fromEntries(
  Object.entries(OWN).map(([language, own]) => [
    language,
    async () => {
      const [funnel, page] = await Promise.all([LIFECYCLE_FUNNEL_TRANSLATIONS[language]?.(), own()]);
      return { messages: { ...funnel?.messages, ...page.messages } };
    },
  ]),
);

/** For the translation check: each language's own catalogue alone. */
export const PAGE_TRANSLATION_MODULES = OWN;
