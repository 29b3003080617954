import { describe, expect, test } from 'vitest';
import { agendaKey, DEFAULT_AGENDA, inTheRoom, nextMeetings, scheduledMeetings } from './meetings';

describe('scheduledMeetings', () => {
  const sunday7pm = { weekday: 7, time: '19:00' };

  test('19:00 stays 19:00 on the house clock across the spring change', () => {
    // US clocks go forward on Sunday 2026-03-08
    const m = scheduledMeetings(sunday7pm, '2026-03-01', '2026-03-15', 'America/Chicago');
    expect(m.map((x) => x.date)).toEqual(['2026-03-01', '2026-03-08', '2026-03-15']);
    expect(m.map((x) => x.startsAt.toISOString())).toEqual([
      '2026-03-02T01:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
  });

  test('and across the autumn change', () => {
    // back on Sunday 2026-11-01
    const m = scheduledMeetings(sunday7pm, '2026-10-25', '2026-11-01', 'America/Chicago');
    expect(m.map((x) => x.startsAt.toISOString())).toEqual([
      '2026-10-26T00:00:00.000Z',
      '2026-11-02T01:00:00.000Z',
    ]);
  });

  test('the next meetings start after now, the one under way today is passed over', () => {
    const now = new Date('2026-03-09T00:30:00Z'); // 19:30 in Chicago on Sunday the 8th
    expect(nextMeetings(sunday7pm, now, 'America/Chicago', 2).map((m) => m.date)).toEqual([
      '2026-03-15',
      '2026-03-22',
    ]);
  });
});

describe('the agenda', () => {
  test('follows the Oxford House order of business', () => {
    expect(DEFAULT_AGENDA.map((i) => i.key)).toEqual([
      'call_to_order',
      'roll_call',
      'reading',
      'minutes',
      'treasurer',
      'comptroller',
      'chores',
      'old_business',
      'new_business',
      'adjourn',
    ]);
    expect(DEFAULT_AGENDA.find((i) => i.key === 'old_business')?.reports).toEqual(['action_items']);
  });

  test('keys for new items are stable and never clash', () => {
    expect(agendaKey('Pet policy!', new Set())).toBe('pet_policy');
    expect(agendaKey('Pet policy', new Set(['pet_policy']))).toBe('pet_policy_2');
  });
});

describe('inTheRoom', () => {
  test('present and late residents vote; excused and absent ones do not', () => {
    expect(['present', 'late', 'excused', 'unexcused'].map((s) => inTheRoom(s as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
