/**
 * One `Intl` formatter per constructor, locale and options, shared by every element on the page:
 * building a formatter costs far more than using one (tens of microseconds to milliseconds against
 * well under one), and a page of cards and tiles asks for the same few again and again.
 */
type IntlConstructor<T, O> = new (locale: string, options?: O) => T;

const cache = new Map<IntlConstructor<unknown, unknown>, Map<string, unknown>>();

export function intl<T, O>(Constructor: IntlConstructor<T, O>, locale: string, options?: O): T {
  let byKey = cache.get(Constructor as IntlConstructor<unknown, unknown>);
  if (!byKey) {
    byKey = new Map();
    cache.set(Constructor as IntlConstructor<unknown, unknown>, byKey);
  }
  const key = `${locale}|${options === undefined ? '' : JSON.stringify(options)}`;
  let formatter = byKey.get(key) as T | undefined;
  if (!formatter) {
    formatter = new Constructor(locale, options);
    byKey.set(key, formatter);
  }
  return formatter;
}
