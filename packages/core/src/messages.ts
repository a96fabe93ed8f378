/** Message templates: `{name}` placeholders; plural forms as `key.one` / `key.other` (Intl.PluralRules). */
export type MessageCatalogue = Record<string, string>;
export type MessageOverrides = Partial<MessageCatalogue>;
/** An element's message lookup, as its render helpers take it: a key, and the values to fill in. */
export type Msg = (key: string, params?: Record<string, string | number>) => string;

/** The English defaults of the core; each component package brings its own and merges them in. */
export const CORE_MESSAGES = {
  'core.noProvider':
    'Chorus is not configured here: put this element inside <chorus-provider base-url="…"> or give it its data as a property.',
  'core.retry': 'Try again',
  'core.loading': 'Loading…',
  'core.error': 'Could not load: {detail}',
  'core.offline': 'Could not reach Chorus. Check your connection and try again.',
} as const satisfies MessageCatalogue;

/**
 * Looks a message up (overrides first, then defaults), picks its plural form when a `count` is given,
 * and fills its placeholders. Unknown keys come back as the key itself, so a gap is visible, not blank.
 */
export function formatMessage(
  locale: string,
  defaults: MessageCatalogue,
  overrides: MessageOverrides,
  key: string,
  params: Record<string, string | number> = {},
): string {
  let template: string | undefined;
  if (typeof params.count === 'number') {
    // Not through the shared Intl cache: the rating widget's script tag carries this function and
    // cannot spare the cache's bytes; plural rules are cheap to build and asked for rarely.
    const form = new Intl.PluralRules(locale).select(params.count);
    template =
      overrides[`${key}.${form}`] ??
      defaults[`${key}.${form}`] ??
      overrides[`${key}.other`] ??
      defaults[`${key}.other`];
  }
  template ??= overrides[key] ?? defaults[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
