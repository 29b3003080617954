// The community resource directory of an organisation and its houses: mutual-
// help meetings (with their weekday, time and place, or an online link),
// clinics, counselling, job training, education, legal aid, volunteering, faith
// and fitness groups. Residents browse it; "tonight near the house" is a filter.
import * as z from 'zod';
import { id, optionalText, requiredText } from '../schemas';

export const RESOURCE_KINDS = [
  'meeting',
  'clinic',
  'counselling',
  'job_training',
  'education',
  'legal_aid',
  'volunteering',
  'faith',
  'fitness',
  'other',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  meeting: 'Mutual-help meeting',
  clinic: 'Clinic',
  counselling: 'Counselling',
  job_training: 'Job training',
  education: 'Education',
  legal_aid: 'Legal aid',
  volunteering: 'Volunteering',
  faith: 'Faith group',
  fitness: 'Fitness',
  other: 'Other',
};

const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 19:00.')
  .optional();

const url = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || /^https:\/\/[^\s]+$/i.test(v), 'must be an https:// address.');

const resourceFields = {
  kind: z.enum(RESOURCE_KINDS, { error: 'must be one of the listed kinds.' }),
  name: requiredText(160),
  // for a meeting: the fellowship (one of the check-in meeting types)
  fellowship: optionalText(40),
  weekdays: z
    .array(
      z.number().int().min(1, 'must be a day of the week.').max(7, 'must be a day of the week.'),
    )
    .max(7)
    .refine((d) => new Set(d).size === d.length, 'can list each day once.')
    .default([]),
  time: wallTime,
  place: optionalText(300),
  onlineLink: url,
  phone: optionalText(40),
  notes: optionalText(1000),
};

function checkMeeting(
  v: { kind: ResourceKind; weekdays: readonly number[]; time?: string | undefined },
  issue: z.RefinementCtx,
) {
  if (v.kind === 'meeting' && v.weekdays.length === 0)
    issue.addIssue({
      code: 'custom',
      path: ['weekdays'],
      message: 'must name the days the meeting meets.',
    });
  if (v.kind === 'meeting' && v.time === undefined)
    issue.addIssue({ code: 'custom', path: ['time'], message: 'is required for a meeting.' });
}

/** Without a house, the resource is the whole organisation's. */
export const resourceCreateInput = z
  .strictObject({ organisationId: id.optional(), houseId: id.optional(), ...resourceFields })
  .superRefine(checkMeeting);
export const resourceUpdateInput = z
  .strictObject({ resourceId: id, ...resourceFields })
  .superRefine(checkMeeting);
