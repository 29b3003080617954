// Chores: what a house's chore list says, when each chore falls due in a rota
// period, where an occurrence stands (to do, done, checked, missed), and how
// often each resident gets their chores done. Dates are the house's own.
import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';
import { addDays, daysBetween, type LocalDate } from '../dates';
import { id, localDate, optionalText, requiredText } from '../schemas';
import { type OccurrenceStatus } from './chore-labels';

export const CHORE_FREQUENCIES = ['daily', 'weekdays', 'weekly'] as const;
export type ChoreFrequency = (typeof CHORE_FREQUENCIES)[number];
export const CHORE_FREQUENCY_LABELS: Record<ChoreFrequency, string> = {
  daily: 'Every day',
  weekdays: 'On given days',
  weekly: 'Once a week',
};

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABELS: Record<number, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

/** A rota covers one week or two, as the house chooses. */
export const ROTA_LENGTHS = [7, 14] as const;
export type RotaLength = (typeof ROTA_LENGTHS)[number];

export const MIN_EFFORT = 1;
export const MAX_EFFORT = 5;
export const MAX_RESIDENTS_PER_CHORE = 6;

const weekday = z
  .number({ error: 'must be a day of the week.' })
  .int('must be a day of the week.')
  .min(1, 'must be a day of the week.')
  .max(7, 'must be a day of the week.');

const choreFields = {
  name: requiredText(80),
  area: optionalText(60),
  instructions: optionalText(2000),
  frequency: z.enum(CHORE_FREQUENCIES, { error: 'must be every day, given days or weekly.' }),
  weekdays: z
    .array(weekday)
    .max(7, 'can list each day once.')
    .refine((days) => new Set(days).size === days.length, 'can list each day once.')
    .default([]),
  effort: z
    .number({ error: `must be a number from ${MIN_EFFORT} to ${MAX_EFFORT}.` })
    .int('must be a whole number.')
    .min(MIN_EFFORT, `must be from ${MIN_EFFORT} to ${MAX_EFFORT}.`)
    .max(MAX_EFFORT, `must be from ${MIN_EFFORT} to ${MAX_EFFORT}.`),
  needsVerification: z.boolean({ error: 'must be yes or no.' }).default(false),
  residentsNeeded: z
    .number({ error: 'must be a number.' })
    .int('must be a whole number.')
    .min(1, 'must be at least 1.')
    .max(MAX_RESIDENTS_PER_CHORE, `must be at most ${MAX_RESIDENTS_PER_CHORE}.`)
    .default(1),
};

/** "Given days" needs at least one day; "weekly" needs exactly the day it is due. */
function checkWeekdays(
  v: { frequency: ChoreFrequency; weekdays: readonly number[] },
  issue: z.RefinementCtx,
): void {
  if (v.frequency === 'weekdays' && v.weekdays.length === 0)
    issue.addIssue({ code: 'custom', path: ['weekdays'], message: 'must name at least one day.' });
  if (v.frequency === 'weekly' && v.weekdays.length !== 1)
    issue.addIssue({
      code: 'custom',
      path: ['weekdays'],
      message: 'must name the one day a weekly chore is due.',
    });
}

export const choreCreateInput = z
  .strictObject({ houseId: id, ...choreFields })
  .superRefine(checkWeekdays);
export type ChoreCreateInput = z.infer<typeof choreCreateInput>;

export const choreUpdateInput = z
  .strictObject({ choreId: id, ...choreFields })
  .superRefine(checkWeekdays);
export type ChoreUpdateInput = z.infer<typeof choreUpdateInput>;

export const choreSettingsInput = z.strictObject({
  houseId: id,
  rotaDays: z.union([z.literal(7), z.literal(14)], { error: 'must be 7 or 14 days.' }),
  swapsNeedApproval: z.boolean({ error: 'must be yes or no.' }),
});

export const generateRotaInput = z.strictObject({ houseId: id, start: localDate });

export const choreExclusionInput = z.strictObject({
  choreId: id,
  residentId: id,
  reason: requiredText(300),
});

export const chorePinInput = z.strictObject({ choreId: id, residentId: id });

export const choreAssignInput = z.strictObject({
  occurrenceId: id,
  // null leaves the occurrence for nobody, to be filled later (drafts only)
  residentId: id.nullable(),
  pin: z.boolean().default(false),
});

export const markDoneInput = z.strictObject({ occurrenceId: id, note: optionalText(500) });

export const verifyChoreInput = z
  .strictObject({
    occurrenceId: id,
    verdict: z.enum(['verified', 'rejected'], { error: 'must be verified or rejected.' }),
    reason: optionalText(500),
  })
  .refine((v) => v.verdict !== 'rejected' || v.reason !== undefined, {
    path: ['reason'],
    message: 'is required when a chore is sent back: say what is left to do.',
  });

export const swapRequestInput = z.strictObject({
  occurrenceId: id,
  withResidentId: id,
  // their occurrence taken in exchange; without it, they cover the chore
  theirOccurrenceId: id.optional(),
  note: optionalText(300),
});

