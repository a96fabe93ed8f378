/** The page's language when nothing closer says one: the document's `lang`, the browser's, or English. */
export function pageLocale(): string {
  return document.documentElement.lang || navigator.language || 'en';
}
