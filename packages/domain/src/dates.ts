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

/** The calendar date at `instant` in `timeZone`. */
export function localDateAt(instant: Date, timeZone: string): LocalDate {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
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
