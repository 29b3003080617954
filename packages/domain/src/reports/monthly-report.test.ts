import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  milestonesReached,
  monthDays,
  monthlyHouseReportInput,
  reportSpan,
  shiftMonth,
} from './monthly-report';

describe('report months', () => {
  it('accepts YYYY-MM and names the month when it is anything else', () => {
    expect(monthlyHouseReportInput.safeParse({ houseId: 'h', month: '2026-03' }).success).toBe(
      true,
    );
    for (const month of ['2026-3', '2026-13', '2026-00', '2026-03-01', 'March']) {
      const parsed = monthlyHouseReportInput.safeParse({ houseId: 'h', month });
      expect(parsed.success, month).toBe(false);
      expect(parsed.error?.issues[0]?.path, month).toEqual(['month']);
    }
  });

  it('steps across the new year and knows each month’s last day', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(monthDays('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
  });

  it('covers a past month whole and the current month up to today', () => {
    expect(reportSpan('2026-02', '2026-03-10', '2025-06-01')).toEqual({
      month: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
      days: 28,
      partial: false,
    });
    expect(reportSpan('2026-03', '2026-03-10', '2025-06-01')).toEqual({
      month: '2026-03',
      from: '2026-03-01',
      to: '2026-03-10',
      days: 10,
      partial: true,
    });
  });

  it('refuses a month to come and a month before the house’s records, naming month', () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      return null;
    };
    const future = refusal(() => reportSpan('2026-04', '2026-03-10', '2025-06-01'));
    expect(future).toBeInstanceOf(DomainError);
    expect(future).toMatchObject({ field: 'month', code: 'BAD_REQUEST' });
    expect((future as DomainError).message).toMatch(/^month cannot be in the future/);
    const before = refusal(() => reportSpan('2025-05', '2026-03-10', '2025-06-14'));
    expect(before).toMatchObject({ field: 'month', code: 'BAD_REQUEST' });
    expect((before as DomainError).message).toMatch(/first month is 2025-06/);
    // the month the records begin in is a month of the house
    expect(reportSpan('2025-06', '2026-03-10', '2025-06-14').days).toBe(30);
  });
});

describe('milestones in a month', () => {
  it('counts sobriety milestones reached while living in the house', () => {
    const counts = milestonesReached(
      [
        // 30 days on 2026-03-05, 60 days on 2026-04-04
        { sobrietyDate: '2026-02-03', stays: [{ startDate: '2025-11-01', endDate: null }] },
        // 6 months on 2026-03-15, but moved out on the 10th
        { sobrietyDate: '2025-09-15', stays: [{ startDate: '2025-10-01', endDate: '2026-03-10' }] },
        // no sobriety date: nothing to count
        { sobrietyDate: null, stays: [{ startDate: '2025-01-01', endDate: null }] },
      ],
      '2026-03-01',
      '2026-03-31',
    );
    expect(counts).toEqual({ sobriety: 1, stay: 0, residents: 1 });
  });

  it('counts days in the house from the move-in of a run of stays, not from a move to another bed', () => {
    const counts = milestonesReached(
      [
        {
          sobrietyDate: null,
          // moved in 2026-02-01, changed beds on the 20th: 30 days in the house on 2026-03-03
          stays: [
            { startDate: '2026-02-20', endDate: null },
            { startDate: '2026-02-01', endDate: '2026-02-20' },
          ],
        },
        // came back on 2026-03-01 after a month away: 30 days on the 31st
        {
          sobrietyDate: null,
          stays: [
            { startDate: '2025-12-01', endDate: '2026-01-31' },
            { startDate: '2026-03-01', endDate: null },
          ],
        },
      ],
      '2026-03-01',
      '2026-03-31',
    );
    expect(counts).toEqual({ sobriety: 0, stay: 2, residents: 2 });
  });
});
