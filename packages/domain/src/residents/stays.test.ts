import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, type LocalDate } from '../dates';
import { DomainError } from '../errors';
import {
  checkAdmission,
  checkMoveOut,
  checkTransfer,
  coversNight,
  isOpen,
  occupancy,
  occupantOn,
  type StayRecord,
} from './stays';

let nextStayId = 0;

function stay(fields: Partial<StayRecord> & Pick<StayRecord, 'startDate'>): StayRecord {
  nextStayId += 1;
  return {
    id: `stay-${nextStayId}`,
    residentId: 'res-1',
    bedId: 'bed-12B',
    houseId: 'house-1',
    endDate: null,
    ...fields,
  };
}

/** The DomainError `fn` throws; fails the test when it throws nothing or something else. */
function domainErrorFrom(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

describe('isOpen', () => {
  test('a stay without an end date is open; one with an end date is closed', () => {
    expect(isOpen({ endDate: null })).toBe(true);
    expect(isOpen({ endDate: '2026-03-01' })).toBe(false);
  });
});

describe('coversNight', () => {
  test('covers the night of its start date', () => {
    expect(coversNight({ startDate: '2026-03-01', endDate: '2026-03-05' }, '2026-03-01')).toBe(
      true,
    );
  });

  test('does not cover the night before it starts', () => {
    expect(coversNight({ startDate: '2026-03-01', endDate: '2026-03-05' }, '2026-02-28')).toBe(
      false,
    );
  });

  test('covers the last night before its end date', () => {
    expect(coversNight({ startDate: '2026-03-01', endDate: '2026-03-05' }, '2026-03-04')).toBe(
      true,
    );
  });

  test('does not cover the night of its end date', () => {
    expect(coversNight({ startDate: '2026-03-01', endDate: '2026-03-05' }, '2026-03-05')).toBe(
      false,
    );
  });

  test('an open stay covers every night from its start on', () => {
    const open = { startDate: '2026-03-01', endDate: null };
    expect(coversNight(open, '2026-02-28')).toBe(false);
    expect(coversNight(open, '2026-03-01')).toBe(true);
    expect(coversNight(open, '2030-12-31')).toBe(true);
  });

  test('a stay that ends on the day it starts covers no night', () => {
    expect(coversNight({ startDate: '2026-03-01', endDate: '2026-03-01' }, '2026-03-01')).toBe(
      false,
    );
  });

  test('compares dates across month and year boundaries', () => {
    const stayOverNewYear = { startDate: '2025-12-30', endDate: '2026-01-02' };
    expect(coversNight(stayOverNewYear, '2025-12-31')).toBe(true);
    expect(coversNight(stayOverNewYear, '2026-01-01')).toBe(true);
    expect(coversNight(stayOverNewYear, '2026-01-02')).toBe(false);
  });
});

describe('occupantOn', () => {
  test('tells who was in bed 12B on any date across consecutive stays', () => {
    const first = stay({ residentId: 'res-a', startDate: '2026-01-05', endDate: '2026-02-01' });
    const second = stay({ residentId: 'res-b', startDate: '2026-02-01', endDate: '2026-03-15' });
    const third = stay({ residentId: 'res-c', startDate: '2026-03-20', endDate: null });
    const history = [third, first, second];

    expect(occupantOn(history, 'bed-12B', '2026-01-04')).toBeUndefined();
    expect(occupantOn(history, 'bed-12B', '2026-01-05')?.residentId).toBe('res-a');
    expect(occupantOn(history, 'bed-12B', '2026-01-31')?.residentId).toBe('res-a');
    // On changeover day the bed belongs to the person arriving.
    expect(occupantOn(history, 'bed-12B', '2026-02-01')?.residentId).toBe('res-b');
    expect(occupantOn(history, 'bed-12B', '2026-03-14')?.residentId).toBe('res-b');
    expect(occupantOn(history, 'bed-12B', '2026-03-15')).toBeUndefined();
    expect(occupantOn(history, 'bed-12B', '2026-03-19')).toBeUndefined();
    expect(occupantOn(history, 'bed-12B', '2026-03-20')?.residentId).toBe('res-c');
    expect(occupantOn(history, 'bed-12B', '2027-06-01')?.residentId).toBe('res-c');
  });

  test('returns the stay record itself', () => {
    const current = stay({ startDate: '2026-01-05' });
    expect(occupantOn([current], 'bed-12B', '2026-02-01')).toBe(current);
  });

  test('ignores stays in other beds', () => {
    const elsewhere = stay({ bedId: 'bed-12A', residentId: 'res-a', startDate: '2026-01-01' });
    expect(occupantOn([elsewhere], 'bed-12B', '2026-02-01')).toBeUndefined();
    expect(occupantOn([elsewhere], 'bed-12A', '2026-02-01')).toBe(elsewhere);
  });
});

describe('checkAdmission', () => {
  test('admits a resident with no stays to a free bed', () => {
    expect(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-03-01',
        today: '2026-03-12',
        bedStays: [],
        residentStays: [],
      }),
    ).not.toThrow();
  });

  test('admits with a start date of today', () => {
    expect(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-03-12',
        today: '2026-03-12',
        bedStays: [],
        residentStays: [],
      }),
    ).not.toThrow();
  });

  test('rejects a start date in the future, naming startDate', () => {
    const error = domainErrorFrom(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-03-13',
        today: '2026-03-12',
        bedStays: [],
        residentStays: [],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'startDate' });
  });

  test('rejects a resident who already has an open stay, naming residentId', () => {
    const error = domainErrorFrom(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-03-10',
        today: '2026-03-12',
        bedStays: [],
        residentStays: [stay({ bedId: 'bed-3A', startDate: '2026-01-01', endDate: null })],
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'residentId' });
  });

  test('rejects a start date before the end of the resident’s last stay', () => {
    const error = domainErrorFrom(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-02-27',
        today: '2026-03-12',
        bedStays: [],
        residentStays: [stay({ bedId: 'bed-3A', startDate: '2026-01-01', endDate: '2026-02-28' })],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'startDate' });
    expect(error.message).toContain('2026-02-28');
  });

  test('measures against the latest of several past stays, whatever their order', () => {
    const error = domainErrorFrom(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-02-15',
        today: '2026-03-12',
        bedStays: [],
        residentStays: [
          stay({ bedId: 'bed-3A', startDate: '2026-02-01', endDate: '2026-03-01' }),
          stay({ bedId: 'bed-3A', startDate: '2025-06-01', endDate: '2025-09-01' }),
        ],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'startDate' });
    expect(error.message).toContain('2026-03-01');
  });

  test('readmits a resident on the day their last stay ended', () => {
    expect(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-02-28',
        today: '2026-03-12',
        bedStays: [],
        residentStays: [stay({ bedId: 'bed-3A', startDate: '2026-01-01', endDate: '2026-02-28' })],
      }),
    ).not.toThrow();
  });

  test('rejects a bed held by another resident’s open stay, naming bedId', () => {
    const error = domainErrorFrom(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-03-10',
        today: '2026-03-12',
        bedStays: [stay({ residentId: 'res-2', startDate: '2026-01-01', endDate: null })],
        residentStays: [],
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'bedId' });
  });

  test('rejects a backdated start when the bed was taken by an open stay later on', () => {
    const error = domainErrorFrom(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-02-01',
        today: '2026-03-12',
        bedStays: [stay({ residentId: 'res-2', startDate: '2026-03-01', endDate: null })],
        residentStays: [],
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'bedId' });
  });

  test('rejects a bed whose closed stay ends after the start date', () => {
    const error = domainErrorFrom(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-03-04',
        today: '2026-03-12',
        bedStays: [stay({ residentId: 'res-2', startDate: '2026-01-01', endDate: '2026-03-05' })],
        residentStays: [],
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'bedId' });
  });

  test('rejects a backdated start into a bed that was occupied for a while afterwards', () => {
    const error = domainErrorFrom(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-01-01',
        today: '2026-03-12',
        bedStays: [stay({ residentId: 'res-2', startDate: '2026-02-01', endDate: '2026-02-10' })],
        residentStays: [],
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'bedId' });
  });

  test('admits to a bed from the day the previous stay in it ended', () => {
    expect(() =>
      checkAdmission({
        bedId: 'bed-12B',
        startDate: '2026-03-05',
        today: '2026-03-12',
        bedStays: [stay({ residentId: 'res-2', startDate: '2026-01-01', endDate: '2026-03-05' })],
        residentStays: [],
      }),
    ).not.toThrow();
  });
});

