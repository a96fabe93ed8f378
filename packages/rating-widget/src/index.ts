export { ChorusRating, COMMENT_MODES, type CommentMode, type RatingStatus } from './rating.js';
export { ChorusRatingSummary, SUMMARY_VARIANTS, type SummaryVariant } from './summary.js';
export { ChorusReviews } from './reviews.js';
export { ChorusErrorEvent, ChorusRatingStoredEvent } from './events.js';
export { RATING_MESSAGES, REVIEWS_MESSAGES } from './messages.js';
export { RATING_TRANSLATIONS, REVIEWS_TRANSLATIONS } from './translations.js';
export { RATING_SCALES, type RatingScale, scoresOf } from './scales.js';
export { pendingRatings, type PendingRating } from './outbox.js';
