import { describe, expect, test } from 'vitest';
import type { ZodType } from 'zod';
import { DISCHARGE_REASONS } from './labels';
import {
  houseCreateInput,
  inviteCreateInput,
  localDate,
  moveOutInput,
  password,
  residentIntakeInput,
} from './schemas';

/** Each issue's message keyed by its dotted path ('' for the value itself). */
function issuesOf(schema: ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]),
  );
}

function contact(name: string) {
  return { name, relationship: 'Sister', phone: '555-010-2000' };
}

describe('residentIntakeInput', () => {
  test('accepts a house and a first and last name, with no emergency contacts by default', () => {
    const intake = residentIntakeInput.parse({
      houseId: 'house-1',
      firstName: 'Dana',
      lastName: 'Reyes',
    });
    expect(intake).toEqual({
      houseId: 'house-1',
      firstName: 'Dana',
      lastName: 'Reyes',
      emergencyContacts: [],
    });
  });

  test('requires the first and last name', () => {
    expect(issuesOf(residentIntakeInput, { houseId: 'house-1' })).toEqual({
      firstName: 'is required.',
      lastName: 'is required.',
    });
  });

  test('treats names of only spaces as missing', () => {
    expect(
      issuesOf(residentIntakeInput, { houseId: 'house-1', firstName: '   ', lastName: '' }),
    ).toEqual({ firstName: 'is required.', lastName: 'is required.' });
  });

  test('requires the house', () => {
    expect(
      issuesOf(residentIntakeInput, { houseId: ' ', firstName: 'Dana', lastName: 'Reyes' }),
    ).toEqual({ houseId: 'is required.' });
  });

  test('trims names and text, and lower-cases the email', () => {
    const intake = residentIntakeInput.parse({
      houseId: ' house-1 ',
      firstName: '  Dana ',
      lastName: ' Reyes  ',
      preferredName: '  D ',
      phone: ' +1 (555) 010-2345 ',
      email: '  Dana.Reyes@Example.ORG ',
    });
    expect(intake).toMatchObject({
      houseId: 'house-1',
      firstName: 'Dana',
      lastName: 'Reyes',
      preferredName: 'D',
      phone: '+1 (555) 010-2345',
      email: 'dana.reyes@example.org',
    });
  });

  test('turns empty optional fields, from a blank form, into undefined', () => {
    const intake = residentIntakeInput.parse({
      houseId: 'house-1',
      firstName: 'Dana',
      lastName: 'Reyes',
      preferredName: '',
      phone: '',
      email: '',
      dateOfBirth: '',
      sobrietyDate: '',
    });
    expect(intake.preferredName).toBeUndefined();
    expect(intake.phone).toBeUndefined();
    expect(intake.email).toBeUndefined();
    expect(intake.dateOfBirth).toBeUndefined();
    expect(intake.sobrietyDate).toBeUndefined();
  });

  test('turns optional text of only spaces into undefined', () => {
    const intake = residentIntakeInput.parse({
      houseId: 'house-1',
      firstName: 'Dana',
      lastName: 'Reyes',
      preferredName: '   ',
      phone: '  ',
      email: ' ',
    });
    expect(intake.preferredName).toBeUndefined();
    expect(intake.phone).toBeUndefined();
    expect(intake.email).toBeUndefined();
  });

  test('keeps real dates of birth and sobriety dates', () => {
    const intake = residentIntakeInput.parse({
      houseId: 'house-1',
      firstName: 'Dana',
      lastName: 'Reyes',
      dateOfBirth: '1990-07-04',
      sobrietyDate: '2025-11-30',
    });
    expect(intake.dateOfBirth).toBe('1990-07-04');
    expect(intake.sobrietyDate).toBe('2025-11-30');
  });

  test('explains a bad email, phone number or date beside the field', () => {
    expect(
      issuesOf(residentIntakeInput, {
        houseId: 'house-1',
        firstName: 'Dana',
        lastName: 'Reyes',
        email: 'dana-at-example.org',
        phone: 'call me',
        dateOfBirth: '1990-02-30',
        sobrietyDate: '11/30/2025',
      }),
    ).toEqual({
      email: 'must be an email address.',
      phone: 'must be a phone number.',
      dateOfBirth: 'must be a date like 2026-03-12.',
      sobrietyDate: 'must be a date like 2026-03-12.',
    });
  });

  test('rejects a phone number that is too short', () => {
    expect(
      issuesOf(residentIntakeInput, {
        houseId: 'house-1',
        firstName: 'Dana',
        lastName: 'Reyes',
        phone: '555-01',
      }),
    ).toEqual({ phone: 'must be a phone number.' });
  });

  test('limits names to 80 characters after trimming', () => {
    const eighty = 'a'.repeat(80);
    expect(
      issuesOf(residentIntakeInput, {
        houseId: 'house-1',
        firstName: `  ${eighty}  `,
        lastName: `${eighty}b`,
      }),
    ).toEqual({ lastName: 'must be at most 80 characters.' });
  });

  test('accepts up to 5 emergency contacts', () => {
    const intake = residentIntakeInput.parse({
      houseId: 'house-1',
      firstName: 'Dana',
      lastName: 'Reyes',
      emergencyContacts: ['A', 'B', 'C', 'D', 'E'].map(contact),
    });
    expect(intake.emergencyContacts).toHaveLength(5);
  });

  test('rejects a sixth emergency contact', () => {
    expect(
      issuesOf(residentIntakeInput, {
        houseId: 'house-1',
        firstName: 'Dana',
        lastName: 'Reyes',
        emergencyContacts: ['A', 'B', 'C', 'D', 'E', 'F'].map(contact),
      }),
    ).toEqual({ emergencyContacts: 'can list at most 5 people.' });
  });

  test('checks each emergency contact’s fields', () => {
    expect(
      issuesOf(residentIntakeInput, {
        houseId: 'house-1',
        firstName: 'Dana',
        lastName: 'Reyes',
        emergencyContacts: [contact('A'), { name: ' ', relationship: 'Friend', phone: 'none' }],
      }),
    ).toEqual({
      'emergencyContacts.1.name': 'is required.',
      'emergencyContacts.1.phone': 'must be a phone number (digits, spaces, + ( ) - allowed).',
    });
  });

  test('rejects unknown fields', () => {
    const result = residentIntakeInput.safeParse({
      houseId: 'house-1',
      firstName: 'Dana',
      lastName: 'Reyes',
      isAdmin: true,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['isAdmin'] }),
    ]);
  });

  test('rejects unknown fields inside an emergency contact', () => {
    const result = residentIntakeInput.safeParse({
      houseId: 'house-1',
      firstName: 'Dana',
      lastName: 'Reyes',
      emergencyContacts: [{ ...contact('A'), ssn: '000-00-0000' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['ssn'] }),
    ]);
  });
});

