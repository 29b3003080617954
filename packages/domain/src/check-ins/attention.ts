// Who needs attention: flags for a human to act on, most urgent first, each
// saying why in plain words. Nothing here happens to a resident automatically.
import { addDays, daysBetween, localDateAt, type LocalDate } from '../dates';
import { barc10Trend } from './barc10';
import { type SupportFacts, supportSignals } from '../support/support';
import type { RequirementStatus } from './policy';

export const ATTENTION_KINDS = [
  'overdue_return',
  'missed_check_in',
  'positive_test',
  'craving_spike',
  'barc10_falling',
  'no_meetings',
  'no_mentor_contact',
  'empty_pillar',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const ATTENTION_LABELS: Record<AttentionKind, string> = {
  overdue_return: 'Overdue return',
  missed_check_in: 'Missed check-in',
  positive_test: 'Positive or refused test',
  craving_spike: 'Craving up',
  barc10_falling: 'Recovery capital falling',
  no_meetings: 'No meetings this week',
  no_mentor_contact: 'Sponsor or mentor not in touch',
  empty_pillar: 'Support circle thin',
};

/** How far a craving must rise above the resident's own 14-day average to flag. */
export const CRAVING_SPIKE_POINTS = 3;
/** How many earlier check-ins an average needs before it means anything. */
export const CRAVING_MIN_HISTORY = 3;
/** How many days a positive or refused test stays on the list. */
export const POSITIVE_TEST_DAYS = 7;

export interface ResidentFacts {
  residentId: string;
  name: string;
  /** A sign-out or pass the resident has not come back from. */
  out: {
    kind: 'sign_out' | 'pass';
    id: string;
    destination: string;
    expectedReturnAt: Date;
    overdueMinutes: number;
  } | null;
  today: { daily: RequirementStatus; curfew: RequirementStatus };
  yesterday: { daily: RequirementStatus; curfew: RequirementStatus } | null;
  /** Daily check-ins as they stand after corrections, any order. */
  cravings: ReadonlyArray<{ date: LocalDate; craving: number; checkInId: string }>;
  /** Tests whose standing result is positive or refused (the caller filters). */
  positiveTests: ReadonlyArray<{
    id: string;
    collectedAt: Date;
    result: string;
    positiveFor: readonly string[];
  }>;
  barc10: ReadonlyArray<{ on: LocalDate; total: number }>;
  meetings: { thisWeek: number; required: number; phaseName: string | null };
  /** Their support circle, when the house has it at hand. */
  support?: SupportFacts;
}

export interface AttentionFlag {
  residentId: string;
  residentName: string;
  kind: AttentionKind;
  /** Plain words: why this resident is on the list. */
  why: string;
  /** The record behind the flag. */
  link: {
    kind: 'sign_out' | 'pass' | 'check_ins' | 'test' | 'recovery_capital' | 'support';
    id: string;
  };
  /** Minutes overdue, points above average, …: orders flags of one kind. */
  weight: number;
}

/**
 * The latest daily check-in (today's or yesterday's) against the average of the
 * resident's check-ins in the 14 days before it. Null when there is no recent
 * check-in, too little history, or no rise worth flagging.
 */
export function cravingSpike(
  cravings: ResidentFacts['cravings'],
  today: LocalDate,
): { craving: number; average: number; checkInId: string; date: LocalDate } | null {
  const sorted = [...cravings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = sorted.at(-1);
  if (!latest || latest.date < addDays(today, -1)) return null;
  const from = addDays(latest.date, -14);
  const before = sorted.filter((c) => c.date >= from && c.date < latest.date);
  if (before.length < CRAVING_MIN_HISTORY) return null;
  const average = before.reduce((sum, c) => sum + c.craving, 0) / before.length;
  if (latest.craving - average < CRAVING_SPIKE_POINTS) return null;
  return {
    craving: latest.craving,
    average: Math.round(average * 10) / 10,
    checkInId: latest.checkInId,
    date: latest.date,
  };
}

function hoursAndMinutes(minutes: number) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function flagsOf(
  r: ResidentFacts,
  today: LocalDate,
  now: Date,
  timeZone: string | undefined,
): AttentionFlag[] {
  const flags: AttentionFlag[] = [];
  const base = { residentId: r.residentId, residentName: r.name };
  if (r.out && r.out.overdueMinutes > 0)
    flags.push({
      ...base,
      kind: 'overdue_return',
      why: `${r.out.kind === 'pass' ? 'Pass' : 'Signed out'} to ${r.out.destination}: ${hoursAndMinutes(
        r.out.overdueMinutes,
      )} past the expected return, not back yet.`,
      link: { kind: r.out.kind, id: r.out.id },
      weight: r.out.overdueMinutes,
    });
  const missed: string[] = [];
  if (r.today.daily === 'missed') missed.push('today’s daily check-in');
  if (r.today.curfew === 'missed') missed.push('tonight’s curfew check-in');
  if (r.yesterday?.daily === 'missed') missed.push('yesterday’s daily check-in');
  if (r.yesterday?.curfew === 'missed') missed.push('last night’s curfew check-in');
  if (missed.length > 0)
    flags.push({
      ...base,
      kind: 'missed_check_in',
      why: `Missed ${new Intl.ListFormat('en', { type: 'conjunction' }).format(missed)}.`,
      link: { kind: 'check_ins', id: r.residentId },
      weight: missed.length,
    });
  const since = now.getTime() - POSITIVE_TEST_DAYS * 86_400_000;
  const recent = r.positiveTests
    .filter((t) => t.collectedAt.getTime() >= since)
    .sort((a, b) => b.collectedAt.getTime() - a.collectedAt.getTime());
  const latestTest = recent[0];
  if (latestTest) {
    // a collection time a few minutes ahead of the server clock is accepted, and is today
    // calendar days in the house's timezone when known, else whole 24-hour periods
    const days = Math.max(
      0,
      timeZone
        ? daysBetween(localDateAt(latestTest.collectedAt, timeZone), today)
        : Math.floor((now.getTime() - latestTest.collectedAt.getTime()) / 86_400_000),
    );
    const when = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
    flags.push({
      ...base,
      kind: 'positive_test',
      why:
        latestTest.result === 'refused'
          ? `Refused a test ${when} (a refusal counts as positive).`
          : `Tested positive${
              latestTest.positiveFor.length > 0 ? ` for ${latestTest.positiveFor.join(', ')}` : ''
            } ${when}.`,
      link: { kind: 'test', id: latestTest.id },
      weight: recent.length,
    });
  }
  const spike = cravingSpike(r.cravings, today);
  if (spike)
    flags.push({
      ...base,
      kind: 'craving_spike',
      why: `Craving ${spike.craving} of 10 ${
        spike.date === today ? 'today' : 'yesterday'
      }, against their own 14-day average of ${spike.average}.`,
      link: { kind: 'check_ins', id: r.residentId },
      weight: spike.craving - spike.average,
    });
  if (barc10Trend(r.barc10) === 'falling') {
    const byDate = [...r.barc10].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const latest = byDate.at(-1);
    const before = byDate.at(-2);
    if (latest && before)
      flags.push({
        ...base,
        kind: 'barc10_falling',
        why: `Recovery capital (BARC-10) fell from ${before.total} to ${latest.total} of 60.`,
        link: { kind: 'recovery_capital', id: r.residentId },
        weight: before.total - latest.total,
      });
  }
  if (r.meetings.required > 0 && r.meetings.thisWeek === 0)
    flags.push({
      ...base,
      kind: 'no_meetings',
      why: `No recovery meeting logged this week; ${r.meetings.phaseName ?? 'their phase'} asks for ${
        r.meetings.required
      } a week.`,
      link: { kind: 'check_ins', id: r.residentId },
      weight: r.meetings.required,
    });
  for (const signal of r.support ? supportSignals(r.support) : [])
    flags.push({
      ...base,
      kind: signal.kind,
      why: signal.why,
      link: { kind: 'support', id: r.residentId },
      weight: signal.weight,
    });
  return flags;
}

/**
 * Every flag for the residents given, most urgent first: overdue returns (the
 * longest overdue first), missed check-ins, positive or refused tests, craving
 * spikes, a falling BARC-10, missing meetings, then the support circle (a
 * sponsor not in touch, an empty pillar); within a kind, the heavier
 * first, then by name.
 */
export function attentionFlags(
  residents: readonly ResidentFacts[],
  today: LocalDate,
  now: Date,
  /** The house's timezone, so "yesterday" means the house's yesterday. */
  timeZone?: string,
): AttentionFlag[] {
  const rank = (k: AttentionKind) => ATTENTION_KINDS.indexOf(k);
  return residents
    .flatMap((r) => flagsOf(r, today, now, timeZone))
    .sort(
      (a, b) =>
        rank(a.kind) - rank(b.kind) ||
        b.weight - a.weight ||
        a.residentName.localeCompare(b.residentName),
    );
}
