import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  checkPassEligibility,
  curfewsMissed,
  passCovers,
  passProgress,
  passRequestInput,
} from './passes';
import type { PassType } from './rule-labels';

const NY = 'America/New_York';
const phase1 = {
  name: 'Phase 1',
  curfewWeeknights: '22:00',
  curfewWeekends: '23:00',
  overnightPassesAllowed: false,
  passTypesAllowed: ['work', 'job_search', 'family'],
  minDaysBeforePasses: 7,
};
const phase2 = {
  ...phase1,
  name: 'Phase 2',
  overnightPassesAllowed: true,
  passTypesAllowed: ['work', 'job_search', 'family', 'recreation', 'overnight'],
  minDaysBeforePasses: 0,
};
// Sunday 2026-11-22 09:00 in New York
const now = new Date('2026-11-22T14:00:00Z');
const at = (iso: string) => new Date(iso);

function check(
  phase: typeof phase1,
  request: { type: PassType; departAt: Date; expectedReturnAt: Date },
  moveInDate = '2026-10-01',
) {
  return checkPassEligibility({ phase, request, moveInDate, timeZone: NY, now });
}

describe('pass eligibility by phase', () => {
  test('a family day pass inside curfew is fine in Phase 1, with nothing to note', () => {
    // Tuesday 10:00–18:00 New York time
    const result = check(phase1, {
      type: 'family',
      departAt: at('2026-11-24T15:00:00Z'),
      expectedReturnAt: at('2026-11-24T23:00:00Z'),
    });
    expect(result).toEqual({ refusals: [], notes: [] });
  });

  test('Phase 1 refuses an overnight pass, naming the type', () => {
    const result = check(phase1, {
      type: 'overnight',
      departAt: at('2026-11-24T23:00:00Z'),
      expectedReturnAt: at('2026-11-25T17:00:00Z'),
    });
    expect(result.refusals).toEqual([
      { field: 'type', message: 'is not allowed in Phase 1: no overnight passes.' },
    ]);
    // a phase that lists overnight passes but turns them off says so
    const listed = { ...phase1, passTypesAllowed: [...phase1.passTypesAllowed, 'overnight'] };
    expect(
      checkPassEligibility({
        phase: listed,
        request: {
          type: 'overnight',
          departAt: at('2026-11-24T23:00:00Z'),
          expectedReturnAt: at('2026-11-25T17:00:00Z'),
        },
        moveInDate: '2026-10-01',
        timeZone: NY,
        now,
      }).refusals,
    ).toEqual([
      { field: 'type', message: 'is overnight, and Phase 1 does not allow overnight passes.' },
    ]);
  });

  test('Phase 1 refuses a family pass that keeps the resident out all night, naming the return', () => {
    const result = check(phase1, {
      type: 'family',
      departAt: at('2026-11-24T23:00:00Z'),
      expectedReturnAt: at('2026-11-25T15:00:00Z'),
    });
    expect(result.refusals).toEqual([
      {
        field: 'expectedReturnAt',
        message: 'is overnight, and Phase 1 does not allow overnight passes.',
      },
    ]);
  });

  test('a pass that leaves after curfew and stays out all night is overnight, though it misses no curfew', () => {
    // Tuesday 22:30 to Wednesday 10:00 New York time: the 22:00 curfew has passed
    const request = {
      type: 'family' as const,
      departAt: at('2026-11-25T03:30:00Z'),
      expectedReturnAt: at('2026-11-25T15:00:00Z'),
    };
    expect(curfewsMissed(phase1, request.departAt, request.expectedReturnAt, NY)).toEqual([]);
    expect(check(phase1, request).refusals).toEqual([
      {
        field: 'expectedReturnAt',
        message: 'is overnight, and Phase 1 does not allow overnight passes.',
      },
    ]);
    expect(check(phase2, request).notes).toEqual(['Overnight: away for one night.']);
    // three nights away are counted as three, by 03:00 house time
    expect(
      check(phase2, { ...request, expectedReturnAt: at('2026-11-27T15:00:00Z') }).notes,
    ).toEqual(['Overnight: away for 3 nights.']);
  });

  test('Phase 2 allows the same night away, noted for the manager', () => {
    const result = check(phase2, {
      type: 'family',
      departAt: at('2026-11-24T23:00:00Z'),
      expectedReturnAt: at('2026-11-25T15:00:00Z'),
    });
    expect(result).toEqual({ refusals: [], notes: ['Overnight: away for one night.'] });
  });

  test('a pass that returns after curfew but before the night is out is noted, not refused', () => {
    // Tuesday 18:00 to 23:30: the Phase 1 weeknight curfew is 22:00
    const result = check(phase1, {
      type: 'work',
      departAt: at('2026-11-24T23:00:00Z'),
      expectedReturnAt: at('2026-11-25T04:30:00Z'),
    });
    expect(result).toEqual({
      refusals: [],
      notes: ['Returns 1 h 30 min after the Phase 1 curfew of 22:00.'],
    });
  });

  test('a pass type the phase does not list is refused', () => {
    const result = check(phase1, {
      type: 'recreation',
      departAt: at('2026-11-24T15:00:00Z'),
      expectedReturnAt: at('2026-11-24T18:00:00Z'),
    });
    expect(result.refusals).toEqual([
      { field: 'type', message: 'is not allowed in Phase 1: no recreation passes.' },
    ]);
  });

  test('passes wait for the phase’s first days in the house', () => {
    // moved in Friday 2026-11-20: day 4 on Tuesday, Phase 1 allows passes from day 7
    const result = check(
      phase1,
      {
        type: 'family',
        departAt: at('2026-11-24T15:00:00Z'),
        expectedReturnAt: at('2026-11-24T18:00:00Z'),
      },
      '2026-11-20',
    );
    expect(result.refusals).toEqual([
      {
        field: 'departAt',
        message: 'is too soon: Phase 1 allows passes from day 7 in the house (2026-11-27).',
      },
    ]);
  });

  test('a departure in the past or a pass longer than two weeks is refused', () => {
    expect(
      check(phase2, {
        type: 'work',
        departAt: at('2026-11-22T12:00:00Z'),
        expectedReturnAt: at('2026-11-22T20:00:00Z'),
      }).refusals.map((r) => r.field),
    ).toEqual(['departAt']);
    expect(
      check(phase2, {
        type: 'overnight',
        departAt: at('2026-11-23T12:00:00Z'),
        expectedReturnAt: at('2026-12-08T12:00:00Z'),
      }).refusals.map((r) => r.field),
    ).toEqual(['expectedReturnAt']);
  });

  test('a phase that allows overnights never refuses a pass for being overnight (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 * 24 * 10 }),
        fc.integer({ min: 1, max: 60 * 24 * 13 }),
        (startMinutes, lengthMinutes) => {
          const departAt = new Date(now.getTime() + startMinutes * 60_000);
          const expectedReturnAt = new Date(departAt.getTime() + lengthMinutes * 60_000);
          const result = check(phase2, { type: 'family', departAt, expectedReturnAt });
          expect(result.refusals).toEqual([]);
        },
      ),
    );
  });
});

