import type { MessageLoaders } from '@chorus/core';

/** The board's translations, one module per language, downloaded only when a locale asks for one. */
export const PIPELINE_BOARD_TRANSLATIONS: MessageLoaders = {
  de: () => import('./messages/de.js'),
  ja: () => import('./messages/ja.js'),
  ar: () => import('./messages/ar.js'),
};

/**
 * The deal card's translations, chunks of their own so a page with only the card skips the board's strings.
 * Flat `messages/<name>.js` files, as the bench counts lazy catalogues by that shape.
 */
export const DEAL_CARD_TRANSLATIONS: MessageLoaders = {
  de: () => import('./messages/deal-card-de.js'),
  ja: () => import('./messages/deal-card-ja.js'),
  ar: () => import('./messages/deal-card-ar.js'),
};
