// What residents send when they check in, sign out and sign in, and what staff
// set as a house's check-in policy. The server stamps every entry with its own
// time; nothing here carries the phone's clock except as a hint to a person.
import * as z from 'zod';
import { id, localDate, optionalText, requiredText } from '../schemas';
import { HALT, MEETING_TYPES } from './check-in-labels';

export * from './check-in-labels';

const wallTime = z
  .string({ error: 'is required.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 21:00.');

const location = z.strictObject({
  latitude: z
    .number({ error: 'must be a number.' })
    .min(-90, 'must be from -90 to 90.')
    .max(90, 'must be from -90 to 90.'),
  longitude: z
    .number({ error: 'must be a number.' })
    .min(-180, 'must be from -180 to 180.')
    .max(180, 'must be from -180 to 180.'),
  accuracy: z
    .number({ error: 'must be a number of metres.' })
    .min(0, 'cannot be negative.')
    .max(100_000, 'is too imprecise to be useful.')
    .optional(),
});

export const meetingInput = z.strictObject({
  type: z.enum(MEETING_TYPES, { error: 'must be one of the listed meeting types.' }),
  name: requiredText(120),
  verification: optionalText(300),
  // picked from the house's resource directory
  resourceId: id.optional(),
});

const dailyFields = {
  mood: z
    .number({ error: 'is required: pick how you feel from 1 to 5.' })
    .int('must be a whole number.')
    .min(1, 'must be from 1 to 5.')
    .max(5, 'must be from 1 to 5.'),
  craving: z
    .number({ error: 'is required: pick a number from 0 to 10.' })
    .int('must be a whole number.')
    .min(0, 'must be from 0 to 10.')
    .max(10, 'must be from 0 to 10.'),
  halt: z
    .array(z.enum(HALT, { error: 'must be hungry, angry, lonely or tired.' }))
    .max(HALT.length)
    .default([])
    .transform((list) => [...new Set(list)]),
  sleepHours: z
    .number({ error: 'must be a number of hours.' })
    .min(0, 'cannot be negative.')
    .max(24, 'must be at most 24.')
    .multipleOf(0.5, 'must be in half hours.')
    .optional(),
  meetings: z.array(meetingInput).max(10, 'must be at most 10 meetings.').default([]),
  sponsorContact: z.boolean({ error: 'must be yes or no.' }).optional(),
  // who from their support circle they were in touch with (a sponsor or mentor counts as sponsor contact)
  contacts: z
    .array(id)
    .max(20, 'must be at most 20 people.')
    .default([])
    .transform((list) => [...new Set(list)]),
  workOrSchool: z.boolean({ error: 'must be yes or no.' }).optional(),
  note: optionalText(2000),
};

/** A resident's daily check-in. Only mood and craving are required. */
export const checkInRecordInput = z.strictObject({
  ...dailyFields,
  // a day missed can be made up afterwards (it is recorded as late); defaults to today
  forDate: localDate.optional(),
  location: location.optional(),
});
export type CheckInRecordInput = z.infer<typeof checkInRecordInput>;

/** A correction of a daily check-in: the whole entry as it should have been, and why. */
export const checkInCorrectInput = z.strictObject({
  checkInId: id,
  reason: requiredText(300),
  ...dailyFields,
});
export type CheckInCorrectInput = z.infer<typeof checkInCorrectInput>;

/** "I'm home": the curfew check-in. */
export const curfewCheckInInput = z.strictObject({ location: location.optional() }).default({});

const instant = z.iso
  .datetime({ offset: true, error: 'must be a date and time.' })
  .transform((v) => new Date(v));

export const signOutInput = z.strictObject({
  destination: requiredText(120),
  expectedReturnAt: instant,
});

export const signInInput = z.strictObject({ signOutId: id });

export const checkInPolicyInput = z.strictObject({
  houseId: id,
  dailyCheckInBy: wallTime,
  curfewWindowBefore: z
    .number({ error: 'must be a number of minutes.' })
    .int('must be a whole number.')
    .min(0, 'cannot be negative.')
    .max(240, 'must be at most 240 minutes.'),
  curfewGrace: z
    .number({ error: 'must be a number of minutes.' })
    .int('must be a whole number.')
    .min(0, 'cannot be negative.')
    .max(120, 'must be at most 120 minutes.'),
});

export const locationSharingInput = z.strictObject({
  shareLocation: z.boolean({ error: 'must be on or off.' }),
});
