import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays } from '../dates';
import {
  type CheckInPolicy,
  compliance,
  curfewTiming,
  dailyDueAt,
  type DayInput,
  dayStatus,
  type DayStatus,
  type PhaseRequirements,
  type RequirementStatus,
  streak,
  weekStart,
} from './policy';

const NY = 'America/New_York';
const policy: CheckInPolicy = { dailyCheckInBy: '21:00', curfewWindowBefore: 60, curfewGrace: 15 };
const phase: PhaseRequirements = {
  name: 'Phase 1',
  curfewWeeknights: '22:00',
  curfewWeekends: '23:00',
  dailyCheckIn: true,
  curfewCheckIn: true,
  meetingsPerWeek: 5,
};

function day(overrides: Partial<DayInput> = {}): DayInput {
  return {
    date: '2026-01-14',
    timeZone: NY,
    policy,
    phase,
    stay: { startDate: '2026-01-01', endDate: null },
    passes: [],
    daily: null,
    curfew: null,
    firstSignedAt: new Date('2026-01-01T15:00:00Z'),
    now: new Date('2026-01-20T12:00:00Z'),
    ...overrides,
  };
}

describe('when check-ins are due, in the house timezone', () => {
  test('the daily check-in is due by the house-local time, in winter and in summer', () => {
    expect(dailyDueAt('2026-01-14', policy, NY).toISOString()).toBe('2026-01-15T02:00:00.000Z');
    expect(dailyDueAt('2026-07-14', policy, NY).toISOString()).toBe('2026-07-15T01:00:00.000Z');
  });

  test('on the day clocks spring forward, 21:00 is read in daylight time', () => {
    // 8 March 2026: New York moves from EST (-5) to EDT (-4) at 02:00
    expect(dailyDueAt('2026-03-07', policy, NY).toISOString()).toBe('2026-03-08T02:00:00.000Z');
    expect(dailyDueAt('2026-03-08', policy, NY).toISOString()).toBe('2026-03-09T01:00:00.000Z');
  });

  test('on the day clocks fall back, 21:00 is read in standard time', () => {
    // 1 November 2026: New York moves from EDT back to EST at 02:00
    expect(dailyDueAt('2026-10-31', policy, NY).toISOString()).toBe('2026-11-01T01:00:00.000Z');
    expect(dailyDueAt('2026-11-01', policy, NY).toISOString()).toBe('2026-11-02T02:00:00.000Z');
  });

  test('a curfew check-in opens before curfew and is on time until the grace ends', () => {
    // Wednesday 14 January: curfew 22:00 EST = 03:00Z; opens 21:00, grace to 22:15
    const at = (iso: string) => curfewTiming(phase, new Date(iso), policy, NY);
    expect(at('2026-01-15T01:59:00Z').timing).toBe('early');
    expect(at('2026-01-15T02:00:00Z').timing).toBe('on_time');
    expect(at('2026-01-15T03:15:00Z').timing).toBe('on_time');
    const late = at('2026-01-15T03:40:00Z');
    expect(late).toMatchObject({ timing: 'late', minutesLate: 40 });
    expect(late.window.night).toBe('2026-01-14');
  });

  test('arriving after midnight belongs to the night before', () => {
    const late = curfewTiming(phase, new Date('2026-01-15T06:10:00Z'), policy, NY);
    expect(late).toMatchObject({ timing: 'late', minutesLate: 190 });
    expect(late.window.night).toBe('2026-01-14');
  });

  test('a curfew in the hour skipped by spring-forward moves with the clocks', () => {
    const lateNight = { ...phase, curfewWeekends: '02:30' };
    // the night of Saturday 7 March: 02:30 does not exist; the curfew is 03:30 EDT = 07:30Z
    const onTime = curfewTiming(lateNight, new Date('2026-03-08T07:40:00Z'), policy, NY);
    expect(onTime.timing).toBe('on_time');
    expect(onTime.window.curfewAt.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(curfewTiming(lateNight, new Date('2026-03-08T07:50:00Z'), policy, NY)).toMatchObject({
      timing: 'late',
      minutesLate: 20,
    });
  });

  test('a curfew in the hour repeated by fall-back is the later one, so nobody is late by a clock that says on time', () => {
    const lateNight = { ...phase, curfewWeekends: '01:30' };
    // the night of Saturday 31 October: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST)
    const first = curfewTiming(lateNight, new Date('2026-11-01T06:00:00Z'), policy, NY);
    expect(first.timing).toBe('on_time');
    expect(first.window.curfewAt.toISOString()).toBe('2026-11-01T06:30:00.000Z');
    expect(curfewTiming(lateNight, new Date('2026-11-01T06:50:00Z'), policy, NY).timing).toBe(
      'late',
    );
  });
});

describe('a resident’s day', () => {
  test('nothing made: due until the time, missed after', () => {
    expect(dayStatus(day({ now: new Date('2026-01-14T20:00:00Z') })).daily.status).toBe('due');
    expect(dayStatus(day({ now: new Date('2026-01-15T02:01:00Z') })).daily.status).toBe('missed');
    expect(dayStatus(day({ now: new Date('2026-01-15T03:10:00Z') })).curfew.status).toBe('due');
    expect(dayStatus(day({ now: new Date('2026-01-15T03:16:00Z') })).curfew.status).toBe('missed');
  });

  test('made on time is done; made late is late, never refused', () => {
    const done = dayStatus(
      day({
        daily: { recordedAt: new Date('2026-01-14T18:00:00Z'), late: false },
        curfew: { recordedAt: new Date('2026-01-15T02:30:00Z'), late: false },
      }),
    );
    expect([done.daily.status, done.curfew.status]).toEqual(['done', 'done']);
    const late = dayStatus(
      day({ daily: { recordedAt: new Date('2026-01-15T04:00:00Z'), late: true } }),
    );
    expect(late.daily.status).toBe('late');
  });

  test('away on an approved pass is not missing; a declined pass does not excuse', () => {
    const pass = {
      status: 'approved' as const,
      departAt: new Date('2026-01-14T14:00:00Z'),
      expectedReturnAt: new Date('2026-01-15T17:00:00Z'),
      returnedAt: null,
    };
    const away = dayStatus(day({ passes: [pass] }));
    expect([away.daily.status, away.curfew.status]).toEqual(['away', 'away']);
    const declined = dayStatus(day({ passes: [{ ...pass, status: 'declined' }] }));
    expect([declined.daily.status, declined.curfew.status]).toEqual(['missed', 'missed']);
  });

  test('the move-in day and the move-out day ask for no daily check-in; the move-in night asks for a curfew one', () => {
    const movedIn = dayStatus(day({ stay: { startDate: '2026-01-14', endDate: null } }));
    expect([movedIn.daily.status, movedIn.curfew.status]).toEqual(['not_required', 'missed']);
    const movedOut = dayStatus(day({ stay: { startDate: '2026-01-01', endDate: '2026-01-14' } }));
    expect([movedOut.daily.status, movedOut.curfew.status]).toEqual([
      'not_required',
      'not_required',
    ]);
    const before = dayStatus(day({ stay: { startDate: '2026-01-20', endDate: null } }));
    expect(before.daily.status).toBe('not_required');
  });

  test('a check-in made before the resident first signed the house rules does not count as complete', () => {
    const entry = { recordedAt: new Date('2026-01-14T18:00:00Z'), late: false };
    expect(dayStatus(day({ daily: entry, firstSignedAt: null })).daily.status).toBe('unsigned');
    expect(
      dayStatus(day({ daily: entry, firstSignedAt: new Date('2026-01-14T19:00:00Z') })).daily
        .status,
    ).toBe('unsigned');
    expect(
      dayStatus(day({ daily: entry, firstSignedAt: new Date('2026-01-14T17:00:00Z') })).daily
        .status,
    ).toBe('done');
  });

  test('a phase that asks for no curfew check-in, or no phase at all, does not check curfew', () => {
    expect(dayStatus(day({ phase: { ...phase, curfewCheckIn: false } })).curfew.status).toBe(
      'not_required',
    );
    const noPhase = dayStatus(day({ phase: null }));
    expect([noPhase.daily.status, noPhase.curfew.status]).toEqual(['missed', 'not_required']);
    expect(dayStatus(day({ phase: { ...phase, dailyCheckIn: false } })).daily.status).toBe(
      'not_required',
    );
  });
});

function status(daily: RequirementStatus, curfew: RequirementStatus = 'not_required'): DayStatus {
  return {
    date: '2026-01-01',
    daily: { status: daily, dueAt: new Date(0) },
    curfew: { status: curfew, window: null },
  };
}

describe('compliance and streaks', () => {
  test('compliance counts check-ins made, late ones too, of those required; open and excused ones are left out', () => {
    const result = compliance([
      status('done', 'done'),
      status('late', 'missed'),
      status('away', 'away'),
      status('due', 'not_required'),
      status('unsigned'),
    ]);
    expect(result).toMatchObject({ required: 5, made: 3, onTime: 2 });
    expect(result.rate).toBeCloseTo(0.6);
    expect(compliance([status('away')]).rate).toBeNull();
  });

  test('a streak counts days fully on time, skips days away, and is not broken by today while it is open', () => {
    expect(
      streak([
        status('due'),
        status('done', 'done'),
        status('away'),
        status('done'),
        status('late'),
      ]),
    ).toBe(2);
    expect(streak([status('done'), status('done')])).toBe(2);
    expect(streak([status('missed'), status('done')])).toBe(0);
    expect(streak([status('done', 'due'), status('done')])).toBe(1);
  });

  test('compliance is always between 0 and 1 and never counts more made than required', () => {
    const statuses = fc.constantFrom<RequirementStatus>(
      'not_required',
      'away',
      'done',
      'late',
      'unsigned',
      'due',
      'missed',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(statuses, statuses), { maxLength: 60 }), (pairs) => {
        const result = compliance(pairs.map(([d, c]) => status(d, c)));
        expect(result.made).toBeLessThanOrEqual(result.required);
        expect(result.onTime).toBeLessThanOrEqual(result.made);
        if (result.rate !== null) {
          expect(result.rate).toBeGreaterThanOrEqual(0);
          expect(result.rate).toBeLessThanOrEqual(1);
        }
        expect(streak(pairs.map(([d, c]) => status(d, c)))).toBeLessThanOrEqual(pairs.length);
      }),
    );
  });

  test('weeks start on Monday', () => {
    expect(weekStart('2026-01-14')).toBe('2026-01-12');
    expect(weekStart('2026-01-12')).toBe('2026-01-12');
    expect(weekStart('2026-01-18')).toBe('2026-01-12');
    expect(addDays(weekStart('2026-03-08'), 7)).toBe('2026-03-09');
  });
});
