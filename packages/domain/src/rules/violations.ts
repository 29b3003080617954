// Violations: what recording one needs, and the rate that lets an operator see
// whether rules are applied evenly: violations per resident-month, where a
// resident-month is thirty nights that someone lived in the house.
import * as z from 'zod';
import { addDays, daysBetween, type LocalDate } from '../dates';
import { id, requiredText } from '../schemas';
import { consequenceInput } from './rule-book';

export const violationRecordInput = z.strictObject({
  residentId: id,
  ruleKey: z.string({ error: 'is required.' }).trim().min(1, 'is required.').max(60),
  occurredAt: z.iso
    .datetime({ offset: true, error: 'must be a date and time.' })
    .transform((v) => new Date(v)),
  description: requiredText(2000),
  consequence: consequenceInput,
  // the late return this violation is about, when it came from one
  passId: id.optional(),
});
export type ViolationRecordInput = z.infer<typeof violationRecordInput>;

export const violationRespondInput = z.strictObject({
  violationId: id,
  response: requiredText(2000),
});
export const violationVoidInput = z.strictObject({
  violationId: id,
  reason: requiredText(500),
});
export const violationIdInput = z.strictObject({ violationId: id });
export const violationListInput = z.strictObject({
  houseId: id,
  includeVoided: z.boolean().default(true),
  residentId: id.optional(),
});

export const RESIDENT_MONTH_NIGHTS = 30;

/** A calendar month, YYYY-MM. */
export type Month = string;

export function monthOf(date: LocalDate): Month {
  return date.slice(0, 7);
}

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

/**
 * Nights lived in the house per month, from stays (start included, end
 * excluded), counting no night after `today`.
 */
export function residentNightsByMonth(
  stays: ReadonlyArray<{ startDate: LocalDate; endDate: LocalDate | null }>,
  months: readonly Month[],
  today: LocalDate,
): Map<Month, number> {
  const nights = new Map<Month, number>(months.map((m) => [m, 0]));
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return nights;
  const windowStart = `${first}-01`;
  const afterLast = nextMonthStart(`${last}-01`);
  const tomorrow = addDays(today, 1);
  for (const stay of stays) {
    let start = stay.startDate > windowStart ? stay.startDate : windowStart;
    const endCandidates = [afterLast, tomorrow, stay.endDate ?? afterLast];
    const end = endCandidates.reduce((a, b) => (a < b ? a : b));
    while (start < end) {
      const monthEnd = nextMonthStart(start);
      const stop = monthEnd < end ? monthEnd : end;
      const month = monthOf(start);
      if (nights.has(month)) nights.set(month, (nights.get(month) ?? 0) + daysBetween(start, stop));
      start = stop;
    }
  }
  return nights;
}

function nextMonthStart(date: LocalDate): LocalDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Violations per resident-month; null when nobody lived there (no rate, not zero). */
export function ratePerResidentMonth(violations: number, nights: number): number | null {
  if (nights <= 0) return null;
  return Math.round((violations / (nights / RESIDENT_MONTH_NIGHTS)) * 100) / 100;
}
