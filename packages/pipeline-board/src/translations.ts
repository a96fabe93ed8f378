import type { MessageLoaders } from '@chorus/core';

/** The board's translations, one module per language, downloaded only when a locale asks for one. */
export const PIPELINE_BOARD_TRANSLATIONS: MessageLoaders = {
  de: () => import('./messages/de.js'),
  ja: () => import('./messages/ja.js'),
  ar: () => import('./messages/ar.js'),
};
