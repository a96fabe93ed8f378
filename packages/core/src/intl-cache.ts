/**
 * One `Intl` formatter per constructor, locale and options, shared by every element on the page:
 * building a formatter costs far more than using one (tens of microseconds to milliseconds against
 * well under one), and a page of cards and tiles asks for the same few again and again.
 */
const cache = new Map<string, unknown>();

export function intl<T, O>(
  Constructor: new (locale: string, options?: O) => T,
  locale: string,
  options?: O,
): T {
  // Built-in constructors keep their names under minification: NumberFormat, PluralRules…
  const key = `${Constructor.name} ${locale} ${JSON.stringify(options ?? {})}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = new Constructor(locale, options);
    cache.set(key, formatter);
  }
  return formatter;
}