describe('houseCreateInput', () => {
  function houseWith(fields: Record<string, unknown>) {
    return {
      name: 'Maple House',
      address: '12 Maple St, Springfield',
      timezone: 'America/Chicago',
      narrLevel: 2,
      capacity: 12,
      ...fields,
    };
  }

  test('accepts a house with numbers for level and capacity', () => {
    expect(houseCreateInput.parse(houseWith({ narrLevel: 3, capacity: 16 }))).toEqual({
      name: 'Maple House',
      address: '12 Maple St, Springfield',
      timezone: 'America/Chicago',
      narrLevel: 3,
      capacity: 16,
    });
  });

  test('refuses level and capacity sent as text or booleans instead of guessing', () => {
    expect(issuesOf(houseCreateInput, houseWith({ narrLevel: '3', capacity: true }))).toEqual({
      narrLevel: 'must be a number from 1 to 4.',
      capacity: 'must be a number.',
    });
  });

  test('stores a timezone in its canonical spelling whatever case it was typed in', () => {
    expect(houseCreateInput.parse(houseWith({ timezone: 'america/chicago' })).timezone).toBe(
      'America/Chicago',
    );
  });

  test.each(['America/Chicago', 'America/New_York', 'Pacific/Auckland', 'Europe/Kyiv', 'UTC'])(
    'accepts the IANA timezone %s',
    (timezone) => {
      expect(issuesOf(houseCreateInput, houseWith({ timezone }))).toEqual({});
    },
  );

  test.each([
    ['an unknown region', 'Mars/Olympus'],
    ['a POSIX-style zone', 'EST5'],
    ['a POSIX-style zone with a DST rule', 'EST5EDT'],
    ['an abbreviation that Intl would accept', 'EST'],
    ['a UTC offset', '+05:00'],
    ['a zone with a trailing space', 'America/Chicago '],
    ['an empty string', ''],
  ])('rejects %s as a timezone (%j)', (_label, timezone) => {
    expect(issuesOf(houseCreateInput, houseWith({ timezone }))).toEqual({
      timezone: 'must be an IANA timezone such as America/Chicago.',
    });
  });

  test('requires a timezone', () => {
    expect(issuesOf(houseCreateInput, houseWith({ timezone: undefined }))).toEqual({
      timezone: 'is required.',
    });
  });

  test('accepts NARR levels 1 to 4', () => {
    for (const narrLevel of [1, 2, 3, 4]) {
      expect(houseCreateInput.parse(houseWith({ narrLevel })).narrLevel).toBe(narrLevel);
    }
  });

  test('rejects NARR levels outside 1 to 4', () => {
    for (const narrLevel of [0, 5, -1]) {
      expect(issuesOf(houseCreateInput, houseWith({ narrLevel }))).toEqual({
        narrLevel: 'must be from 1 to 4.',
      });
    }
  });

  test('rejects a fractional or non-numeric NARR level', () => {
    expect(issuesOf(houseCreateInput, houseWith({ narrLevel: 2.5 }))).toEqual({
      narrLevel: 'must be a whole number.',
    });
    expect(issuesOf(houseCreateInput, houseWith({ narrLevel: 'two' }))).toEqual({
      narrLevel: 'must be a number from 1 to 4.',
    });
  });

  test('accepts a capacity from 1 to 500', () => {
    expect(houseCreateInput.parse(houseWith({ capacity: 1 })).capacity).toBe(1);
    expect(houseCreateInput.parse(houseWith({ capacity: 500 })).capacity).toBe(500);
  });

  test('rejects a capacity below 1 or above 500', () => {
    expect(issuesOf(houseCreateInput, houseWith({ capacity: 0 }))).toEqual({
      capacity: 'must be at least 1.',
    });
    expect(issuesOf(houseCreateInput, houseWith({ capacity: 501 }))).toEqual({
      capacity: 'must be at most 500.',
    });
  });

  test('rejects a fractional or non-numeric capacity', () => {
    expect(issuesOf(houseCreateInput, houseWith({ capacity: 10.5 }))).toEqual({
      capacity: 'must be a whole number.',
    });
    expect(issuesOf(houseCreateInput, houseWith({ capacity: 'twelve' }))).toEqual({
      capacity: 'must be a number.',
    });
  });

  test('requires a name and an address', () => {
    expect(issuesOf(houseCreateInput, houseWith({ name: ' ', address: undefined }))).toEqual({
      name: 'is required.',
      address: 'is required.',
    });
  });

  test('rejects unknown fields', () => {
    expect(houseCreateInput.safeParse(houseWith({ ownerId: 'user-1' })).success).toBe(false);
  });
});

