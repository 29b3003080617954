// House-local calendar dates (YYYY-MM-DD) are days, not instants: they are
// formatted in UTC so no timezone can move them to the day before.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(local: string): Date | null {
  const match = DATE.exec(local);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** "Mar 12, 2026" (in the reader's locale) for 2026-03-12. */
export function formatDate(local: string): string {
  const day = utcDay(local);
  return day ? dayFormat.format(day) : local;
}

/** An ISO instant in the reader's own timezone. */
export function formatInstant(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : instantFormat.format(at);
}

/** Whole days from `from` to `to`; null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = utcDay(from);
  const b = utcDay(to);
  if (!a || !b) return null;
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Today in the browser's timezone, for when no house is known yet. */
export function browserToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
