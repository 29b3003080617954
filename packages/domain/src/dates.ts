// Calendar dates and clocks. Instants are UTC; a house's days are read in its
// IANA timezone. Temporal does the arithmetic so daylight-saving changes are right.
import { Temporal } from 'temporal-polyfill';

export { isLocalDate, isValidTimeZone } from './calendar';

/** A house-local calendar date, YYYY-MM-DD. */
export type LocalDate = string;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** One local day of a timezone: its date, and the instants it starts and the next one starts. */
interface DaySpan {
  date: LocalDate;
  from: number;
  to: number;
}

// Temporal's timezone arithmetic costs tens of microseconds a call, and a
// house's board or the operator's overview asks for the same few days of the
// same timezones thousands of times: the days last asked for in each timezone
// are kept (worked out by Temporal, so daylight-saving days are as long as they are).
const SPANS_PER_ZONE = 4;
const daySpans = new Map<string, DaySpan[]>();

/** The calendar date at `instant` in `timeZone`. */
export function localDateAt(instant: Date, timeZone: string): LocalDate {
  const ms = instant.getTime();
  const spans = daySpans.get(timeZone);
  if (spans) for (const span of spans) if (ms >= span.from && ms < span.to) return span.date;
  const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  const start = zoned.startOfDay();
  const span: DaySpan = {
    date: zoned.toPlainDate().toString(),
    from: start.epochMilliseconds,
    // the next day's own start: on some days a daylight-saving change skips midnight
    to: zoned.add({ days: 1 }).startOfDay().epochMilliseconds,
  };
  const kept = spans ?? [];
  kept.unshift(span);
  if (kept.length > SPANS_PER_ZONE) kept.length = SPANS_PER_ZONE;
  if (!spans) daySpans.set(timeZone, kept);
  return span.date;
}

// the same few dates and offsets come back all the time (windows of 7, 28 and 30 days)
const ADDED_KEPT = 10_000;
const added = new Map<string, LocalDate>();

export function addDays(date: LocalDate, days: number): LocalDate {
  const key = `${date}|${days}`;
  const known = added.get(key);
  if (known !== undefined) return known;
  const result = Temporal.PlainDate.from(date).add({ days }).toString();
  if (added.size >= ADDED_KEPT) added.clear();
  added.set(key, result);
  return result;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' })
    .days;
}

/**
 * The instant a wall clock in `timeZone` shows `hour`:`minute` on `date`. A time
 * that does not exist (spring forward) or happens twice (fall back) resolves to
 * the later reading, as curfews do.
 */
export function instantAt(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const day = Temporal.PlainDate.from(date);
  const zoned = Temporal.ZonedDateTime.from(
    { timeZone, year: day.year, month: day.month, day: day.day, hour, minute },
    { disambiguation: 'later' },
  );
  return new Date(zoned.epochMilliseconds);
}