describe('moveOutInput', () => {
  test('requires a note when the reason is "other"', () => {
    const result = moveOutInput.safeParse({
      residentId: 'res-1',
      date: '2026-03-12',
      reason: 'other',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['note'],
        message: 'is required when the reason is "other".',
      }),
    ]);
  });

  test('treats a note of only spaces as no note when the reason is "other"', () => {
    expect(
      issuesOf(moveOutInput, {
        residentId: 'res-1',
        date: '2026-03-12',
        reason: 'other',
        note: '   ',
      }),
    ).toEqual({ note: 'is required when the reason is "other".' });
  });

  test('accepts "other" with a note, trimmed', () => {
    const moveOut = moveOutInput.parse({
      residentId: 'res-1',
      date: '2026-03-12',
      reason: 'other',
      note: '  Moved in with family. ',
    });
    expect(moveOut.note).toBe('Moved in with family.');
  });

  test('does not require a note for the listed reasons', () => {
    for (const reason of DISCHARGE_REASONS.filter((r) => r !== 'other')) {
      expect(issuesOf(moveOutInput, { residentId: 'res-1', date: '2026-03-12', reason })).toEqual(
        {},
      );
    }
  });

  test('rejects a reason that is not listed', () => {
    expect(
      issuesOf(moveOutInput, { residentId: 'res-1', date: '2026-03-12', reason: 'evicted' }),
    ).toEqual({ reason: 'must be one of the listed reasons.' });
  });

  test('rejects a date that is not a real date', () => {
    expect(
      issuesOf(moveOutInput, { residentId: 'res-1', date: '2026-02-30', reason: 'completed' }),
    ).toEqual({ date: 'must be a date like 2026-03-12.' });
  });
});

