// The operator's portfolio: the figures of one house-day, the windows the
// overview reads them over, and how day figures add up. Every rate is a ratio of
// summed counts (never an average of rates), so the organisation's total weighs
// each house by how much happened there.
import { compliance, type DayStatus, weekStart } from '../check-ins/policy';
import { completion, type OccurrenceStatus } from '../chores/chores';
import { addDays, daysBetween, type LocalDate } from '../dates';
import { ratePerResidentMonth } from '../rules/violations';

/** What one day in one house adds to the overview. */
export interface DayFigures {
  date: LocalDate;
  nights: number;
  checkInsRequired: number;
  checkInsMade: number;
  checkInsOnTime: number;
  choresAssigned: number;
  choresDone: number;
  choresVerified: number;
  choresMissed: number;
  violations: number;
  /** house meetings held (closed) that day, residents marked present or late, attendance recorded */
  meetingsHeld: number;
  meetingsPresent: number;
  meetingsRecorded: number;
}

export type Counts = Omit<DayFigures, 'date'>;

export const ZERO_COUNTS: Counts = {
  nights: 0,
  checkInsRequired: 0,
  checkInsMade: 0,
  checkInsOnTime: 0,
  choresAssigned: 0,
  choresDone: 0,
  choresVerified: 0,
  choresMissed: 0,
  violations: 0,
  meetingsHeld: 0,
  meetingsPresent: 0,
  meetingsRecorded: 0,
};

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    nights: a.nights + b.nights,
    checkInsRequired: a.checkInsRequired + b.checkInsRequired,
    checkInsMade: a.checkInsMade + b.checkInsMade,
    checkInsOnTime: a.checkInsOnTime + b.checkInsOnTime,
    choresAssigned: a.choresAssigned + b.choresAssigned,
    choresDone: a.choresDone + b.choresDone,
    choresVerified: a.choresVerified + b.choresVerified,
    choresMissed: a.choresMissed + b.choresMissed,
    violations: a.violations + b.violations,
    meetingsHeld: a.meetingsHeld + b.meetingsHeld,
    meetingsPresent: a.meetingsPresent + b.meetingsPresent,
    meetingsRecorded: a.meetingsRecorded + b.meetingsRecorded,
  };
}

export interface DayInputs {
  date: LocalDate;
  /** every resident's status that day, as the check-in board works it out */
  statuses: readonly DayStatus[];
  /** chores due that day with their status */
  chores: ReadonlyArray<{ date: LocalDate; status: OccurrenceStatus }>;
  /** stays in the house: a night counts from the move-in night to the night before move-out */
  stays: ReadonlyArray<{ startDate: LocalDate; endDate: LocalDate | null }>;
  /** violations that happened that day, voided ones left out */
  violations: number;
  /** house meetings held (closed) that day: residents present or late, attendance recorded */
  meetings?: ReadonlyArray<{ present: number; recorded: number }>;
}

export function dayFigures(input: DayInputs): DayFigures {
  const c = compliance(input.statuses);
  const chores = completion(input.chores, input.date, input.date);
  return {
    date: input.date,
    nights: input.stays.filter(
      (s) => s.startDate <= input.date && (s.endDate === null || input.date < s.endDate),
    ).length,
    checkInsRequired: c.required,
    checkInsMade: c.made,
    checkInsOnTime: c.onTime,
    choresAssigned: chores.assigned,
    choresDone: chores.done,
    choresVerified: chores.verified,
    choresMissed: chores.missed,
    violations: input.violations,
    meetingsHeld: input.meetings?.length ?? 0,
    meetingsPresent: (input.meetings ?? []).reduce((n, m) => n + m.present, 0),
    meetingsRecorded: (input.meetings ?? []).reduce((n, m) => n + m.recorded, 0),
  };
}

/** A day's check-in figures are final once nothing that day is still open. */
export function dayIsFinal(statuses: readonly DayStatus[]): boolean {
  return statuses.every((s) => s.daily.status !== 'due' && s.curfew.status !== 'due');
}

export interface Window {
  from: LocalDate;
  to: LocalDate;
}

/** How many months back the violation rate looks: this month and the two before, as the rates report does by default. */
export const OVERVIEW_VIOLATION_MONTHS = 3;
export const TREND_WEEKS = 12;

/**
 * The windows the overview reads, for a house whose today is `today`.
 * Check-in compliance covers whole days only (up to yesterday): today's
 * check-ins are still open, and the board shows today on its own. Chores cover
 * the last four weeks with today, as the house's completion report does.
 */
export function overviewWindows(today: LocalDate) {
  const yesterday = addDays(today, -1);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - (OVERVIEW_VIOLATION_MONTHS - 1);
  const violationsFrom = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  return {
    today,
    yesterday,
    checkIns7: { from: addDays(today, -7), to: yesterday },
    checkIns30: { from: addDays(today, -30), to: yesterday },
    chores28: { from: addDays(today, -27), to: today },
    violations: { from: violationsFrom, to: today },
    // whole weeks only: a week of one or two days makes a rate jump for nothing
    trend: { from: addDays(weekStart(today), -7 * TREND_WEEKS), to: addDays(weekStart(today), -1) },
  };
}

