// Which check-ins are due, and whether each was made, for any resident on any
// day, in the house's timezone. The daily check-in is due by a house-local time;
// the curfew check-in ("I'm home") opens a while before the phase's curfew and is
// on time until a short grace after it. A resident away on an approved pass, or
// not living in the house that day, is never counted as missing; a check-in made
// before the resident first signed the house rules does not count as complete.
import { Temporal } from 'temporal-polyfill';
import { addDays, instantAt, type LocalDate } from '../dates';
import { passCovers, type PassState } from '../rules/passes';
import { curfewInstant, nightOf, type PhaseCurfews } from '../rules/phases';

export interface CheckInPolicy {
  /** House-local HH:MM by which the daily check-in is due. */
  dailyCheckInBy: string;
  /** Minutes before curfew that the curfew check-in opens. */
  curfewWindowBefore: number;
  /** Minutes after curfew that a curfew check-in still counts as on time. */
  curfewGrace: number;
}

export interface PhaseRequirements extends PhaseCurfews {
  dailyCheckIn: boolean;
  curfewCheckIn: boolean;
  meetingsPerWeek: number;
}

/** When the daily check-in for `date` is due. */
export function dailyDueAt(date: LocalDate, policy: CheckInPolicy, timeZone: string): Date {
  const [hour, minute] = policy.dailyCheckInBy.split(':').map(Number) as [number, number];
  return instantAt(date, hour, minute, timeZone);
}

export interface CurfewWindow {
  night: LocalDate;
  opensAt: Date;
  curfewAt: Date;
  /** The end of the grace: later than this is late. */
  closesAt: Date;
}

export function curfewWindow(
  phase: PhaseCurfews,
  night: LocalDate,
  policy: CheckInPolicy,
  timeZone: string,
): CurfewWindow {
  const curfewAt = curfewInstant(phase, night, timeZone);
  return {
    night,
    curfewAt,
    opensAt: new Date(curfewAt.getTime() - policy.curfewWindowBefore * 60_000),
    closesAt: new Date(curfewAt.getTime() + policy.curfewGrace * 60_000),
  };
}

export type CurfewTiming =
  | { timing: 'early'; window: CurfewWindow }
  | { timing: 'on_time'; window: CurfewWindow }
  | { timing: 'late'; window: CurfewWindow; minutesLate: number };

/**
 * How a curfew check-in at `at` stands. Arriving home after midnight still
 * belongs to the night before (until noon). Too early does not count: the
 * window exists so that "I'm home" means home for the night.
 */
export function curfewTiming(
  phase: PhaseCurfews,
  at: Date,
  policy: CheckInPolicy,
  timeZone: string,
): CurfewTiming {
  const window = curfewWindow(phase, nightOf(at, timeZone), policy, timeZone);
  if (at.getTime() < window.opensAt.getTime()) return { timing: 'early', window };
  if (at.getTime() <= window.closesAt.getTime()) return { timing: 'on_time', window };
  return {
    timing: 'late',
    window,
    minutesLate: Math.floor((at.getTime() - window.curfewAt.getTime()) / 60_000),
  };
}

/**
 * Where one requirement stands on a day:
 * - `not_required`: the phase does not ask for it, or the resident did not live in the house then
 * - `away`: an approved pass covers the time it was due
 * - `done` / `late`: made, on time or after the time it was due
 * - `unsigned`: made, but before the resident first signed the house rules, so not complete
 * - `due`: not made yet, and there is still time
 * - `missed`: not made, and the time has passed
 */
export type RequirementStatus =
  'not_required' | 'away' | 'done' | 'late' | 'unsigned' | 'due' | 'missed';

export interface Entry {
  recordedAt: Date;
  late: boolean;
}

export interface PassSpan {
  status: PassState;
  departAt: Date;
  expectedReturnAt: Date;
  returnedAt: Date | null;
}

export interface DayInput {
  date: LocalDate;
  timeZone: string;
  policy: CheckInPolicy;
  /** The resident's phase that day; without one, the daily check-in is due and curfew is not checked. */
  phase: PhaseRequirements | null;
  /** The stay in this house: from its first day to the day they left (null while living there). */
  stay: { startDate: LocalDate; endDate: LocalDate | null };
  passes: readonly PassSpan[];
  daily: Entry | null;
  curfew: Entry | null;
  /** When the resident first signed a version of this house's rules. */
  firstSignedAt: Date | null;
  now: Date;
}

