// Sharing with consent: a resident shows someone in their circle a read-only
// summary behind an unguessable link, with only the parts they chose. The
// consent's elements are recorded (who shares, with whom, what, for what
// purpose, until when, the right to revoke), and the recipient is told they may
// not pass it on. Craving, tests and notes are never in a summary unless chosen.
import * as z from 'zod';
import { addDays, type LocalDate } from '../dates';
import { id, localDate, optionalText, requiredText } from '../schemas';

export const SHARE_FIELDS = [
  'check_in_compliance',
  'meetings_per_week',
  'milestones',
  'chore_completion',
  'house_meetings',
  'mood_trend',
  'craving_trend',
  'tests',
  'recovery_capital',
] as const;
export type ShareField = (typeof SHARE_FIELDS)[number];

export const SHARE_FIELD_LABELS: Record<ShareField, string> = {
  check_in_compliance: 'How many check-ins I made, over the last 30 days',
  meetings_per_week: 'Recovery meetings I went to each week',
  milestones: 'My milestones (time sober, time in the house)',
  chore_completion: 'How my chores went',
  house_meetings: 'House meetings I attended',
  mood_trend: 'My mood over the last weeks',
  craving_trend: 'My cravings over the last weeks',
  tests: 'My drug and alcohol test results',
  recovery_capital: 'My recovery capital (BARC-10) totals',
};

/** Parts that say more than most recipients need: asked for one by one, never by default. */
export const SENSITIVE_SHARE_FIELDS: readonly ShareField[] = [
  'craving_trend',
  'tests',
  'mood_trend',
];

/** The longest a share may last. */
export const MAX_SHARE_DAYS = 365;

export const REDISCLOSURE_NOTICE =
  'This information was shared by the person it is about, for the purpose stated, and is ' +
  'protected by federal confidentiality rules (42 CFR Part 2). You may not share it with anyone ' +
  'else, or use it for any other purpose, without their written consent.';

export const shareCreateInput = z.strictObject({
  recipientName: requiredText(120),
  recipientRelationship: requiredText(120),
  // someone from their circle, when the share is with them
  memberId: id.optional(),
  purpose: requiredText(300),
  fields: z
    .array(z.enum(SHARE_FIELDS, { error: 'must be one of the listed parts.' }))
    .min(1, 'must include at least one part to share.')
    .max(SHARE_FIELDS.length)
    .refine((f) => new Set(f).size === f.length, 'can list each part once.'),
  until: localDate,
  note: optionalText(500),
  // the resident read the consent and agrees to it
  agreed: z.literal(true, { error: 'must be ticked: read and agree to what is shared.' }),
});
export type ShareCreateInput = z.infer<typeof shareCreateInput>;

/** The reason a share's end date may not be used, or null. */
export function shareUntilProblem(until: LocalDate, today: LocalDate): string | null {
  if (until < today) return 'cannot be in the past.';
  if (until > addDays(today, MAX_SHARE_DAYS))
    return `can be at most ${MAX_SHARE_DAYS} days from today.`;
  return null;
}

export type ShareState = 'active' | 'revoked' | 'expired';

/** A share answers only while it is active: until the end of its last day, and not revoked. */
export function shareState(
  share: { revokedAt: Date | null; until: LocalDate },
  today: LocalDate,
): ShareState {
  if (share.revokedAt) return 'revoked';
  return share.until < today ? 'expired' : 'active';
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Tuesday, February 9, 2027": a day as people write it, whatever the reader's clock. */
function longDate(date: LocalDate) {
  // a form still being filled in shows what it has
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`)))
    return date;
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The consent in words, as the resident reads it before agreeing and as it is kept with the share. */
export function consentWords(input: {
  residentName: string;
  recipientName: string;
  recipientRelationship: string;
  purpose: string;
  fields: readonly ShareField[];
  until: LocalDate;
}) {
  return [
    `I, ${input.residentName}, agree to share a summary of my record with ${input.recipientName} (${input.recipientRelationship}).`,
    `What is shared: ${input.fields.map((f) => lowerFirst(SHARE_FIELD_LABELS[f])).join('; ')}. Nothing else.`,
    `Why: ${input.purpose}`,
    `Until: the end of ${longDate(input.until)}, unless I revoke it sooner. I can revoke it at any time, and it stops working at once.`,
    'Every time the page is opened it is logged, and I can see the log.',
    REDISCLOSURE_NOTICE,
  ].join('\n');
}
