/**
 * The custom range's date fields and the API's `[from, to)` in UTC. People pick the last day they
 * want to see ("1 to 31 March"), so the field shows the day before `to`, and a picked end date
 * becomes the midnight after it.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` for a date field, from an RFC 3339 time; with `inclusive`, the day before an exclusive end. */
export function dateInputValue(time: string | undefined, { inclusive = false } = {}): string {
  if (!time) return '';
  const parsed = Date.parse(time);
  if (Number.isNaN(parsed)) return '';
  const day = new Date(Math.floor(parsed / DAY_MS) * DAY_MS);
  // An end at midnight excludes that day; an end within a day still shows it.
  if (inclusive && parsed % DAY_MS === 0) day.setTime(day.getTime() - DAY_MS);
  return day.toISOString().slice(0, 10);
}

/** The API's range for two picked days, the end day included; `null` when missing or out of order. */
export function rangeFromDates(
  fromDay: string | undefined,
  toDay: string | undefined,
): { from: string; to: string } | null {
  const from = fromDay ? Date.parse(`${fromDay}T00:00:00Z`) : Number.NaN;
  const lastDay = toDay ? Date.parse(`${toDay}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(from) || Number.isNaN(lastDay) || lastDay < from) return null;
  return { from: new Date(from).toISOString(), to: new Date(lastDay + DAY_MS).toISOString() };
}
