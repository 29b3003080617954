// Phases of a house and the curfews they set. A curfew is a house-local wall
// time; the night of a date runs from its evening into the next morning, so a
// curfew written before noon ("00:30") falls on the next calendar day. Friday
// and Saturday nights are weekend nights. Temporal does the timezone work so a
// curfew on a night the clocks change is still the time on the house's clocks.
import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';
import type { LocalDate } from '../dates';
import { id, localDate, optionalText, requiredText } from '../schemas';
import { PASS_TYPES } from './rule-labels';

const wallTime = z
  .string({ error: 'is required.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 22:00.');

const phaseFields = {
  name: requiredText(60),
  curfewWeeknights: wallTime,
  curfewWeekends: wallTime,
  overnightPassesAllowed: z.boolean({ error: 'must be yes or no.' }),
  passTypesAllowed: z
    .array(z.enum(PASS_TYPES, { error: 'must be one of the listed pass types.' }))
    .max(PASS_TYPES.length)
    .transform((types) => [...new Set(types)]),
  minDaysBeforePasses: z
    .number({ error: 'must be a number of days.' })
    .int('must be a whole number.')
    .min(0, 'cannot be negative.')
    .max(365, 'must be at most 365.'),
  dailyCheckIn: z.boolean({ error: 'must be yes or no.' }),
  // left out: a new phase asks for it, an update keeps what the phase had
  curfewCheckIn: z.boolean({ error: 'must be yes or no.' }).optional(),
  meetingsPerWeek: z
    .number({ error: 'must be a number.' })
    .int('must be a whole number.')
    .min(0, 'cannot be negative.')
    .max(21, 'must be at most 21.'),
};

export const phaseCreateInput = z.strictObject({ houseId: id, ...phaseFields });
export const phaseUpdateInput = z.strictObject({ houseId: id, phaseId: id, ...phaseFields });
export const phaseAssignInput = z.strictObject({
  residentId: id,
  phaseId: id,
  // defaults to today in the house's timezone
  startDate: localDate.optional(),
  reason: optionalText(300),
});

export interface PhaseCurfews {
  name: string;
  curfewWeeknights: string;
  curfewWeekends: string;
}

/** Whether the night of `date` is a weekend night (Friday or Saturday). */
export function isWeekendNight(date: LocalDate): boolean {
  const dayOfWeek = Temporal.PlainDate.from(date).dayOfWeek; // 1 Monday … 7 Sunday
  return dayOfWeek === 5 || dayOfWeek === 6;
}

/** The wall time of the curfew on the night of `date`. */
export function curfewTimeOn(phase: PhaseCurfews, date: LocalDate): string {
  return isWeekendNight(date) ? phase.curfewWeekends : phase.curfewWeeknights;
}

/**
 * The instant of the curfew on the night of `date` in `timeZone`. When the
 * wall time does not exist (clocks spring forward) it moves forward by the gap,
 * as calendars do (02:30 becomes 03:30); when it happens twice (clocks fall
 * back) it is the later one, so nobody is late by a clock that says they are on time.
 */
export function curfewInstant(phase: PhaseCurfews, date: LocalDate, timeZone: string): Date {
  const time = Temporal.PlainTime.from(curfewTimeOn(phase, date));
  const day = Temporal.PlainDate.from(date).add({ days: time.hour < 12 ? 1 : 0 });
  const resolved = Temporal.ZonedDateTime.from(
    {
      timeZone,
      year: day.year,
      month: day.month,
      day: day.day,
      hour: time.hour,
      minute: time.minute,
    },
    { disambiguation: 'later' },
  );
  return new Date(resolved.epochMilliseconds);
}

/** The night an arrival at `instant` belongs to: before noon counts as the previous night. */
export function nightOf(instant: Date, timeZone: string): LocalDate {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(
    timeZone,
  );
  const date = zoned.toPlainDate();
  return (zoned.hour < 12 ? date.subtract({ days: 1 }) : date).toString();
}

export interface CurfewStatus {
  night: LocalDate;
  curfewAt: Date;
  late: boolean;
  /** Whole minutes after curfew, rounded down; 0 when on time. */
  minutesLate: number;
}

/** Whether arriving home at `arrivedAt` kept the phase's curfew for that night. */
export function curfewStatus(
  phase: PhaseCurfews,
  arrivedAt: Date,
  timeZone: string,
  night: LocalDate = nightOf(arrivedAt, timeZone),
): CurfewStatus {
  const curfewAt = curfewInstant(phase, night, timeZone);
  const late = arrivedAt.getTime() > curfewAt.getTime();
  return {
    night,
    curfewAt,
    late,
    minutesLate: late ? Math.floor((arrivedAt.getTime() - curfewAt.getTime()) / 60_000) : 0,
  };
}
