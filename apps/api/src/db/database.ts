/** The one surface the domain uses: parameterised SQL, the same text on PGlite and PostgreSQL. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
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
