import type { CORE_MESSAGES } from '../messages.js';

/** German for the core's messages. */
export const messages: Record<keyof typeof CORE_MESSAGES, string> = {
  'core.noProvider':
    'Chorus ist hier nicht eingerichtet: Setzen Sie dieses Element in <chorus-provider base-url="…"> oder übergeben Sie ihm seine Daten als Property.',
  'core.retry': 'Erneut versuchen',
  'core.loading': 'Wird geladen…',
  'core.error': 'Konnte nicht geladen werden: {detail}',
  'core.offline': 'Chorus ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
};
