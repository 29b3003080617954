// A resident's support system: the people and organisations in it, by pillar
// (family and friends; peers and mentors; professionals; the community), how
// recently the resident was in touch with each, and the signals a manager may
// want to act on (a pillar nobody stands in, a sponsor not heard from).
import * as z from 'zod';
import { daysBetween, type LocalDate } from '../dates';
import { email, id, localDate, optionalText, requiredText } from '../schemas';
import {
  PILLAR_LABELS,
  PILLARS,
  type Pillar,
  SUPPORT_KINDS,
  type SupportKind,
} from './support-labels';

export * from './support-labels';

/** The pillar a kind of supporter usually stands in; the resident may choose another. */
export const KIND_PILLAR: Record<SupportKind, Pillar> = {
  parent: 'family_friends',
  partner: 'family_friends',
  child: 'family_friends',
  sibling: 'family_friends',
  friend: 'family_friends',
  sponsor: 'peers_mentors',
  peer_mentor: 'peers_mentors',
  counsellor: 'professional',
  doctor: 'professional',
  case_manager: 'professional',
  probation_officer: 'professional',
  faith_leader: 'community',
  employer: 'community',
  group: 'community',
  other: 'community',
};

/** The kinds whose contact counts as "contact with a sponsor or mentor". */
export const MENTOR_KINDS: readonly SupportKind[] = ['sponsor', 'peer_mentor'];

const phoneText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine(
    (v) => v === undefined || /^\+?[0-9 ().-]{7,20}$/.test(v),
    'must be a phone number (digits, spaces, + ( ) - allowed).',
  );

const memberFields = {
  name: requiredText(120),
  kind: z.enum(SUPPORT_KINDS, { error: 'must be one of the listed kinds.' }),
  pillar: z.enum(PILLARS, { error: 'must be one of the four pillars.' }).optional(),
  organisation: optionalText(120),
  phone: phoneText,
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(email.optional()),
  notes: optionalText(1000),
};

export const supportMemberInput = z.strictObject({ residentId: id, ...memberFields });
export type SupportMemberInput = z.infer<typeof supportMemberInput>;
export const supportMemberUpdateInput = z.strictObject({ memberId: id, ...memberFields });

/** How recently a resident was in touch with someone. */
export const RECENCIES = ['this_week', 'this_month', 'lapsed', 'never'] as const;
export type Recency = (typeof RECENCIES)[number];
export const RECENCY_LABELS: Record<Recency, string> = {
  this_week: 'In touch this week',
  this_month: 'In touch this month',
  lapsed: 'Not in touch for over a month',
  never: 'No contact logged yet',
};

export function recencyOf(lastContact: LocalDate | null, today: LocalDate): Recency {
  if (lastContact === null) return 'never';
  const days = daysBetween(lastContact, today);
  if (days <= 7) return 'this_week';
  if (days <= 30) return 'this_month';
  return 'lapsed';
}

export interface CircleMember {
  id: string;
  pillar: Pillar;
  kind: SupportKind;
  lastContact: LocalDate | null;
}

/** A pillar is thin when nobody in it was in touch this month. */
export function pillarState(
  members: readonly CircleMember[],
  pillar: Pillar,
  today: LocalDate,
): 'empty' | 'thin' | 'alive' {
  const theirs = members.filter((m) => m.pillar === pillar);
  if (theirs.length === 0) return 'empty';
  return theirs.some((m) => {
    const r = recencyOf(m.lastContact, today);
    return r === 'this_week' || r === 'this_month';
  })
    ? 'alive'
    : 'thin';
}

/** Days in the house before a pillar nobody stands in is worth a conversation. */
export const EMPTY_PILLAR_AFTER_DAYS = 14;
/** Days without contact with a sponsor or mentor before it is worth a conversation. */
export const MENTOR_CONTACT_DAYS = 7;

export interface SupportFacts {
  daysInHouse: number;
  emptyPillars: readonly Pillar[];
  /** null when no contact with a sponsor or mentor (in their circle or paired by the house) is logged. */
  daysSinceMentorContact: number | null;
  hasMentor: boolean;
}

/** The support signals for one resident, in words; none in their first two weeks. */
export function supportSignals(
  f: SupportFacts,
): Array<{ kind: 'empty_pillar' | 'no_mentor_contact'; why: string; weight: number }> {
  const out: Array<{ kind: 'empty_pillar' | 'no_mentor_contact'; why: string; weight: number }> =
    [];
  if (f.daysInHouse >= EMPTY_PILLAR_AFTER_DAYS && f.emptyPillars.length > 0) {
    const names = f.emptyPillars.map((p) => PILLAR_LABELS[p].toLowerCase());
    out.push({
      kind: 'empty_pillar',
      why: `Nobody in their support circle for ${new Intl.ListFormat('en', { type: 'conjunction' }).format(names)}, after ${f.daysInHouse} days in the house.`,
      weight: f.emptyPillars.length,
    });
  }
  if (
    f.hasMentor &&
    (f.daysSinceMentorContact === null || f.daysSinceMentorContact >= MENTOR_CONTACT_DAYS)
  )
    out.push({
      kind: 'no_mentor_contact',
      why:
        f.daysSinceMentorContact === null
          ? 'No contact with their sponsor or mentor logged yet.'
          : `No contact with their sponsor or mentor logged in ${f.daysSinceMentorContact} days.`,
      weight: f.daysSinceMentorContact ?? 999,
    });
  return out;
}

export const volunteeringInput = z.strictObject({
  date: localDate,
  hours: z
    .number({ error: 'must be a number of hours.' })
    .min(0.25, 'must be at least a quarter of an hour.')
    .max(24, 'must be at most 24 hours.')
    .multipleOf(0.25, 'must be in quarters of an hour.'),
  what: requiredText(200),
  where: optionalText(200),
});

/** A newcomer paired with a senior resident as peer mentor, for up to a year (90 days unless said). */
export const mentorshipPairInput = z.strictObject({
  houseId: id,
  mentorId: id,
  menteeId: id,
  startDate: localDate.optional(),
  endDate: localDate.optional(),
});
export const mentorshipEndInput = z.strictObject({ mentorshipId: id, reason: requiredText(300) });
export const mentorNoteInput = z.strictObject({
  mentorshipId: id,
  note: requiredText(1000),
  date: localDate.optional(),
});
