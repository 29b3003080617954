import { describe, expect, test } from 'vitest';
import {
  monthsBetween,
  ratePerResidentMonth,
  residentNightsByMonth,
  violationRecordInput,
} from './violations';

describe('resident-months', () => {
  test('counts the nights of each stay in each month, start included, end excluded, none after today', () => {
    const nights = residentNightsByMonth(
      [
        { startDate: '2026-09-20', endDate: '2026-10-05' }, // 11 in Sep, 4 in Oct
        { startDate: '2026-10-31', endDate: null }, // 1 in Oct, 21 in Nov up to the 21st
        { startDate: '2025-01-01', endDate: '2025-02-01' }, // before the window
      ],
      monthsBetween('2026-09', '2026-11'),
      '2026-11-21',
    );
    expect([...nights]).toEqual([
      ['2026-09', 11],
      ['2026-10', 5],
      ['2026-11', 21],
    ]);
  });

  test('months run across the new year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  test('the rate is per thirty nights lived, and there is no rate without residents', () => {
    expect(ratePerResidentMonth(3, 300)).toBe(0.3);
    expect(ratePerResidentMonth(0, 300)).toBe(0);
    expect(ratePerResidentMonth(2, 0)).toBeNull();
  });
});

describe('violationRecordInput', () => {
  test('names the field that is wrong', () => {
    const result = violationRecordInput.safeParse({
      residentId: 'r1',
      ruleKey: 'curfew',
      occurredAt: '2026-11-21T23:10:00-05:00',
      description: '',
      consequence: { kind: 'warning' },
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['description']);
  });
});
