// House officers: the offices a house has, the powers each carries in the
// house (the secretary takes roll and writes minutes, the chore coordinator runs
// the rota, the president chairs and sets the agenda), and the term limits of a
// peer-run house: at most six months, and not two terms in a row.
import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';
import { addDays, type LocalDate } from '../dates';
import { id, localDate, optionalText, requiredText } from '../schemas';

export const OFFICE_POWERS = ['chair', 'agenda', 'minutes', 'attendance', 'chores'] as const;
export type OfficePower = (typeof OFFICE_POWERS)[number];

export const OFFICE_POWER_LABELS: Record<OfficePower, string> = {
  chair: 'Chairs meetings: opens and closes them, records motions',
  agenda: 'Sets the agenda',
  minutes: 'Writes the minutes',
  attendance: 'Takes the roll',
  chores: 'Runs the chore rota and checks chores',
};

export interface OfficeSpec {
  key: string;
  name: string;
  powers: readonly OfficePower[];
  description: string;
}

/** The offices of an Oxford House, which every house starts with. */
export const DEFAULT_OFFICES: readonly OfficeSpec[] = [
  {
    key: 'president',
    name: 'President',
    powers: ['chair', 'agenda', 'attendance'],
    description: 'Chairs the house meeting and keeps the house to its rules and traditions.',
  },
  {
    key: 'secretary',
    name: 'Secretary',
    powers: ['minutes', 'attendance', 'chair'],
    description: 'Takes the roll, writes the minutes and keeps the house’s records.',
  },
  {
    key: 'treasurer',
    name: 'Treasurer',
    powers: [],
    description: 'Keeps the house’s accounts and pays its bills.',
  },
  {
    key: 'comptroller',
    name: 'Comptroller',
    powers: [],
    description: 'Tracks what each member owes and reports it at every meeting.',
  },
  {
    key: 'chore_coordinator',
    name: 'Chore coordinator',
    powers: ['chores'],
    description: 'Runs the chore rota and checks that chores are done.',
  },
  {
    key: 'hsr',
    name: 'House services representative',
    powers: [],
    description: 'Speaks for the house at the chapter and brings back what is decided.',
  },
];

export interface TermPolicy {
  /** The longest a term may be, in months. */
  maxMonths: number;
  /** Whether a resident may serve the same office twice in a row. */
  consecutiveAllowed: boolean;
}

export const PEER_RUN_TERMS: TermPolicy = { maxMonths: 6, consecutiveAllowed: false };

export interface Term {
  officeId: string;
  residentId: string;
  startDate: LocalDate;
  /** The last day of the term. */
  endDate: LocalDate;
}

/** The last day of a term that starts on `start` and runs `months` months. */
export function termEnd(start: LocalDate, months: number): LocalDate {
  return addDays(Temporal.PlainDate.from(start).add({ months }).toString(), -1);
}

/**
 * Whether `term` may be recorded, given the office's earlier terms: within the
 * term limit, not overlapping another holder of the office (the caller ends a
 * current term first), and not straight after the same resident's last term of
 * the office unless the house allows that. Returns the reason it may not.
 */
export function termProblem(
  term: Term,
  earlier: readonly Term[],
  policy: TermPolicy,
): { field: 'startDate' | 'endDate' | 'residentId'; message: string } | null {
  if (term.endDate < term.startDate)
    return { field: 'endDate', message: 'must be on or after the start of the term.' };
  if (term.endDate > termEnd(term.startDate, policy.maxMonths))
    return {
      field: 'endDate',
      message: `must be at most ${policy.maxMonths} months after the start: a term is at most ${policy.maxMonths} months.`,
    };
  const same = earlier.filter((t) => t.officeId === term.officeId);
  const overlapping = same.find((t) => t.startDate <= term.endDate && t.endDate >= term.startDate);
  if (overlapping)
    return {
      field: 'startDate',
      message: 'overlaps a term of someone else in this office: end that term first.',
    };
  if (!policy.consecutiveAllowed) {
    const before = same
      .filter((t) => t.endDate < term.startDate)
      .sort((a, b) => a.endDate.localeCompare(b.endDate))
      .at(-1);
    if (before && before.residentId === term.residentId)
      return {
        field: 'residentId',
        message:
          'held this office for the term just before: the house does not allow two terms in a row.',
      };
  }
  return null;
}

/** The offices a resident holds on `date`. */
export function officesHeldOn(terms: readonly Term[], residentId: string, date: LocalDate) {
  return terms.filter(
    (t) => t.residentId === residentId && t.startDate <= date && t.endDate >= date,
  );
}

export const officeCreateInput = z.strictObject({
  houseId: id,
  name: requiredText(80),
  description: optionalText(300),
  powers: z
    .array(z.enum(OFFICE_POWERS, { error: 'must be one of the listed powers.' }))
    .max(OFFICE_POWERS.length)
    .refine((p) => new Set(p).size === p.length, 'can list each power once.')
    .default([]),
});

export const termPolicyInput = z.strictObject({
  houseId: id,
  maxMonths: z
    .number({ error: 'must be a number of months.' })
    .int('must be a whole number.')
    .min(1, 'must be at least 1.')
    .max(24, 'must be at most 24.'),
  consecutiveAllowed: z.boolean({ error: 'must be yes or no.' }),
});

export const endTermInput = z.strictObject({
  termId: id,
  endDate: localDate.optional(),
  reason: requiredText(300),
});
