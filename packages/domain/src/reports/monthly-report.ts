// The monthly house report: which months can be asked for, the days a month
// covers, and the figures that need more than a sum. The page may go to a funder
// or a certifier, so everything it holds about residents is a count.
import * as z from 'zod';
import { addDays, daysBetween, type LocalDate } from '../dates';
import { invalid } from '../errors';
import { type Month, monthOf } from '../rules/violations';
import { id } from '../schemas';
import { sobrietyMilestones, stayMilestones } from '../support/milestones';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const reportMonth = z
  .string({ error: 'is required.' })
  .regex(MONTH, 'must be a month like 2026-03.');

export const monthlyHouseReportInput = z.strictObject({ houseId: id, month: reportMonth });
export type MonthlyHouseReportInput = z.infer<typeof monthlyHouseReportInput>;

/** The month `by` months after `month` (before, when negative). */
export function shiftMonth(month: Month, by: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first and last day of a month. */
export function monthDays(month: Month): { first: LocalDate; last: LocalDate } {
  return { first: `${month}-01`, last: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

export interface ReportSpan {
  month: Month;
  /** the first day counted: the 1st */
  from: LocalDate;
  /** the last day counted: the month's last, or today in the current month */
  to: LocalDate;
  /** days counted, from `from` to `to` */
  days: number;
  /** the current month, counted so far */
  partial: boolean;
}

/**
 * The days the report of `month` covers, for a house whose today is `today`
 * and whose records begin on `firstDay`. A month to come has nothing to count,
 * and a month before the house's records would read as an empty house.
 */
export function reportSpan(month: Month, today: LocalDate, firstDay: LocalDate): ReportSpan {
  const current = monthOf(today);
  if (month > current)
    throw invalid('month', `cannot be in the future: this house’s current month is ${current}.`);
  const opened = monthOf(firstDay < today ? firstDay : today);
  if (month < opened)
    throw invalid('month', `is before this house’s records begin: its first month is ${opened}.`);
  const { first, last } = monthDays(month);
  const partial = month === current;
  const to = partial ? today : last;
  return { month, from: first, to, days: daysBetween(first, to) + 1, partial };
}

export interface MilestoneResident {
  sobrietyDate: LocalDate | null;
  /** the resident's stays in the house, any order */
  stays: ReadonlyArray<{ startDate: LocalDate; endDate: LocalDate | null }>;
}

/**
 * Milestones reached from `from` to `to` (both included) by residents while
 * they lived in the house, from the move-in day to the move-out day. Time in the
 * house runs from the move-in of a run of stays: a move to another bed of the
 * house, which ends one stay the day the next begins, does not start it again.
 */
export function milestonesReached(
  residents: readonly MilestoneResident[],
  from: LocalDate,
  to: LocalDate,
): { sobriety: number; stay: number; residents: number } {
  let sobriety = 0;
  let stay = 0;
  let reached = 0;
  for (const r of residents) {
    const runs: Array<{ start: LocalDate; end: LocalDate | null }> = [];
    for (const s of [...r.stays].sort((a, b) => a.startDate.localeCompare(b.startDate))) {
      const last = runs.at(-1);
      if (last && last.end === s.startDate) last.end = s.endDate;
      else runs.push({ start: s.startDate, end: s.endDate });
    }
    const inSpan = (date: LocalDate) => date >= from && date <= to;
    const livedOn = (date: LocalDate) =>
      runs.some((run) => run.start <= date && (run.end === null || date <= run.end));
    const sober = r.sobrietyDate
      ? sobrietyMilestones(r.sobrietyDate, to).filter((m) => inSpan(m.date) && livedOn(m.date))
          .length
      : 0;
    const days = runs
      .flatMap((run) =>
        stayMilestones(run.start).filter((m) => run.end === null || m.date <= run.end),
      )
      .filter((m) => inSpan(m.date)).length;
    sobriety += sober;
    stay += days;
    if (sober + days > 0) reached += 1;
  }
  return { sobriety, stay, residents: reached };
}
