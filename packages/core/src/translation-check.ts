import type { MessageCatalogue } from './messages.js';

const placeholders = (template: string) =>
  new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((name) => b.has(name));
const listed = (names: Set<string>) => [...names].map((name) => `{${name}}`).join(' ') || 'none';

/**
 * What a translation of an English catalogue still lacks or gets wrong, one line per problem (none:
 * it is complete): a key with no translation, a placeholder added or lost, a plural form the
 * locale's `Intl.PluralRules` asks for (Arabic: zero, one, two, few, many, other) and the
 * catalogue does not have, a key the English no longer has. Plural forms other than `other` may
 * leave out the number, as languages say "one deal" or "two deals" in words.
 */
export function translationProblems(
  english: MessageCatalogue,
  translation: MessageCatalogue,
  locale: string,
): string[] {
  const problems: string[] = [];
  const plurals = new Set(
    Object.keys(english)
      .filter((key) => key.endsWith('.other'))
      .map((key) => key.slice(0, -'.other'.length)),
  );
  const pluralBase = (key: string) => {
    const base = key.slice(0, key.lastIndexOf('.'));
    return plurals.has(base) ? base : undefined;
  };
  const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  for (const base of plurals) {
    const expected = placeholders(english[`${base}.other`]!);
    for (const form of forms) {
      const key = `${base}.${form}`;
      const template = translation[key];
      if (template === undefined) {
        problems.push(`${locale}: ${key} is missing (the plural form "${form}" of ${base})`);
        continue;
      }
      const found = placeholders(template);
      const added = [...found].filter((name) => !expected.has(name));
      if (added.length > 0 || (form === 'other' && !same(found, expected)))
        problems.push(`${locale}: ${key} has placeholders ${listed(found)}, the English ${listed(expected)}`);
    }
  }
  for (const [key, source] of Object.entries(english)) {
    if (pluralBase(key)) continue;
    const template = translation[key];
    if (template === undefined) problems.push(`${locale}: ${key} is missing`);
    else if (!same(placeholders(template), placeholders(source)))
      problems.push(
        `${locale}: ${key} has placeholders ${listed(placeholders(template))}, the English ${listed(placeholders(source))}`,
      );
  }
  for (const key of Object.keys(translation)) {
    const base = pluralBase(key);
    if (base && !(forms as string[]).includes(key.slice(base.length + 1)))
      problems.push(`${locale}: ${key} is a plural form ${locale} does not use`);
    else if (!base && !(key in english)) problems.push(`${locale}: ${key} is not in the English catalogue`);
  }
  return problems;
}
