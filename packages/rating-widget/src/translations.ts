import type { MessageLoaders } from '@chorus/core';

/**
 * The widgets' translations, one module per language. The script-tag bundle keeps them as chunks
 * beside `chorus-rating.js`, so a page in English downloads none of them.
 */
export const RATING_TRANSLATIONS: MessageLoaders = {
  de: () => import('./messages/de.js'),
  ja: () => import('./messages/ja.js'),
  ar: () => import('./messages/ar.js'),
};

/**
 * `<chorus-reviews>`' own strings, chunks of their own so a page that only collects ratings skips them.
 * Flat `messages/<name>.js` files, as the bench counts lazy catalogues by that shape.
 */
export const REVIEWS_TRANSLATIONS: MessageLoaders = {
  de: () => import('./messages/reviews-de.js'),
  ja: () => import('./messages/reviews-ja.js'),
  ar: () => import('./messages/reviews-ar.js'),
};
