/** The form `Date.prototype.toISOString` prints (years 0 to 9999): what `isoTimestamps` reads give. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Converts a database time to RFC 3339 UTC: a Date, or a string (an ISO string from a query made with
 * `isoTimestamps` is already in that form and is returned as it is).
 */
export const iso = (value: unknown): string =>
  typeof value === 'string' && ISO_UTC.test(value)
    ? value
    : (value instanceof Date ? value : new Date(String(value))).toISOString();
export const isoOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : iso(value);
