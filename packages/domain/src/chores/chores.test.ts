import { describe, expect, test } from 'vitest';
import {
  choreCreateInput,
  choreDates,
  completion,
  doneWindow,
  occurrenceStatus,
  type OccurrenceState,
  scheduleText,
  verifyChoreInput,
} from './chores';

const base: OccurrenceState = {
  date: '2026-03-10',
  residentId: 'r1',
  needsVerification: true,
  doneAt: null,
  checkResult: null,
};

describe('choreDates', () => {
  test('a daily chore falls on every day of the period', () => {
    expect(choreDates({ frequency: 'daily', weekdays: [] }, '2026-03-02', 7)).toHaveLength(7);
  });

  test('a chore on given weekdays falls on those days only, across two weeks', () => {
    // 2026-03-02 is a Monday
    expect(choreDates({ frequency: 'weekdays', weekdays: [1, 4] }, '2026-03-02', 14)).toEqual([
      '2026-03-02',
      '2026-03-05',
      '2026-03-09',
      '2026-03-12',
    ]);
  });

  test('a weekly chore falls on its day, whatever weekday the period starts on', () => {
    expect(choreDates({ frequency: 'weekly', weekdays: [7] }, '2026-03-04', 7)).toEqual([
      '2026-03-08',
    ]);
  });

  test('dates are calendar dates: the daylight-saving change has no gap or double day', () => {
    // US clocks go forward on 2026-03-08 and back on 2026-11-01
    expect(choreDates({ frequency: 'daily', weekdays: [] }, '2026-03-07', 3)).toEqual([
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ]);
    expect(choreDates({ frequency: 'daily', weekdays: [] }, '2026-10-31', 3)).toEqual([
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
  });
});

describe('scheduleText', () => {
  test('reads as people say it', () => {
    expect(scheduleText({ frequency: 'daily', weekdays: [] })).toBe('Every day');
    expect(scheduleText({ frequency: 'weekly', weekdays: [7] })).toBe('Weekly, on Sunday');
    expect(scheduleText({ frequency: 'weekdays', weekdays: [5, 1, 3] })).toBe('Mon, Wed and Fri');
    expect(scheduleText({ frequency: 'weekdays', weekdays: [2] })).toBe('Tuesdays');
  });
});

describe('occurrenceStatus', () => {
  test('is coming up before its day, to do on it, missed after it when not done', () => {
    expect(occurrenceStatus(base, '2026-03-09')).toBe('upcoming');
    expect(occurrenceStatus(base, '2026-03-10')).toBe('due');
    expect(occurrenceStatus(base, '2026-03-11')).toBe('missed');
  });

  test('done stays done after the day; checked is verified', () => {
    const done = { ...base, doneAt: new Date('2026-03-10T20:00:00Z') };
    expect(occurrenceStatus(done, '2026-03-12')).toBe('done');
    expect(occurrenceStatus({ ...done, checkResult: 'verified' }, '2026-03-12')).toBe('verified');
  });

  test('sent back is to do again that day, and missed once the day is over', () => {
    const back = {
      ...base,
      doneAt: new Date('2026-03-10T20:00:00Z'),
      checkResult: 'rejected' as const,
    };
    expect(occurrenceStatus(back, '2026-03-10')).toBe('rejected');
    expect(occurrenceStatus(back, '2026-03-11')).toBe('missed');
  });

  test('an occurrence for nobody is unassigned', () => {
    expect(occurrenceStatus({ ...base, residentId: null }, '2026-03-11')).toBe('unassigned');
  });
});

describe('doneWindow', () => {
  test('a daily chore is marked done on its day; a weekly one during its week', () => {
    expect(doneWindow('2026-03-10', 'daily')).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(doneWindow('2026-03-15', 'weekly')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
  });
});

describe('completion', () => {
  test('counts done, checked and missed over the window, leaving out what is still to do', () => {
    const c = completion(
      [
        { date: '2026-03-01', status: 'verified' },
        { date: '2026-03-02', status: 'done' },
        { date: '2026-03-03', status: 'missed' },
        { date: '2026-03-04', status: 'due' },
        { date: '2026-03-05', status: 'upcoming' },
        { date: '2026-02-01', status: 'missed' },
      ],
      '2026-03-01',
      '2026-03-04',
    );
    expect(c).toEqual({ assigned: 3, done: 2, verified: 1, missed: 1, rate: 2 / 3 });
  });

  test('has no rate when nothing was due', () => {
    expect(completion([], '2026-03-01', '2026-03-28').rate).toBeNull();
  });
});

describe('chore inputs', () => {
  const chore = { houseId: 'h', name: 'Kitchen', effort: 3 };

  test('a weekly chore names the one day it is due; given days name at least one', () => {
    expect(
      choreCreateInput.safeParse({ ...chore, frequency: 'weekly', weekdays: [] }).success,
    ).toBe(false);
    const twoDays = choreCreateInput.safeParse({ ...chore, frequency: 'weekly', weekdays: [1, 2] });
    expect(twoDays.error?.issues[0]?.path).toEqual(['weekdays']);
    expect(
      choreCreateInput.safeParse({ ...chore, frequency: 'weekdays', weekdays: [] }).success,
    ).toBe(false);
    expect(choreCreateInput.parse({ ...chore, frequency: 'daily' })).toMatchObject({
      weekdays: [],
      residentsNeeded: 1,
      needsVerification: false,
    });
  });

  test('effort is a whole number from 1 to 5', () => {
    for (const effort of [0, 6, 2.5])
      expect(
        choreCreateInput.safeParse({ ...chore, effort, frequency: 'daily' }).error?.issues[0]?.path,
      ).toEqual(['effort']);
  });

  test('sending a chore back needs a reason', () => {
    const r = verifyChoreInput.safeParse({ occurrenceId: 'o', verdict: 'rejected' });
    expect(r.error?.issues[0]?.path).toEqual(['reason']);
    expect(verifyChoreInput.safeParse({ occurrenceId: 'o', verdict: 'verified' }).success).toBe(
      true,
    );
  });
});
