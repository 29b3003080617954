import { describe, expect, it } from 'vitest';
import type { DayStatus } from '../check-ins/policy';
import {
  dayFigures,
  dayIsFinal,
  figuresHorizon,
  overviewWindows,
  ratesOf,
  sumOver,
  weeklyTrend,
  ZERO_COUNTS,
  type DayFigures,
} from './portfolio';

const at = new Date('2026-03-01T12:00:00Z');
function status(daily: DayStatus['daily']['status'], curfew: DayStatus['curfew']['status']) {
  return {
    date: '2026-03-01',
    daily: { status: daily, dueAt: at },
    curfew: { status: curfew, window: null },
  } satisfies DayStatus;
}
const day = (date: string, counts: Partial<DayFigures> = {}): DayFigures => ({
  ...ZERO_COUNTS,
  date,
  ...counts,
});

describe('day figures', () => {
  it('count check-ins as the compliance rule does: late ones made, open and excused ones left out', () => {
    const f = dayFigures({
      date: '2026-03-01',
      statuses: [status('done', 'late'), status('missed', 'away'), status('due', 'not_required')],
      chores: [],
      stays: [],
      violations: 0,
    });
    expect(f).toMatchObject({ checkInsRequired: 3, checkInsMade: 2, checkInsOnTime: 1 });
  });

  it('count the move-in night and not the move-out night', () => {
    const f = dayFigures({
      date: '2026-03-01',
      statuses: [],
      chores: [],
      stays: [
        { startDate: '2026-03-01', endDate: null },
        { startDate: '2026-02-01', endDate: '2026-03-01' },
        { startDate: '2026-02-01', endDate: '2026-03-02' },
        { startDate: '2026-03-02', endDate: null },
      ],
      violations: 1,
    });
    expect(f.nights).toBe(2);
    expect(f.violations).toBe(1);
  });

  it('count chores past their day, done or not, and leave out what is still due', () => {
    const f = dayFigures({
      date: '2026-03-01',
      statuses: [],
      chores: [
        { date: '2026-03-01', status: 'verified' },
        { date: '2026-03-01', status: 'done' },
        { date: '2026-03-01', status: 'missed' },
        { date: '2026-03-01', status: 'due' },
        { date: '2026-03-01', status: 'unassigned' },
      ],
      stays: [],
      violations: 0,
    });
    expect(f).toMatchObject({
      choresAssigned: 3,
      choresDone: 2,
      choresVerified: 1,
      choresMissed: 1,
    });
  });

  it('are final only when nothing that day is still open', () => {
    expect(dayIsFinal([status('done', 'missed')])).toBe(true);
    expect(dayIsFinal([status('done', 'due')])).toBe(false);
  });
});

describe('overview windows', () => {
  it('read compliance over whole days up to yesterday, chores over four weeks with today, violations over this month and the two before', () => {
    const w = overviewWindows('2026-03-10');
    expect(w.checkIns7).toEqual({ from: '2026-03-03', to: '2026-03-09' });
    expect(w.checkIns30).toEqual({ from: '2026-02-08', to: '2026-03-09' });
    expect(w.chores28).toEqual({ from: '2026-02-11', to: '2026-03-10' });
    expect(w.violations).toEqual({ from: '2026-01-01', to: '2026-03-10' });
    expect(overviewWindows('2026-02-10').violations.from).toBe('2025-12-01');
    // Tuesday 10 March: twelve whole weeks, Monday 15 December to Sunday 8 March
    expect(w.trend).toEqual({ from: '2025-12-15', to: '2026-03-08' });
    expect(figuresHorizon('2026-03-10')).toBe('2025-12-15');
  });
});

describe('summing', () => {
  it('adds counts inside the window only and takes rates of the sums', () => {
    const days = [
      day('2026-03-01', { checkInsRequired: 2, checkInsMade: 1, nights: 30, violations: 1 }),
      day('2026-03-02', { checkInsRequired: 2, checkInsMade: 2, nights: 30, violations: 1 }),
      day('2026-03-03', { checkInsRequired: 100, checkInsMade: 0 }),
    ];
    const total = sumOver(days, { from: '2026-03-01', to: '2026-03-02' });
    expect(total.checkInsRequired).toBe(4);
    expect(ratesOf(total)).toEqual({ checkIns: 0.75, chores: null, violationsPerResidentMonth: 1 });
  });

  it('draws twelve whole weeks, Monday to Sunday, with occupancy as nights over bed-nights', () => {
    const days = [
      day('2026-03-02', { nights: 3 }),
      day('2026-03-08', { nights: 4 }),
      // this week is not drawn until it is over
      day('2026-03-09', { nights: 4 }),
    ];
    const weeks = weeklyTrend(days, 4, '2026-03-11');
    expect(weeks).toHaveLength(12);
    const last = weeks.at(-1);
    expect(last?.weekStart).toBe('2026-03-02');
    expect(last?.days).toBe(7);
    expect(last?.occupancy).toBe(7 / 28);
    expect(weeks[0]?.weekStart).toBe('2025-12-15');
    expect(weeks[0]?.occupancy).toBe(0);
  });
});
