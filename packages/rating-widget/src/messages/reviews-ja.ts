import type { MessageCatalogue } from '@chorus/core';

/** Japanese for `REVIEWS_MESSAGES`: a review is レビュー, beside the widgets' 評価 (a rating). */
export const messages: MessageCatalogue = {
  'reviews.heading': 'レビュー',
  'reviews.loading': 'レビューを読み込み中…',
  'reviews.none': 'レビューはまだありません',
  'reviews.more': 'さらにレビューを表示',
  'reviews.loadingMore': '読み込み中…',
  'reviews.verified': '確認済みのお客様',
  'reviews.error': 'レビューを読み込めませんでした。',
  'reviews.retry': '再試行',
};
