import type { CORE_MESSAGES } from '../messages.js';

/** Japanese for the core's messages. */
export const messages: Record<keyof typeof CORE_MESSAGES, string> = {
  'core.noProvider':
    'Chorus が設定されていません。この要素を <chorus-provider base-url="…"> の中に置くか、データをプロパティとして渡してください。',
  'core.retry': '再試行',
  'core.loading': '読み込み中…',
  'core.error': '読み込めませんでした: {detail}',
  'core.offline': 'Chorus に接続できませんでした。接続を確認して、もう一度お試しください。',
};