export const swapRespondInput = z.strictObject({
  swapId: id,
  answer: z.enum(['accept', 'decline'], { error: 'must be accept or decline.' }),
});

export const swapDecideInput = z
  .strictObject({
    swapId: id,
    decision: z.enum(['approve', 'reject'], { error: 'must be approve or reject.' }),
    reason: optionalText(300),
  })
  .refine((v) => v.decision !== 'reject' || v.reason !== undefined, {
    path: ['reason'],
    message: 'is required when a swap is turned down.',
  });

export interface ChoreSchedule {
  frequency: ChoreFrequency;
  weekdays: readonly number[];
}

export function isoWeekday(date: LocalDate): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** The dates a chore falls due in the `days` days from `start`, in order. */
export function choreDates(chore: ChoreSchedule, start: LocalDate, days: number): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let i = 0; i < days; i += 1) {
    const date = addDays(start, i);
    if (chore.frequency === 'daily' || chore.weekdays.includes(isoWeekday(date))) dates.push(date);
  }
  return dates;
}

/** The last day of a rota period that starts on `start`. */
export function rotaEnd(start: LocalDate, days: number): LocalDate {
  return addDays(start, days - 1);
}

/** "Every day", "Mon, Wed and Fri", "Sundays". */
export function scheduleText(chore: ChoreSchedule): string {
  if (chore.frequency === 'daily') return 'Every day';
  const names = [...chore.weekdays].sort((a, b) => a - b).map((d) => WEEKDAY_LABELS[d] ?? '');
  if (chore.frequency === 'weekly') return `Weekly, on ${names[0] ?? ''}`;
  if (names.length === 7) return 'Every day';
  const short = names.map((n) => n.slice(0, 3));
  return short.length === 1
    ? `${names[0] ?? ''}s`
    : `${short.slice(0, -1).join(', ')} and ${short.at(-1) ?? ''}`;
}

export * from './chore-labels';

export interface OccurrenceState {
  date: LocalDate;
  residentId: string | null;
  needsVerification: boolean;
  doneAt: Date | null;
  checkResult: 'verified' | 'rejected' | null;
}

/**
 * Where an occurrence stands on `today` (the house's date). A chore not done by
 * the end of its day is missed; one sent back and not done again by then is too.
 * A chore that needs no check is complete once done.
 */
export function occurrenceStatus(o: OccurrenceState, today: LocalDate): OccurrenceStatus {
  if (o.residentId === null) return 'unassigned';
  if (o.doneAt !== null && o.checkResult === 'verified') return 'verified';
  if (o.doneAt !== null && o.checkResult === null) return 'done';
  if (o.date < today) return 'missed';
  if (o.checkResult === 'rejected') return 'rejected';
  return o.date === today ? 'due' : 'upcoming';
}

/** Statuses that count as the chore having been done (a check may still be to come). */
export function countsAsDone(status: OccurrenceStatus): boolean {
  return status === 'done' || status === 'verified';
}

/**
 * When a resident may mark an occurrence done: on its day, or for a weekly
 * chore on any day of the week that ends on its day. Never after the day ends.
 */
export function doneWindow(
  date: LocalDate,
  frequency: ChoreFrequency,
): { from: LocalDate; to: LocalDate } {
  return { from: frequency === 'weekly' ? addDays(date, -6) : date, to: date };
}

export interface CompletionCounts {
  assigned: number;
  done: number;
  verified: number;
  missed: number;
  /** done ÷ assigned, or null when nothing was due */
  rate: number | null;
}

/**
 * How the chores due from `from` to `to` (both included) went. Occurrences not
 * yet past their day are left out, so a rate never counts what is still to do.
 */
export function completion(
  statuses: ReadonlyArray<{ date: LocalDate; status: OccurrenceStatus }>,
  from: LocalDate,
  to: LocalDate,
): CompletionCounts {
  let assigned = 0;
  let done = 0;
  let verified = 0;
  let missed = 0;
  for (const s of statuses) {
    if (s.date < from || s.date > to || s.status === 'unassigned') continue;
    if (s.status === 'upcoming' || s.status === 'due' || s.status === 'rejected') continue;
    assigned += 1;
    if (countsAsDone(s.status)) done += 1;
    if (s.status === 'verified') verified += 1;
    if (s.status === 'missed') missed += 1;
  }
  return { assigned, done, verified, missed, rate: assigned === 0 ? null : done / assigned };
}

/** Whole weeks back from `today`: the first day of the window and its last. */
export function weeksBack(today: LocalDate, weeks: number): { from: LocalDate; to: LocalDate } {
  return { from: addDays(today, -(weeks * 7) + 1), to: today };
}

/** A date falls inside a rota period. */
export function inPeriod(date: LocalDate, start: LocalDate, days: number): boolean {
  const offset = daysBetween(start, date);
  return offset >= 0 && offset < days;
}
