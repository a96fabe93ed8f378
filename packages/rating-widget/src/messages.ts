import type { MessageCatalogue } from '@chorus/core';

/**
 * The widget's English strings; override any of them with the element's `messages` property.
 * Plural forms are `key.one` / `key.other`; `{name}` placeholders are filled in.
 */
export const RATING_MESSAGES = {
  'rating.legend.stars5': 'Your rating',
  'rating.legend.nps10': 'How likely are you to recommend us to a friend or colleague?',
  'rating.legend.csat5': 'How satisfied are you?',
  'rating.option.stars5': '{score} of 5 stars',
  'rating.option.nps10': '{score} of 10',
  'rating.option.csat5.1': 'Very unsatisfied',
  'rating.option.csat5.2': 'Unsatisfied',
  'rating.option.csat5.3': 'Neutral',
  'rating.option.csat5.4': 'Satisfied',
  'rating.option.csat5.5': 'Very satisfied',
  'rating.npsLow': 'Not at all likely',
  'rating.npsHigh': 'Extremely likely',
  'rating.comment': 'Anything to add?',
  'rating.commentOptional': 'Anything to add? (optional)',
  'rating.send': 'Send rating',
  'rating.sending': 'Sending…',
  'rating.thanks': 'Thank you!',
  'rating.followUp': 'What could we do better?',
  'rating.queued': 'Saved, will send when online.',
  'rating.waiting': 'Saved, will send shortly.',
  'rating.error': 'Sorry, your rating could not be sent.',
  'rating.answerError': 'Sorry, your answer could not be sent.',
  'rating.retry': 'Try again',
  'rating.pickScore': 'Please choose a score.',
  'rating.needComment': 'Please add a comment.',
  'rating.unavailable': 'Rating is unavailable.',
  'summary.rated': 'Rated {average} out of {max}',
  'summary.count.one': '{count} rating',
  'summary.count.other': '{count} ratings',
  'summary.none': 'No ratings yet',
  'summary.stars.one': '{score} star',
  'summary.stars.other': '{score} stars',
  'summary.npsName': 'Net Promoter Score',
  'summary.promoters': 'Promoters',
  'summary.passives': 'Passives',
  'summary.detractors': 'Detractors',
  'summary.error': 'Ratings could not be loaded.',
} as const satisfies MessageCatalogue;

/**
 * The strings only `<chorus-reviews>` shows (it reads the ones above too): a catalogue of their own,
 * so the rating script tag does not carry them.
 */
export const REVIEWS_MESSAGES = {
  'reviews.heading': 'Reviews',
  'reviews.loading': 'Loading reviews…',
  'reviews.none': 'No reviews yet',
  'reviews.more': 'More reviews',
  'reviews.loadingMore': 'Loading…',
  'reviews.verified': 'Verified customer',
  'reviews.error': 'Reviews could not be loaded.',
  'reviews.retry': 'Try again',
} as const satisfies MessageCatalogue;
