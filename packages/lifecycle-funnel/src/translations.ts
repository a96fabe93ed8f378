import type { MessageLoaders } from '@chorus/core';

/** The funnel's and campaign table's translations, one module per language, downloaded only when a locale asks for one. */
export const LIFECYCLE_FUNNEL_TRANSLATIONS: MessageLoaders = {
  de: () => import('./messages/de.js'),
  ja: () => import('./messages/ja.js'),
  ar: () => import('./messages/ar.js'),
};
