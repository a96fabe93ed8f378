import type { MessageLoaders } from './messages.js';

/** The core's translations of `CORE_MESSAGES`, one module per language, loaded when a locale asks. */
export const CORE_TRANSLATIONS: MessageLoaders = {
  de: () => import('./messages/de.js'),
  ja: () => import('./messages/ja.js'),
  ar: () => import('./messages/ar.js'),
};