/** The first day whose figures the overview ever reads: older day figures are not kept up to date. */
export function figuresHorizon(today: LocalDate): LocalDate {
  const w = overviewWindows(today);
  return [w.checkIns30.from, w.chores28.from, w.violations.from, w.trend.from].reduce((a, b) =>
    a < b ? a : b,
  );
}

export function sumOver(days: readonly DayFigures[], window: Window): Counts {
  let total = ZERO_COUNTS;
  for (const d of days)
    if (d.date >= window.from && d.date <= window.to) total = addCounts(total, d);
  return total;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The headline rates of some summed counts. */
export function ratesOf(counts: Counts) {
  return {
    checkIns: ratio(counts.checkInsMade, counts.checkInsRequired),
    chores: ratio(counts.choresDone, counts.choresAssigned),
    violationsPerResidentMonth: ratePerResidentMonth(counts.violations, counts.nights),
  };
}

export interface TrendWeek {
  weekStart: LocalDate;
  /** days of the week counted so far (the current week is partial) */
  days: number;
  /** share of beds filled: nights ÷ (beds × days) */
  occupancy: number | null;
  checkIns: number | null;
  chores: number | null;
  violationsPerResidentMonth: number | null;
  counts: Counts;
}

/** Week by week, Monday to Sunday, the `TREND_WEEKS` whole weeks before the week of `today`. */
export function weeklyTrend(
  days: readonly DayFigures[],
  beds: number,
  today: LocalDate,
): TrendWeek[] {
  const { from: first, to: lastDay } = overviewWindows(today).trend;
  const weeks: TrendWeek[] = [];
  for (let start = first; start <= lastDay; start = addDays(start, 7)) {
    const end = addDays(start, 6) < lastDay ? addDays(start, 6) : lastDay;
    const counts = sumOver(days, { from: start, to: end });
    const dayCount = daysBetween(start, end) + 1;
    const rates = ratesOf(counts);
    weeks.push({
      weekStart: start,
      days: dayCount,
      occupancy: ratio(counts.nights, beds * dayCount),
      checkIns: rates.checkIns,
      chores: rates.chores,
      violationsPerResidentMonth: rates.violationsPerResidentMonth,
      counts,
    });
  }
  return weeks;
}

interface Compliance {
  required: number;
  made: number;
  onTime: number;
  rate: number | null;
}

/** One house's line of the overview, as far as adding houses up goes. */
export interface HouseLine {
  occupancy: { beds: number; filled: number; open: number; expectedMoveOuts: number };
  checkIns7: Compliance;
  checkIns30: Compliance;
  chores: { assigned: number; done: number; verified: number; missed: number };
  violations: { count: number; residentNights: number };
  meetings: { held: number; present: number; recorded: number };
  positiveTests: number;
  openGrievances: number;
  attention: { flags: number; urgent: number; residents: number };
}

/**
 * Houses added up: every count summed and every rate taken of the sums, so a
 * big house weighs more than a small one. The organisation's totals, and the
 * dashboard's totals of the houses a filter leaves.
 */
export function addUpHouses(rows: readonly HouseLine[]) {
  const sum = (pick: (r: HouseLine) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const compliance = (pick: (r: HouseLine) => Compliance): Compliance => {
    const required = sum((r) => pick(r).required);
    const made = sum((r) => pick(r).made);
    return { required, made, onTime: sum((r) => pick(r).onTime), rate: ratio(made, required) };
  };
  const beds = sum((r) => r.occupancy.beds);
  const filled = sum((r) => r.occupancy.filled);
  const assigned = sum((r) => r.chores.assigned);
  const done = sum((r) => r.chores.done);
  const count = sum((r) => r.violations.count);
  const nights = sum((r) => r.violations.residentNights);
  const present = sum((r) => r.meetings.present);
  const recorded = sum((r) => r.meetings.recorded);
  return {
    houses: rows.length,
    occupancy: {
      beds,
      filled,
      open: sum((r) => r.occupancy.open),
      expectedMoveOuts: sum((r) => r.occupancy.expectedMoveOuts),
      rate: ratio(filled, beds),
    },
    checkIns7: compliance((r) => r.checkIns7),
    checkIns30: compliance((r) => r.checkIns30),
    chores: {
      assigned,
      done,
      verified: sum((r) => r.chores.verified),
      missed: sum((r) => r.chores.missed),
      rate: ratio(done, assigned),
    },
    violations: {
      count,
      residentNights: nights,
      perResidentMonth: ratePerResidentMonth(count, nights),
    },
    meetings: {
      held: sum((r) => r.meetings.held),
      present,
      recorded,
      rate: ratio(present, recorded),
    },
    positiveTests: sum((r) => r.positiveTests),
    openGrievances: sum((r) => r.openGrievances),
    attention: {
      flags: sum((r) => r.attention.flags),
      urgent: sum((r) => r.attention.urgent),
      residents: sum((r) => r.attention.residents),
    },
  };
}
