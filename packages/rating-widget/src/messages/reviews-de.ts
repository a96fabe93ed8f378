import type { MessageCatalogue } from '@chorus/core';

/** German for `REVIEWS_MESSAGES`: a review is a Rezension, beside the widgets' Bewertung (a rating). */
export const messages: MessageCatalogue = {
  'reviews.heading': 'Rezensionen',
  'reviews.loading': 'Rezensionen werden geladen…',
  'reviews.none': 'Noch keine Rezensionen',
  'reviews.more': 'Weitere Rezensionen',
  'reviews.loadingMore': 'Wird geladen…',
  'reviews.verified': 'Verifizierter Kunde',
  'reviews.error': 'Die Rezensionen konnten nicht geladen werden.',
  'reviews.retry': 'Erneut versuchen',
};