describe('checkTransfer', () => {
  test('rejects a resident with no current stay, naming residentId', () => {
    const error = domainErrorFrom(() =>
      checkTransfer({
        current: undefined,
        bedId: 'bed-12B',
        date: '2026-03-10',
        today: '2026-03-12',
        bedStays: [],
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'residentId' });
  });

  test('rejects a transfer to the bed the resident already has', () => {
    const current = stay({ bedId: 'bed-12B', startDate: '2026-01-01' });
    const error = domainErrorFrom(() =>
      checkTransfer({
        current,
        bedId: 'bed-12B',
        date: '2026-03-10',
        today: '2026-03-12',
        bedStays: [current],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'bedId' });
  });

  test('rejects a date before the current stay began', () => {
    const error = domainErrorFrom(() =>
      checkTransfer({
        current: stay({ bedId: 'bed-3A', startDate: '2026-02-01' }),
        bedId: 'bed-12B',
        date: '2026-01-31',
        today: '2026-03-12',
        bedStays: [],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'date' });
    expect(error.message).toContain('2026-02-01');
  });

  test('rejects a date in the future', () => {
    const error = domainErrorFrom(() =>
      checkTransfer({
        current: stay({ bedId: 'bed-3A', startDate: '2026-02-01' }),
        bedId: 'bed-12B',
        date: '2026-03-13',
        today: '2026-03-12',
        bedStays: [],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'date' });
  });

  test('rejects a target bed held by an open stay, naming bedId', () => {
    const error = domainErrorFrom(() =>
      checkTransfer({
        current: stay({ bedId: 'bed-3A', startDate: '2026-02-01' }),
        bedId: 'bed-12B',
        date: '2026-03-10',
        today: '2026-03-12',
        bedStays: [stay({ residentId: 'res-2', startDate: '2026-01-01', endDate: null })],
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'bedId' });
  });

  test('rejects a target bed whose closed stay ends after the transfer date', () => {
    const error = domainErrorFrom(() =>
      checkTransfer({
        current: stay({ bedId: 'bed-3A', startDate: '2026-02-01' }),
        bedId: 'bed-12B',
        date: '2026-03-10',
        today: '2026-03-12',
        bedStays: [stay({ residentId: 'res-2', startDate: '2026-01-01', endDate: '2026-03-11' })],
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'bedId' });
  });

  test('moves the resident into a bed freed on the transfer date and returns the current stay', () => {
    const current = stay({ bedId: 'bed-3A', startDate: '2026-02-01' });
    const result = checkTransfer({
      current,
      bedId: 'bed-12B',
      date: '2026-03-10',
      today: '2026-03-12',
      bedStays: [stay({ residentId: 'res-2', startDate: '2026-01-01', endDate: '2026-03-10' })],
    });
    expect(result).toBe(current);
  });

  test('allows a transfer dated today or on the day the current stay began', () => {
    const current = stay({ bedId: 'bed-3A', startDate: '2026-02-01' });
    for (const date of ['2026-03-12', '2026-02-01']) {
      expect(
        checkTransfer({ current, bedId: 'bed-12B', date, today: '2026-03-12', bedStays: [] }),
      ).toBe(current);
    }
  });
});

describe('checkMoveOut', () => {
  test('rejects a resident with no current stay, naming residentId', () => {
    const error = domainErrorFrom(() =>
      checkMoveOut({ current: undefined, date: '2026-03-10', today: '2026-03-12' }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'residentId' });
  });

  test('rejects a date before the stay began', () => {
    const error = domainErrorFrom(() =>
      checkMoveOut({
        current: stay({ startDate: '2026-02-01' }),
        date: '2026-01-31',
        today: '2026-03-12',
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'date' });
    expect(error.message).toContain('2026-02-01');
  });

  test('rejects a date in the future', () => {
    const error = domainErrorFrom(() =>
      checkMoveOut({
        current: stay({ startDate: '2026-02-01' }),
        date: '2026-03-13',
        today: '2026-03-12',
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'date' });
  });

  test('allows moving out on the day the stay began and returns the current stay', () => {
    const current = stay({ startDate: '2026-03-12' });
    expect(checkMoveOut({ current, date: '2026-03-12', today: '2026-03-12' })).toBe(current);
  });

  test('allows a backdated move-out after the stay began', () => {
    const current = stay({ startDate: '2026-02-01' });
    expect(checkMoveOut({ current, date: '2026-03-01', today: '2026-03-12' })).toBe(current);
  });
});

describe('occupancy', () => {
  test('counts the beds filled and open on a night', () => {
    const beds = ['bed-1', 'bed-2', 'bed-3', 'bed-4'];
    const stays = [
      stay({ bedId: 'bed-1', residentId: 'res-1', startDate: '2026-01-01', endDate: null }),
      // Moved out on the date: the bed is open that night.
      stay({ bedId: 'bed-2', residentId: 'res-2', startDate: '2026-01-01', endDate: '2026-03-10' }),
      // Arrives the day after.
      stay({ bedId: 'bed-3', residentId: 'res-3', startDate: '2026-03-11', endDate: null }),
      stay({ bedId: 'bed-4', residentId: 'res-4', startDate: '2026-03-10', endDate: '2026-03-11' }),
    ];
    expect(occupancy(beds, stays, '2026-03-10')).toEqual({ beds: 4, filled: 2, open: 2 });
  });

  test('ignores stays in beds that are not counted', () => {
    const stays = [stay({ bedId: 'other-house-bed', startDate: '2026-01-01', endDate: null })];
    expect(occupancy(['bed-1', 'bed-2'], stays, '2026-03-10')).toEqual({
      beds: 2,
      filled: 0,
      open: 2,
    });
  });

  test('a house with no beds has nothing filled or open', () => {
    expect(occupancy([], [], '2026-03-10')).toEqual({ beds: 0, filled: 0, open: 0 });
  });
});

describe('property: stays built through the checks never overlap', () => {
  const TODAY = '2026-04-30';
  const FIRST_DAY = '2026-01-01';
  const beds = ['bed-1', 'bed-2', 'bed-3', 'bed-4'] as const;
  const residents = ['res-1', 'res-2', 'res-3'] as const;

  const bedArb = fc.constantFrom(...beds);
  const residentArb = fc.constantFrom(...residents);

  type Action =
    | { kind: 'admit'; residentId: string; bedId: string }
    | { kind: 'transfer'; residentId: string; bedId: string }
    | { kind: 'moveOut'; residentId: string };

  // The clock moves forward `step` days before each command, which is dated
  // `backdate` days before the clock: mostly in order, sometimes backdated, and
  // past TODAY late in long runs.
  const commandArb = fc.record({
    step: fc.integer({ min: 0, max: 6 }),
    backdate: fc.oneof(
      { arbitrary: fc.constant(0), weight: 3 },
      { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 1 },
    ),
    action: fc.oneof(
      fc.record({ kind: fc.constant('admit' as const), residentId: residentArb, bedId: bedArb }),
      fc.record({ kind: fc.constant('transfer' as const), residentId: residentArb, bedId: bedArb }),
      fc.record({ kind: fc.constant('moveOut' as const), residentId: residentArb }),
    ),
  });

  function opened(id: string, residentId: string, bedId: string, startDate: LocalDate): StayRecord {
    return { id, residentId, bedId, houseId: 'house-1', startDate, endDate: null };
  }

  /** Applies an action through the check functions; undefined when the checks reject it. */
  function apply(
    stays: readonly StayRecord[],
    action: Action,
    date: LocalDate,
    newId: string,
  ): StayRecord[] | undefined {
    const residentStays = stays.filter((s) => s.residentId === action.residentId);
    const current = residentStays.find(isOpen);
    const close = (ended: StayRecord) =>
      stays.map((s) => (s.id === ended.id ? { ...s, endDate: date } : s));
    try {
      switch (action.kind) {
        case 'admit': {
          checkAdmission({
            bedId: action.bedId,
            startDate: date,
            today: TODAY,
            bedStays: stays.filter((s) => s.bedId === action.bedId),
            residentStays,
          });
          return [...stays, opened(newId, action.residentId, action.bedId, date)];
        }
        case 'transfer': {
          const from = checkTransfer({
            current,
            bedId: action.bedId,
            date,
            today: TODAY,
            bedStays: stays.filter((s) => s.bedId === action.bedId),
          });
          return [...close(from), opened(newId, action.residentId, action.bedId, date)];
        }
        case 'moveOut': {
          return close(checkMoveOut({ current, date, today: TODAY }));
        }
      }
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
  }

  /** Whether two stays share at least one night, worked out without coversNight. */
  function shareANight(a: StayRecord, b: StayRecord): boolean {
    const latestStart = a.startDate > b.startDate ? a.startDate : b.startDate;
    const earliestEnd = [a.endDate, b.endDate]
      .filter((d): d is LocalDate => d !== null)
      .sort()
      .at(0);
    return earliestEnd === undefined || latestStart < earliestEnd;
  }

  function pairs<T>(items: readonly T[]): [T, T][] {
    return items.flatMap((a, i) => items.slice(i + 1).map((b): [T, T] => [a, b]));
  }

  test('no bed holds two stays on one night and no resident has two beds on one night', () => {
    const accepted = { admit: 0, transfer: 0, moveOut: 0 };
    fc.assert(
      fc.property(
        fc.array(commandArb, { minLength: 1, maxLength: 40, size: 'medium' }),
        (commands) => {
          let stays: StayRecord[] = [];
          let clock = FIRST_DAY;
          commands.forEach((command, i) => {
            clock = addDays(clock, command.step);
            const date = addDays(clock, -command.backdate);
            const next = apply(stays, command.action, date, `stay-${i}`);
            if (next) {
              stays = next;
              accepted[command.action.kind] += 1;
            }
          });

          for (const [a, b] of pairs(stays)) {
            if (a.bedId === b.bedId) {
              expect(shareANight(a, b), `${a.id} and ${b.id} in ${a.bedId}`).toBe(false);
            }
            if (a.residentId === b.residentId) {
              expect(shareANight(a, b), `${a.id} and ${b.id} of ${a.residentId}`).toBe(false);
            }
          }
          for (const s of stays) {
            expect(s.startDate <= TODAY, `${s.id} starts in the future`).toBe(true);
            if (s.endDate !== null) {
              expect(s.startDate <= s.endDate, `${s.id} ends before it starts`).toBe(true);
              expect(s.endDate <= TODAY, `${s.id} ends in the future`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    // Guards against a generator whose commands the checks always reject.
    expect(accepted.admit).toBeGreaterThan(100);
    expect(accepted.transfer).toBeGreaterThan(100);
    expect(accepted.moveOut).toBeGreaterThan(100);
  });
});
