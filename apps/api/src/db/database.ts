import pg from 'pg';

/** pg's own timestamptz parser (postgres-date), for the forms `isoTimestamp` does not rearrange. */
const parseTimestamp = pg.types.getTypeParser(1184, 'text');

/** The one surface the domain uses: parameterised SQL, the same text on PGlite and PostgreSQL. */
export interface Sql {
  query<T = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
}

export interface QueryOptions {
  /**
   * `timestamptz` values come as the strings `Date.prototype.toISOString` would make of them
   * (`2026-11-30T05:59:42.123Z`) instead of Dates: what a response carries anyway. A list of 50 deals
   * holds 200 of them, and parsing each into a Date only to print it again was a tenth of the request.
   */
  isoTimestamps?: boolean;
}

/** A statement whose result nobody reads: what a transaction runs before its work. */
export interface Statement {
  text: string;
  params?: readonly unknown[];
}

export interface TransactionOptions {
  /**
   * The work only reads (a GET), and its prelude makes the transaction read-only so that a write
   * fails instead of slipping through. Engines use that freedom: PostgreSQL answers before the commit
   * has come back (a read-only commit changes nothing), and PGlite, which runs one transaction at a
   * time, runs each of the work's queries as a transaction of its own so that others take turns
   * between them. Each statement sees the data as of its own start, as in any READ COMMITTED
   * transaction; transaction-local settings made by one statement do not reach the next.
   */
  readOnly?: boolean;
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction, after `prelude` (settings such as the tenant's). On PostgreSQL
   * BEGIN and the prelude are written with the work's first query, in one packet: they cost no round
   * trip of their own, and a work that never queries opens no transaction at all.
   */
  transaction<T>(
    work: (tx: Sql) => Promise<T>,
    prelude?: readonly Statement[],
    options?: TransactionOptions,
  ): Promise<T>;
  /**
   * Calls `onPayload` with each NOTIFY on `channel`, delivered at commit. PostgreSQL: on a connection
   * of its own (a pooled one would lose its LISTEN), reconnecting after a failure; PGlite: in process.
   * Resolves with the function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Type parsers shared by both engines, so rows look the same whichever runs:
 * int8 and numeric as numbers (amounts stay far below 2^53), dates as plain `YYYY-MM-DD` strings.
 */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: Number,
  1700: Number,
  1082: (value) => value,
};

const TIMESTAMPTZ = 1184;

/** The parsers of a query made with `isoTimestamps`. */
export const ISO_TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  ...TYPE_PARSERS,
  [TIMESTAMPTZ]: isoTimestamp,
};

/**
 * PostgreSQL's text form of a timestamptz in UTC (ISO DateStyle, the session in UTC): the date, a space,
 * the time, a fraction of 1 to 6 digits when it is not zero, and `+00`.
 */
const UTC_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz's text as `toISOString` prints the Date that pg or PGlite would have made of it:
 * milliseconds, the microseconds cut off (not rounded), as `Date` does. The common case, a UTC session
 * and a four-digit year, is rearranged as text; anything else (another session time zone, years past
 * 9999 or BC) goes through a Date as before. `infinity`, or a text in another DateStyle, has no Date
 * and throws, as printing it did.
 */
export function isoTimestamp(text: string): string {
  const utc = UTC_TEXT.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  const date = parseTimestamp(text);
  if (!(date instanceof Date)) throw new RangeError(`The timestamptz ${text} is no instant a Date can hold`);
  return date.toISOString();
}