describe('curfews missed while away', () => {
  test('a three-night pass misses three curfews, across a clock change', () => {
    // Friday 2026-10-30 noon to Monday 2026-11-02 noon in New York
    const missed = curfewsMissed(
      phase2,
      at('2026-10-30T16:00:00Z'),
      at('2026-11-02T17:00:00Z'),
      NY,
    );
    expect(missed.map((m) => [m.night, m.curfewAt.toISOString()])).toEqual([
      ['2026-10-30', '2026-10-31T03:00:00.000Z'],
      ['2026-10-31', '2026-11-01T03:00:00.000Z'],
      ['2026-11-01', '2026-11-02T03:00:00.000Z'],
    ]);
  });
});

describe('where a pass stands', () => {
  const pass = {
    status: 'approved' as const,
    departAt: at('2026-11-22T15:00:00Z'),
    expectedReturnAt: at('2026-11-22T20:00:00Z'),
    returnedAt: null,
  };
  test('upcoming, away, then overdue', () => {
    expect(passProgress(pass, at('2026-11-22T14:00:00Z'))).toEqual({ state: 'upcoming' });
    expect(passProgress(pass, at('2026-11-22T16:00:00Z'))).toEqual({ state: 'away' });
    expect(passProgress(pass, at('2026-11-22T20:45:30Z'))).toEqual({
      state: 'overdue',
      minutesOverdue: 45,
    });
  });
  test('a return after the expected time is late by the minutes past it', () => {
    expect(passProgress({ ...pass, returnedAt: at('2026-11-22T20:20:00Z') }, now)).toEqual({
      state: 'returned',
      minutesLate: 20,
    });
    expect(passProgress({ ...pass, returnedAt: at('2026-11-22T19:00:00Z') }, now)).toEqual({
      state: 'returned',
      minutesLate: 0,
    });
  });
  test('only an approved pass excuses the resident, and only while they are away', () => {
    expect(passCovers(pass, at('2026-11-22T16:00:00Z'))).toBe(true);
    expect(passCovers(pass, at('2026-11-22T21:00:00Z'))).toBe(false);
    expect(passCovers({ ...pass, status: 'requested' }, at('2026-11-22T16:00:00Z'))).toBe(false);
    expect(
      passCovers({ ...pass, returnedAt: at('2026-11-22T17:00:00Z') }, at('2026-11-22T18:00:00Z')),
    ).toBe(false);
  });
});

describe('passRequestInput', () => {
  test('the return must come after the departure, and is named when it does not', () => {
    const result = passRequestInput.safeParse({
      type: 'work',
      destination: 'Shift',
      departAt: '2026-11-23T15:00:00Z',
      expectedReturnAt: '2026-11-23T14:00:00Z',
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['expectedReturnAt']);
  });
  test('refuses a date without a time zone offset, naming the field', () => {
    const result = passRequestInput.safeParse({
      type: 'work',
      destination: 'Shift',
      departAt: 'tomorrow',
      expectedReturnAt: '2026-11-23T14:00:00Z',
    });
    expect(result.error?.issues[0]?.path).toEqual(['departAt']);
  });
});
