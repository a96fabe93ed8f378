import type { MessageCatalogue } from '@chorus/core';

/** Arabic for `REVIEWS_MESSAGES`: a review is مراجعة, beside the widgets' تقييم (a rating). */
export const messages: MessageCatalogue = {
  'reviews.heading': 'المراجعات',
  'reviews.loading': 'جارٍ تحميل المراجعات…',
  'reviews.none': 'لا توجد مراجعات بعد',
  'reviews.more': 'المزيد من المراجعات',
  'reviews.loadingMore': 'جارٍ التحميل…',
  'reviews.verified': 'عميل موثَّق',
  'reviews.error': 'تعذّر تحميل المراجعات.',
  'reviews.retry': 'إعادة المحاولة',
};
