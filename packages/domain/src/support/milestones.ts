// Milestones to celebrate: time sober from the sobriety date (24 hours, 30, 60
// and 90 days, six and nine months, a year, then every year) and time in the
// house (30, 60 and 90 days). Calendar months and years, so "six months" is the
// same date six months on, whatever the month lengths.
import { Temporal } from 'temporal-polyfill';
import { addDays, type LocalDate } from '../dates';

export type MilestoneKind = 'sobriety' | 'stay';

export interface Milestone {
  kind: MilestoneKind;
  /** The day it is reached. */
  date: LocalDate;
  /** "30 days", "6 months", "2 years". */
  label: string;
}

function plusMonths(date: LocalDate, months: number): LocalDate {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

/** Every sobriety milestone from `sober` up to `until`, in order. */
export function sobrietyMilestones(sober: LocalDate, until: LocalDate): Milestone[] {
  const list: Milestone[] = [
    { kind: 'sobriety', date: addDays(sober, 1), label: '24 hours' },
    { kind: 'sobriety', date: addDays(sober, 30), label: '30 days' },
    { kind: 'sobriety', date: addDays(sober, 60), label: '60 days' },
    { kind: 'sobriety', date: addDays(sober, 90), label: '90 days' },
    { kind: 'sobriety', date: plusMonths(sober, 6), label: '6 months' },
    { kind: 'sobriety', date: plusMonths(sober, 9), label: '9 months' },
  ];
  for (let years = 1; ; years += 1) {
    const date = plusMonths(sober, 12 * years);
    list.push({ kind: 'sobriety', date, label: years === 1 ? '1 year' : `${years} years` });
    if (date > until) break;
  }
  return list.filter((m) => m.date <= until);
}

export function stayMilestones(moveIn: LocalDate): Milestone[] {
  return [30, 60, 90].map((days) => ({
    kind: 'stay' as const,
    date: addDays(moveIn, days),
    label: `${days} days in the house`,
  }));
}

/**
 * A resident's milestones around `today`: the last reached and the next to
 * come of each kind, and any reached within `recentDays` (to celebrate).
 */
export function milestonesAround(
  input: { sobrietyDate: LocalDate | null; moveIn: LocalDate | null },
  today: LocalDate,
  recentDays = 7,
): { reached: Milestone[]; next: Milestone[]; recent: Milestone[] } {
  const all = [
    ...(input.sobrietyDate ? sobrietyMilestones(input.sobrietyDate, addDays(today, 800)) : []),
    ...(input.moveIn ? stayMilestones(input.moveIn) : []),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const reached = all.filter((m) => m.date <= today);
  const next: Milestone[] = [];
  for (const kind of ['sobriety', 'stay'] as const) {
    const upcoming = all.find((m) => m.kind === kind && m.date > today);
    if (upcoming) next.push(upcoming);
  }
  const recent = reached.filter((m) => m.date > addDays(today, -recentDays));
  return { reached, next, recent };
}
