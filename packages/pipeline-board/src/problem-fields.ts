import { ChorusError } from '@chorus/sdk';

/**
 * The form fields an API refusal names: each problem detail's `path` (`body.value.amount`) matched
 * by prefix against `fields` (`{ 'body.value': 'amount' }`). One reading of problem details for
 * every form of the package, so quick add and the deal card show a refusal alike.
 */
export function fieldsNamed<Field extends string>(
  error: unknown,
  fields: Readonly<Record<string, Field>>,
): Field[] {
  const paths = error instanceof ChorusError ? error.errors.map((e) => e.path) : [];
  const named = paths.flatMap((path) => Object.entries(fields).filter(([prefix]) => path.startsWith(prefix)));
  return [...new Set(named.map(([, field]) => field))];
}
