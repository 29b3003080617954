// Input schemas shared by the API (validation at the edge) and the dashboard
// forms. Messages are written to be shown beside the field they name.
import * as z from 'zod';
import { canonicalTimeZone, isLocalDate, isValidTimeZone } from './calendar';
import { DISCHARGE_REASONS } from './labels';

export const id = z.string().trim().min(1, 'is required.').max(64, 'is not a valid id.');

export const requiredText = (max: number) =>
  z
    .string({ error: 'is required.' })
    .trim()
    .min(1, 'is required.')
    .max(max, `must be at most ${max} characters.`);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters.`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const localDate = z
  .string({ error: 'is required.' })
  .refine(isLocalDate, 'must be a date like 2026-03-12.');

const optionalLocalDate = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || isLocalDate(v), 'must be a date like 2026-03-12.');

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{7,20}$/, 'must be a phone number (digits, spaces, + ( ) - allowed).');

const optionalPhone = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || /^\+?[0-9 ().-]{7,20}$/.test(v), 'must be a phone number.');

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('must be an email address.'));

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || z.email().safeParse(v).success, 'must be an email address.');

const houseFields = {
  name: requiredText(120),
  address: requiredText(300),
  timezone: z
    .string({ error: 'is required.' })
    .refine(isValidTimeZone, 'must be an IANA timezone such as America/Chicago.')
    .transform(canonicalTimeZone),
  narrLevel: z
    .number({ error: 'must be a number from 1 to 4.' })
    .int('must be a whole number.')
    .min(1, 'must be from 1 to 4.')
    .max(4, 'must be from 1 to 4.'),
  capacity: z
    .number({ error: 'must be a number.' })
    .int('must be a whole number.')
    .min(1, 'must be at least 1.')
    .max(500, 'must be at most 500.'),
};

export const houseCreateInput = z.strictObject({
  organisationId: id.optional(),
  ...houseFields,
});
export const houseUpdateInput = z.strictObject({
  houseId: id,
  ...houseFields,
});
export const houseIdInput = z.strictObject({ houseId: id });

export const roomCreateInput = z.strictObject({ houseId: id, name: requiredText(60) });
export const bedCreateInput = z.strictObject({
  houseId: id,
  roomId: id,
  label: requiredText(30),
});

export const emergencyContactInput = z.strictObject({
  name: requiredText(120),
  relationship: requiredText(60),
  phone,
});

const residentProfileFields = {
  firstName: requiredText(80),
  lastName: requiredText(80),
  preferredName: optionalText(80),
  phone: optionalPhone,
  email: optionalEmail,
  dateOfBirth: optionalLocalDate,
  sobrietyDate: optionalLocalDate,
  emergencyContacts: z
    .array(emergencyContactInput)
    .max(5, 'can list at most 5 people.')
    .default([]),
};

export const residentIntakeInput = z.strictObject({ houseId: id, ...residentProfileFields });
export const residentUpdateInput = z.strictObject({
  residentId: id,
  ...residentProfileFields,
  reason: optionalText(300),
});

export const residentIdInput = z.strictObject({ residentId: id });

export const residentListInput = z.strictObject({
  houseId: id,
  status: z.enum(['current', 'past', 'all']).default('current'),
  search: optionalText(80),
});

/**
 * Admission to a bed, of a resident already on record (`residentId`) or of a new
 * one (their intake details instead), saved together. The move-in date defaults
 * to today in the house's timezone.
 */
export const admitInput = z
  .strictObject({
    residentId: id.optional(),
    bedId: id,
    startDate: localDate.optional(),
    firstName: requiredText(80).optional(),
    lastName: requiredText(80).optional(),
    preferredName: residentProfileFields.preferredName,
    phone: residentProfileFields.phone,
    email: residentProfileFields.email,
    dateOfBirth: residentProfileFields.dateOfBirth,
    sobrietyDate: residentProfileFields.sobrietyDate,
    emergencyContacts: z
      .array(emergencyContactInput)
      .max(5, 'can list at most 5 people.')
      .optional(),
  })
  .superRefine((v, issue) => {
    if (v.residentId === undefined) {
      for (const field of ['firstName', 'lastName'] as const) {
        if (v[field] === undefined)
          issue.addIssue({ code: 'custom', path: [field], message: 'is required.' });
      }
      return;
    }
    const details = (
      [
        'firstName',
        'lastName',
        'preferredName',
        'phone',
        'email',
        'dateOfBirth',
        'sobrietyDate',
        'emergencyContacts',
      ] as const
    ).filter((field) => v[field] !== undefined);
    for (const field of details) {
      issue.addIssue({
        code: 'custom',
        path: [field],
        message: 'is only for a new resident: leave it out when giving residentId.',
      });
    }
  });
export type AdmitInput = z.infer<typeof admitInput>;

/** Moving a resident to another bed, in this house or another; the date defaults to today. */
export const transferInput = z.strictObject({
  residentId: id,
  bedId: id,
  date: localDate.optional(),
});

export const moveOutInput = z
  .strictObject({
    residentId: id,
    date: localDate.optional(),
    reason: z.enum(DISCHARGE_REASONS, { error: 'must be one of the listed reasons.' }),
    note: optionalText(1000),
  })
  .refine((v) => v.reason !== 'other' || (v.note ?? '') !== '', {
    path: ['note'],
    message: 'is required when the reason is "other".',
  });

/** The planned move-out of a resident's current stay (end of program, lease, court order); null clears it. */
export const planMoveOutInput = z.strictObject({
  residentId: id,
  expectedEndDate: localDate.nullable(),
  note: optionalText(500),
});
export type PlanMoveOutInput = z.infer<typeof planMoveOutInput>;

export const bedHistoryInput = z.strictObject({ bedId: id });
export const occupantsOnInput = z.strictObject({ houseId: id, date: localDate });

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const password = z
  .string({ error: 'is required.' })
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters.`);

export const inviteCreateInput = z
  .strictObject({
    organisationId: id.optional(),
    role: z.enum(['operator', 'manager', 'resident'], {
      error: 'must be operator, manager or resident.',
    }),
    name: requiredText(120),
    email,
    houseIds: z.array(id).max(200).default([]),
    residentId: id.optional(),
  })
  .refine((v) => v.role !== 'manager' || v.houseIds.length > 0, {
    path: ['houseIds'],
    message: 'must name at least one house for a manager.',
  })
  .refine((v) => v.role !== 'resident' || v.residentId !== undefined, {
    path: ['residentId'],
    message: 'is required for a resident invite.',
  })
  // an operator oversees every house: naming some would suggest otherwise
  .refine((v) => v.role !== 'operator' || v.houseIds.length === 0, {
    path: ['houseIds'],
    message: 'are not given to an operator: operators oversee every house.',
  });

/** A new password for the signed-in person, with the one they have now. */
export const passwordChangeInput = z.strictObject({
  currentPassword: z.string({ error: 'is required.' }).min(1, 'is required.').max(PASSWORD_MAX),
  newPassword: password,
});

export const inviteTokenInput = z.strictObject({ token: requiredText(200) });
export const inviteAcceptInput = z.strictObject({ token: requiredText(200), password });
export const inviteIdInput = z.strictObject({ inviteId: id });

export type HouseCreateInput = z.infer<typeof houseCreateInput>;
export type PasswordChangeInput = z.infer<typeof passwordChangeInput>;
export type ResidentIntakeInput = z.infer<typeof residentIntakeInput>;
export type MoveOutInput = z.infer<typeof moveOutInput>;
