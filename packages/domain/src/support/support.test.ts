import { describe, expect, test } from 'vitest';
import { milestonesAround, sobrietyMilestones, stayMilestones } from './milestones';
import { shareCreateInput, shareState, shareUntilProblem } from './sharing';
import { pillarState, recencyOf, supportMemberInput } from './support';

describe('recency and pillars', () => {
  test('contact this week, this month, lapsed, never', () => {
    expect(recencyOf('2026-03-10', '2026-03-17')).toBe('this_week');
    expect(recencyOf('2026-03-09', '2026-03-17')).toBe('this_month');
    expect(recencyOf('2026-02-14', '2026-03-17')).toBe('lapsed');
    expect(recencyOf(null, '2026-03-17')).toBe('never');
  });

  test('a pillar is empty, thin (nobody in touch this month) or alive', () => {
    const members = [
      {
        id: '1',
        pillar: 'family_friends' as const,
        kind: 'parent' as const,
        lastContact: '2026-03-15',
      },
      {
        id: '2',
        pillar: 'professional' as const,
        kind: 'counsellor' as const,
        lastContact: '2026-01-02',
      },
    ];
    expect(pillarState(members, 'family_friends', '2026-03-17')).toBe('alive');
    expect(pillarState(members, 'professional', '2026-03-17')).toBe('thin');
    expect(pillarState(members, 'community', '2026-03-17')).toBe('empty');
  });

  test('a member names a kind, and any phone or email given must be one', () => {
    expect(
      supportMemberInput.safeParse({
        residentId: 'r',
        name: 'Ana',
        kind: 'sponsor',
        phone: 'call me',
      }).error?.issues[0]?.path,
    ).toEqual(['phone']);
    // a blank email is no email, not an invalid one
    expect(
      supportMemberInput.parse({ residentId: 'r', name: 'Ana', kind: 'sponsor', email: '' }).email,
    ).toBeUndefined();
  });
});

describe('milestones', () => {
  test('sobriety: 24 hours, 30, 60, 90 days, 6 and 9 months, a year, then yearly', () => {
    const m = sobrietyMilestones('2024-01-31', '2026-02-01').map((x) => [x.label, x.date]);
    expect(m).toEqual([
      ['24 hours', '2024-02-01'],
      ['30 days', '2024-03-01'],
      ['60 days', '2024-03-31'],
      ['90 days', '2024-04-30'],
      ['6 months', '2024-07-31'],
      // calendar months: the last day of a shorter month
      ['9 months', '2024-10-31'],
      ['1 year', '2025-01-31'],
      ['2 years', '2026-01-31'],
    ]);
  });

  test('stay: 30, 60 and 90 days in the house', () => {
    expect(stayMilestones('2026-03-01').map((m) => m.date)).toEqual([
      '2026-03-31',
      '2026-04-30',
      '2026-05-30',
    ]);
  });

  test('around today: the next of each kind, and those reached this week to celebrate', () => {
    const around = milestonesAround(
      { sobrietyDate: '2026-01-01', moveIn: '2026-02-01' },
      '2026-03-03',
    );
    expect(around.recent.map((m) => m.label)).toEqual(['60 days', '30 days in the house']);
    expect(around.next.map((m) => m.label)).toEqual(['90 days', '60 days in the house']);
    expect(milestonesAround({ sobrietyDate: null, moveIn: null }, '2026-03-03')).toEqual({
      reached: [],
      next: [],
      recent: [],
    });
  });
});

describe('sharing', () => {
  const share = {
    recipientName: 'Dana Cruz',
    recipientRelationship: 'Probation officer',
    purpose: 'Show I keep to my programme.',
    fields: ['check_in_compliance'],
    until: '2026-06-30',
    agreed: true,
  };

  test('needs at least one part, a purpose, and the resident’s agreement', () => {
    expect(shareCreateInput.safeParse({ ...share, fields: [] }).error?.issues[0]?.path).toEqual([
      'fields',
    ]);
    expect(shareCreateInput.safeParse({ ...share, agreed: false }).error?.issues[0]?.path).toEqual([
      'agreed',
    ]);
    expect(shareCreateInput.safeParse({ ...share, purpose: ' ' }).error?.issues[0]?.path).toEqual([
      'purpose',
    ]);
    expect(shareCreateInput.safeParse({ ...share, fields: ['notes'] }).success).toBe(false);
  });

  test('lasts at most a year and never starts in the past', () => {
    expect(shareUntilProblem('2026-03-01', '2026-03-02')).toMatch(/past/);
    expect(shareUntilProblem('2027-03-03', '2026-03-02')).toMatch(/365/);
    expect(shareUntilProblem('2027-03-02', '2026-03-02')).toBeNull();
  });

  test('answers until the end of its last day, and never once revoked', () => {
    expect(shareState({ revokedAt: null, until: '2026-03-02' }, '2026-03-02')).toBe('active');
    expect(shareState({ revokedAt: null, until: '2026-03-01' }, '2026-03-02')).toBe('expired');
    expect(shareState({ revokedAt: new Date(), until: '2026-03-09' }, '2026-03-02')).toBe(
      'revoked',
    );
  });
});
