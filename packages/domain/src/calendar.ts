// Validation of dates and timezones that the dashboard shares, with no Temporal
// dependency so it stays out of the browser bundle.

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone.includes('/') && timeZone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a valid timezone ("america/chicago" → "America/Chicago"). */
export function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
}