describe('inviteCreateInput', () => {
  test('requires at least one house for a manager invite', () => {
    for (const houseIds of [undefined, []]) {
      const result = inviteCreateInput.safeParse({
        role: 'manager',
        name: 'Sam Lee',
        email: 'sam@example.org',
        houseIds,
      });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({
          path: ['houseIds'],
          message: 'must name at least one house for a manager.',
        }),
      ]);
    }
  });

  test('accepts a manager invite naming houses', () => {
    const invite = inviteCreateInput.parse({
      role: 'manager',
      name: 'Sam Lee',
      email: 'sam@example.org',
      houseIds: ['house-1', 'house-2'],
    });
    expect(invite.houseIds).toEqual(['house-1', 'house-2']);
  });

  test('requires the resident record for a resident invite', () => {
    const result = inviteCreateInput.safeParse({
      role: 'resident',
      name: 'Dana Reyes',
      email: 'dana@example.org',
      houseIds: ['house-1'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['residentId'],
        message: 'is required for a resident invite.',
      }),
    ]);
  });

  test('accepts a resident invite for a resident record without houses', () => {
    const invite = inviteCreateInput.parse({
      role: 'resident',
      name: 'Dana Reyes',
      email: 'dana@example.org',
      residentId: 'res-1',
    });
    expect(invite).toMatchObject({ role: 'resident', residentId: 'res-1', houseIds: [] });
  });

  test('invites an operator to no house in particular: operators oversee every house', () => {
    expect(
      inviteCreateInput.parse({ role: 'operator', name: 'Sam Lee', email: 'sam@example.org' }),
    ).toMatchObject({ role: 'operator', houseIds: [] });
    expect(
      issuesOf(inviteCreateInput, {
        role: 'operator',
        name: 'Sam Lee',
        email: 'sam@example.org',
        houseIds: ['house-1'],
      }),
    ).toMatchObject({ houseIds: 'are not given to an operator: operators oversee every house.' });
    expect(
      issuesOf(inviteCreateInput, { role: 'owner', name: 'Sam Lee', email: 'sam@example.org' }),
    ).toMatchObject({ role: 'must be operator, manager or resident.' });
  });

  test('normalises the email and rejects one that is not an address', () => {
    const invite = inviteCreateInput.parse({
      role: 'manager',
      name: 'Sam Lee',
      email: '  Sam.Lee@Example.ORG ',
      houseIds: ['house-1'],
    });
    expect(invite.email).toBe('sam.lee@example.org');
    expect(
      issuesOf(inviteCreateInput, {
        role: 'manager',
        name: 'Sam Lee',
        email: 'sam',
        houseIds: ['house-1'],
      }),
    ).toEqual({ email: 'must be an email address.' });
  });
});

describe('password', () => {
  test('needs at least 12 characters', () => {
    expect(issuesOf(password, 'a'.repeat(11))).toEqual({ '': 'must be at least 12 characters.' });
    expect(password.parse('a'.repeat(12))).toBe('a'.repeat(12));
  });

  test('allows at most 128 characters', () => {
    expect(password.parse('a'.repeat(128))).toBe('a'.repeat(128));
    expect(issuesOf(password, 'a'.repeat(129))).toEqual({ '': 'must be at most 128 characters.' });
  });

  test('is required', () => {
    expect(issuesOf(password, undefined)).toEqual({ '': 'is required.' });
  });
});

describe('localDate', () => {
  test.each(['2026-03-12', '2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31'])(
    'accepts the real date %s',
    (value) => {
      expect(localDate.parse(value)).toBe(value);
    },
  );

  test.each([
    ['a day past the end of February', '2026-02-30'],
    ['29 February outside a leap year', '2026-02-29'],
    ['29 February in a century year that is not a leap year', '2100-02-29'],
    ['month 13', '2026-13-01'],
    ['day 0', '2026-03-00'],
    ['unpadded month and day', '2026-2-3'],
    ['a US-style date', '03/12/2026'],
    ['a date with a time', '2026-03-12T00:00'],
    ['an empty string', ''],
  ])('rejects %s (%j)', (_label, value) => {
    expect(issuesOf(localDate, value)).toEqual({ '': 'must be a date like 2026-03-12.' });
  });

  test('is required', () => {
    expect(issuesOf(localDate, undefined)).toEqual({ '': 'is required.' });
  });
});
