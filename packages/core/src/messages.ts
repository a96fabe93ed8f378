import { intl } from './intl-cache.js';

/** Message templates: `{name}` placeholders; plural forms as `key.one` / `key.other` (Intl.PluralRules). */
export type MessageCatalogue = Record<string, string>;
export type MessageOverrides = Partial<MessageCatalogue>;
/** An element's message lookup, as its render helpers take it: a key, and the values to fill in. */
export type Msg = (key: string, params?: Record<string, string | number>) => string;
/**
 * A package's translations, by lower-case language tag (`de`, `ja`, `ar`, or `pt-br`): each a
 * dynamic import, so a page downloads only the languages it shows.
 */
export type MessageLoaders = Record<string, () => Promise<{ messages: MessageCatalogue }>>;

/** The English defaults of the core; each component package brings its own and merges them in. */
export const CORE_MESSAGES = {
  'core.noProvider':
    'Chorus is not configured here: put this element inside <chorus-provider base-url="…"> or give it its data as a property.',
  'core.retry': 'Try again',
  'core.loading': 'Loading…',
  'core.error': 'Could not load: {detail}',
  'core.offline': 'Could not reach Chorus. Check your connection and try again.',
} as const satisfies MessageCatalogue;

/** Every translation the page has, by lower-case locale tag: loaded by the elements or registered by the page. */
const translations: Record<string, MessageCatalogue> = {};
/** Each loader once per page: its pending load, or 0 once done (or failed: English stands in). */
const loads = new Map<MessageLoaders[string], Promise<unknown> | 0>();

/** Scripts written right to left: user text inside their sentences is isolated, so it keeps its own order. */
const RTL = /^(ar|fa|he|ps|sd|ug|ur|yi)\b/i;
/** Strong right-to-left characters (Hebrew to Arabic Extended-A): such text in a left-to-right sentence is isolated too. */
const RTL_TEXT = /[\u0590-\u08ff]/;

/** `de-AT` → `['de-at', 'de']`: the tags to look in, most specific first; English is the last resort. */
export function localeChain(locale: string): string[] {
  const tag = locale.toLowerCase();
  return [tag, tag.split('-')[0]!];
}

/**
 * Adds translations (or a page's own wording) for a locale, page-wide, over what it had: for
 * `de` they serve `de-DE` and `de-AT` too, and a `de-AT` catalogue wins over `de` where it has a key.
 */
export function registerMessages(locale: string, messages: MessageOverrides): void {
  const tag = locale.toLowerCase();
  translations[tag] = { ...translations[tag], ...(messages as MessageCatalogue) };
}

/**
 * Starts loading what `locale` needs from each loader table (once per page, whoever asks first);
 * returns a promise while any of it is still on its way, so the element can render again then.
 */
export function loadMessages(
  locale: string,
  tables: (MessageLoaders | undefined)[],
): Promise<unknown> | undefined {
  const pending: Promise<unknown>[] = [];
  for (const tag of localeChain(locale))
    for (const table of tables) {
      const loader = table?.[tag];
      if (loader && !loads.has(loader))
        loads.set(
          loader,
          loader()
            .then(
              (module) => registerMessages(tag, module.messages),
              () => {},
            )
            .then(() => loads.set(loader, 0)),
        );
      const load = loader && loads.get(loader);
      if (load) pending.push(load);
    }
  return pending.length ? Promise.all(pending) : undefined;
}

/**
 * Looks a message up (overrides first, then the locale's translations, then the English defaults),
 * picks its plural form when a `count` is given, and fills its placeholders. Numbers in the
 * placeholders are formatted for the locale, and digits in the template written in its digits; user text is bidi-isolated
 * where its direction may differ from the sentence's. Unknown keys come back as the key itself, so
 * a gap is visible, not blank.
 */
export function formatMessage(
  locale: string,
  defaults: MessageCatalogue,
  overrides: MessageOverrides,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const sources = [overrides, ...localeChain(locale).map((tag) => translations[tag]), defaults];
  const find = (name: string) => sources.find((source) => source?.[name] != null)?.[name];
  let template: string | undefined;
  if (typeof params.count === 'number') {
    // Not through the shared Intl cache: the rating widget's script tag carries this function and
    // cannot spare the cache's bytes; plural rules are cheap to build and asked for rarely.
    template = find(`${key}.${new Intl.PluralRules(locale).select(params.count)}`) ?? find(`${key}.other`);
  }
  template ??= find(key) ?? key;
  // From the page-wide cache: a board renders hundreds of messages, and building a formatter costs
  // far more than using one.
  const digits = intl(Intl.NumberFormat, locale);
  return template.replace(/\{(\w+)\}|\d+/g, (whole, name?: string) => {
    // Digits the template spells out ("such as 1200") change their script only, digit by digit:
    // never a separator or a dropped leading zero the author did not write.
    if (!name) return whole.replace(/\d/g, (digit) => digits.format(Number(digit)));
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return digits.format(value);
    return RTL.test(locale) || RTL_TEXT.test(value) ? `\u2068${value}\u2069` : value;
  });
}
