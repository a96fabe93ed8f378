import type { CORE_MESSAGES } from '../messages.js';

/** Arabic for the core's messages. */
export const messages: Record<keyof typeof CORE_MESSAGES, string> = {
  'core.noProvider':
    'لم يتم إعداد Chorus هنا: ضع هذا العنصر داخل <chorus-provider base-url="…"> أو مرّر إليه بياناته كخاصية.',
  'core.retry': 'إعادة المحاولة',
  'core.loading': 'جارٍ التحميل…',
  'core.error': 'تعذّر التحميل: {detail}',
  'core.offline': 'تعذّر الوصول إلى Chorus. تحقّق من اتصالك وحاول مرة أخرى.',
};
