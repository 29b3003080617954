import { describe, expect, test } from 'vitest';
import { curfewInstant, curfewStatus, isWeekendNight, nightOf, phaseCreateInput } from './phases';

const phase1 = { name: 'Phase 1', curfewWeeknights: '22:00', curfewWeekends: '23:00' };
const late = { name: 'Phase 3', curfewWeeknights: '00:30', curfewWeekends: '01:30' };
const NY = 'America/New_York';

describe('curfew on a night', () => {
  test('Friday and Saturday nights are weekend nights', () => {
    // 2026-11-20 is a Friday
    expect(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'].map(isWeekendNight)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  test('a curfew before noon falls after midnight, on the next calendar day', () => {
    // Tuesday night 2026-11-17, 00:30 EST on the Wednesday
    expect(curfewInstant(late, '2026-11-17', NY).toISOString()).toBe('2026-11-18T05:30:00.000Z');
  });

  test('the same wall-clock curfew is an hour earlier in UTC after clocks spring forward', () => {
    // Monday 2026-03-02 (EST, UTC-5) and Monday 2026-03-09 (EDT, UTC-4)
    expect(curfewInstant(phase1, '2026-03-02', NY).toISOString()).toBe('2026-03-03T03:00:00.000Z');
    expect(curfewInstant(phase1, '2026-03-09', NY).toISOString()).toBe('2026-03-10T02:00:00.000Z');
  });

  test('the same instant is late by the house clock after spring forward and on time before', () => {
    const before = curfewStatus(phase1, new Date('2026-03-03T02:30:00Z'), NY);
    const after = curfewStatus(phase1, new Date('2026-03-10T02:30:00Z'), NY);
    expect(before).toMatchObject({ night: '2026-03-02', late: false, minutesLate: 0 });
    expect(after).toMatchObject({ night: '2026-03-09', late: true, minutesLate: 30 });
  });

  test('a curfew in the hour that does not exist moves forward by the gap, like a calendar', () => {
    // Saturday night 2026-03-07: 02:30 on Sunday 2026-03-08 never happens in New York
    const gap = { name: 'Weekend', curfewWeeknights: '23:00', curfewWeekends: '02:30' };
    expect(curfewInstant(gap, '2026-03-07', NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  test('when clocks fall back and the curfew time happens twice, the later one counts', () => {
    // Saturday night 2026-10-31: 01:30 on Sunday 2026-11-01 happens at 05:30Z (EDT) and 06:30Z (EST)
    expect(curfewInstant(late, '2026-10-31', NY).toISOString()).toBe('2026-11-01T06:30:00.000Z');
    // home at 01:10 on the second pass of the clock: on time
    expect(curfewStatus(late, new Date('2026-11-01T06:10:00Z'), NY)).toMatchObject({
      night: '2026-10-31',
      late: false,
    });
    expect(curfewStatus(late, new Date('2026-11-01T06:45:00Z'), NY)).toMatchObject({
      late: true,
      minutesLate: 15,
    });
  });

  test('lateness is read in the house timezone: one instant, two houses', () => {
    // 03:30Z on 2026-11-18 is 22:30 in New York and 21:30 in Chicago
    const arrival = new Date('2026-11-18T03:30:00Z');
    expect(curfewStatus(phase1, arrival, NY).late).toBe(true);
    expect(curfewStatus(phase1, arrival, 'America/Chicago').late).toBe(false);
  });

  test('an arrival before noon belongs to the previous night', () => {
    expect(nightOf(new Date('2026-11-18T06:00:00Z'), NY)).toBe('2026-11-17');
    expect(nightOf(new Date('2026-11-18T18:00:00Z'), NY)).toBe('2026-11-18');
  });
});

describe('phaseCreateInput', () => {
  const valid = {
    houseId: 'h1',
    name: 'Phase 1',
    curfewWeeknights: '22:00',
    curfewWeekends: '23:00',
    overnightPassesAllowed: false,
    passTypesAllowed: ['work', 'work', 'family'],
    minDaysBeforePasses: 30,
    dailyCheckIn: true,
    meetingsPerWeek: 5,
  };
  test('accepts a phase and drops repeated pass types', () => {
    expect(phaseCreateInput.parse(valid).passTypesAllowed).toEqual(['work', 'family']);
  });
  test.each([
    ['curfewWeeknights', '24:00'],
    ['curfewWeekends', '9pm'],
    ['passTypesAllowed', ['party']],
    ['minDaysBeforePasses', -1],
    ['meetingsPerWeek', 2.5],
    ['name', ' '],
  ])('refuses a bad %s, naming it', (field, value) => {
    const result = phaseCreateInput.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});