export interface DayStatus {
  date: LocalDate;
  daily: { status: RequirementStatus; dueAt: Date };
  curfew: { status: RequirementStatus; window: CurfewWindow | null };
}

/** Lived in the house for the whole of `date`: the move-in day and the move-out day are not counted. */
function presentAllDay(stay: DayInput['stay'], date: LocalDate) {
  return stay.startDate < date && (stay.endDate === null || date < stay.endDate);
}

/** Slept in the house the night of `date` (the move-in night counts, the move-out night not). */
function presentThatNight(stay: DayInput['stay'], date: LocalDate) {
  return stay.startDate <= date && (stay.endDate === null || date < stay.endDate);
}

function made(entry: Entry, firstSignedAt: Date | null): RequirementStatus {
  if (!firstSignedAt || entry.recordedAt.getTime() < firstSignedAt.getTime()) return 'unsigned';
  return entry.late ? 'late' : 'done';
}

export function dayStatus(input: DayInput): DayStatus {
  const dueAt = dailyDueAt(input.date, input.policy, input.timeZone);
  const covered = (at: Date) => input.passes.some((p) => passCovers(p, at));

  let daily: RequirementStatus;
  if (!presentAllDay(input.stay, input.date) || (input.phase && !input.phase.dailyCheckIn))
    daily = 'not_required';
  else if (input.daily) daily = made(input.daily, input.firstSignedAt);
  else if (covered(dueAt)) daily = 'away';
  else daily = input.now.getTime() <= dueAt.getTime() ? 'due' : 'missed';

  const phase = input.phase;
  let curfew: RequirementStatus;
  let window: CurfewWindow | null = null;
  if (!phase || !phase.curfewCheckIn || !presentThatNight(input.stay, input.date)) {
    curfew = 'not_required';
  } else {
    window = curfewWindow(phase, input.date, input.policy, input.timeZone);
    if (input.curfew) curfew = made(input.curfew, input.firstSignedAt);
    else if (covered(window.curfewAt)) curfew = 'away';
    else curfew = input.now.getTime() <= window.closesAt.getTime() ? 'due' : 'missed';
  }
  return { date: input.date, daily: { status: daily, dueAt }, curfew: { status: curfew, window } };
}

const COUNTED: ReadonlySet<RequirementStatus> = new Set(['done', 'late', 'unsigned', 'missed']);

export interface Compliance {
  /** Check-ins that were due and decided (not still open, not excused). */
  required: number;
  made: number;
  onTime: number;
  /** Share made, 0–1; null when nothing was required. */
  rate: number | null;
  onTimeRate: number | null;
}

/** Compliance over some days: check-ins made (late ones too) of those required. */
export function compliance(days: readonly DayStatus[]): Compliance {
  let required = 0;
  let madeCount = 0;
  let onTime = 0;
  for (const day of days) {
    for (const status of [day.daily.status, day.curfew.status]) {
      if (!COUNTED.has(status)) continue;
      required += 1;
      if (status === 'done' || status === 'late') madeCount += 1;
      if (status === 'done') onTime += 1;
    }
  }
  return {
    required,
    made: madeCount,
    onTime,
    rate: required === 0 ? null : madeCount / required,
    onTimeRate: required === 0 ? null : onTime / required,
  };
}

/**
 * Days in a row, up to today, with every required check-in made on time. Days
 * with nothing required (away on a pass, not in the house) neither count nor
 * break it; today counts once it is complete and does not break it while open.
 */
export function streak(daysNewestFirst: readonly DayStatus[]): number {
  let count = 0;
  for (const [index, day] of daysNewestFirst.entries()) {
    const statuses = [day.daily.status, day.curfew.status].filter(
      (s) => s !== 'not_required' && s !== 'away',
    );
    if (statuses.length === 0) continue;
    if (statuses.every((s) => s === 'done')) {
      count += 1;
      continue;
    }
    if (index === 0 && statuses.every((s) => s === 'done' || s === 'due')) continue;
    break;
  }
  return count;
}

/** The Monday starting the week of `date` (weeks run Monday to Sunday). */
export function weekStart(date: LocalDate): LocalDate {
  const day = Temporal.PlainDate.from(date);
  return day.subtract({ days: day.dayOfWeek - 1 }).toString();
}

/** The dates from `from` to `to`, both included. */
export function datesFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}
