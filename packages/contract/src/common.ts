import { z } from '@hono/zod-openapi';

/** Prefixes of every resource id: the prefix says what an id points to, even in a log line. */
export const ID_PREFIXES = {
  workspace: 'ws',
  key: 'key',
  user: 'usr',
  contact: 'con',
  company: 'com',
  pipeline: 'pip',
  stage: 'stg',
  deal: 'deal',
  activity: 'act',
  order: 'ord',
  ticket: 'tkt',
  rating: 'rat',
  session: 'ses',
  lostReason: 'lr',
  campaign: 'cmp',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

const ID_BODY = '[0-9A-Za-z]{8,40}';

/** A regular expression that matches ids of one kind. */
export function idPattern(kind: IdKind): RegExp {
  return new RegExp(`^${ID_PREFIXES[kind]}_${ID_BODY}$`);
}

export function idSchema(kind: IdKind) {
  const example = `${ID_PREFIXES[kind]}_01hx7f3k9q2m5v8w`;
  return z
    .string()
    .regex(idPattern(kind), `must be a ${kind} id (${ID_PREFIXES[kind]}_…)`)
    .openapi({ description: `A ${kind} id.`, example });
}

/** Years 0001 to 9999: what every engine stores and every client parses; year 0000 is refused. */
const YEAR_IN_RANGE = '^(?!0000)\\d{4}-';
const yearInRange = (value: string) => new RegExp(YEAR_IN_RANGE).test(value);
const YEARS_MESSAGE = 'must be in the years 0001 to 9999';

export const Timestamp = z.iso
  .datetime({ offset: true })
  .refine(yearInRange, YEARS_MESSAGE)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real time')
  .openapi({
    description: 'An RFC 3339 time, years 0001 to 9999; answered in UTC.',
    example: '2026-03-14T09:26:53.000Z',
    // The bound, machine-readable beside the format (a refinement is not in the document by itself).
    pattern: YEAR_IN_RANGE,
  });

export const DateOnly = z.iso.date().refine(yearInRange, YEARS_MESSAGE).openapi({
  description: 'A calendar date, years 0001 to 9999.',
  example: '2026-06-30',
  pattern: YEAR_IN_RANGE,
});

/** The largest value of a 32-bit integer column. */
export const INT32_MAX = 2_147_483_647;

/** Control characters other than tab, newline and carriage return: no text may hold one (NUL included). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: naming the control characters is the point.
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
/** Half of a UTF-16 pair without its other half: not text, and not storable as UTF-8 (a database would replace it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_MESSAGE = 'must not contain control characters (tab, newline and carriage return are allowed)';

/**
 * A string without control characters. Strings are stored exactly as sent: the API never trims,
 * and a field that does says so in its description.
 */
export function plainString() {
  return z
    .string()
    .regex(NO_CONTROL_CHARACTERS, CONTROL_MESSAGE)
    .refine((value) => !LONE_SURROGATE.test(value), 'must be well-formed Unicode (no lone surrogate)');
}

/** An origin as browsers send it: `scheme://host[:port]`, lowercase, nothing else. */
export const OriginSchema = z
  .string()
  .max(200)
  .regex(
    /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/,
    'must be an origin: scheme://host[:port], lowercase, with no path, such as https://app.example.com',
  )
  .refine((value) => {
    try {
      return new URL(value).origin === value;
    } catch {
      return false;
    }
  }, 'must be an origin exactly as a browser sends it (lowercase, no default port, no trailing slash)')
  .openapi({
    description: 'An origin, `scheme://host[:port]` (http or https), as a browser sends it in `Origin`.',
    example: 'https://app.acme.example',
  });

export const Money = z
  .object({
    amount: z
      .number()
      .int()
      .min(-1_000_000_000_000)
      .max(1_000_000_000_000)
      .openapi({ description: 'Integer amount in minor units (cents).', example: 1250000 }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
      .openapi({ description: 'ISO 4217 currency code.', example: 'EUR' }),
  })
  .strict()
  .openapi('Money', { description: 'An amount of money.' });
export type Money = z.infer<typeof Money>;

export const Version = z
  .number()
  .int()
  .min(1)
  .openapi({ description: 'Incremented on every change; send it back as `If-Match` to update.', example: 3 });

export const ProblemFieldError = z
  .object({
    path: z.string().openapi({ description: 'Where the problem is, dotted.', example: 'body.email' }),
    message: z.string().openapi({ example: 'must be an email address' }),
  })
  .openapi('ProblemFieldError');

export const Problem = z
  .object({
    type: z.string().openapi({
      description: 'A stable URI reference that names the kind of problem.',
      example: '/problems/validation',
    }),
    title: z
      .string()
      .openapi({ description: 'Short summary of the kind of problem.', example: 'Invalid request' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().optional().openapi({
      description: 'What went wrong in this occurrence, for a human.',
      example: 'body.email: must be an email address',
    }),
    instance: z.string().optional().openapi({ description: 'The request path.', example: '/v1/contacts' }),
    requestId: z
      .string()
      .optional()
      .openapi({ description: 'Quote this when asking for help.', example: 'req_8f2k1' }),
    errors: z
      .array(ProblemFieldError)
      .optional()
      .openapi({ description: 'Field errors, for validation problems.' }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem detail.' });
export type Problem = z.infer<typeof Problem>;

export const LimitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .openapi({ description: 'Page size, 1 to 200.', example: 50 });

export const CursorParam = plainString()
  .max(200)
  .optional()
  .openapi({ description: 'The `nextCursor` of the previous page.', example: 'Y29uXzAxaHg3ZjNrOXEybTV2OHc' });

export function idsParam(kind: IdKind) {
  const one = `${ID_PREFIXES[kind]}_${ID_BODY}`;
  return z
    .string()
    .regex(new RegExp(`^${one}(,${one}){0,99}$`), `must be up to 100 comma-separated ${kind} ids`)
    .optional()
    .openapi({
      description: `Batch read: up to 100 comma-separated ${kind} ids. Ids not found are left out of the result.`,
      example: `${ID_PREFIXES[kind]}_01hx7f3k9q2m5v8w,${ID_PREFIXES[kind]}_01hx7f3k9q2m5v9x`,
    });
}

export function page<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    })
    .openapi(name, { description: `A page of ${name.replace(/Page$/, '').toLowerCase()} records.` });
}

/** Required on every update: a missing one is answered 428 (not 400), a stale one 412. */
export const IfMatchHeader = z.object({
  'if-match': z.string().max(100).openapi({
    description: 'The `version` (or ETag) you last read: `3`, `"3"` or `W/"3"`. Required (428 without it).',
    example: '"3"',
  }),
});

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .regex(/^[\x21-\x7E]+$/, 'must be printable ASCII without spaces')
    .optional()
    .openapi({
      description:
        'Makes the write safe to retry: the same key with the same body replays the first successful answer (same status, `Idempotent-Replayed: true`) without doing it again and without spending rate-limit budget; the same key with another body is a 422. Keys live 24 h, then are purged. An answer that carried a secret (a new key or session token) is never replayed: see `/problems/secret-shown-once`.',
      example: '0f9c2c1e-6a8f-4f3a-9d7e-7a4d3e9b1c2a',
    }),
});

/** The headers of every update: `If-Match` (required) and an optional `Idempotency-Key`. */
export const UpdateHeaders = IfMatchHeader.extend(IdempotencyHeader.shape);

/** Empty strings are refused by `min(1)` already; this refuses the ones of spaces only, without a second error. */
export const notBlank = (value: string) => value === '' || /\S/.test(value);

/** A bounded, non-blank name or title, stored exactly as sent (not trimmed). */
export function text(max: number, description: string, example: string) {
  return plainString()
    .min(1)
    .max(max)
    .refine(notBlank, 'must not be blank')
    .openapi({ description: `${description} Stored as sent (not trimmed).`, example });
}
