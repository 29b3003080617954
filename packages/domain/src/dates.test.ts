import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  daysBetween,
  instantAt,
  isLocalDate,
  isValidTimeZone,
  localDateAt,
} from './dates';

describe('localDateAt', () => {
  test('reads the New York date on the night clocks spring forward (8 March 2026)', () => {
    // 04:30Z is 23:30 EST on the 7th; 06:30Z is 01:30 EST on the 8th, before the 07:00Z change.
    expect(localDateAt(new Date('2026-03-08T04:30:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(localDateAt(new Date('2026-03-08T06:30:00Z'), 'America/New_York')).toBe('2026-03-08');
  });

  test('uses daylight time for New York midnight after clocks spring forward', () => {
    // 03:30Z is 23:30 EDT on the 8th; 04:30Z is 00:30 EDT on the 9th (still the 8th in EST).
    expect(localDateAt(new Date('2026-03-09T03:30:00Z'), 'America/New_York')).toBe('2026-03-08');
    expect(localDateAt(new Date('2026-03-09T04:30:00Z'), 'America/New_York')).toBe('2026-03-09');
  });

  test('reads the New York date on the night clocks fall back (1 November 2026)', () => {
    // 03:30Z is 23:30 EDT on 31 October; 05:30Z is 01:30 EDT on 1 November.
    expect(localDateAt(new Date('2026-11-01T03:30:00Z'), 'America/New_York')).toBe('2026-10-31');
    expect(localDateAt(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    // 06:30Z is 01:30 EST, the second time the clock shows 01:30 that night.
    expect(localDateAt(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01');
  });

  test('uses standard time for New York midnight after clocks fall back', () => {
    // 04:30Z is 23:30 EST on the 1st (already the 2nd in EDT); 05:30Z is 00:30 EST on the 2nd.
    expect(localDateAt(new Date('2026-11-02T04:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(localDateAt(new Date('2026-11-02T05:30:00Z'), 'America/New_York')).toBe('2026-11-02');
  });

  test('Auckland is a day ahead of UTC after its midnight in summer (UTC+13)', () => {
    const beforeAucklandMidnight = new Date('2026-01-15T10:30:00Z');
    const afterAucklandMidnight = new Date('2026-01-15T11:30:00Z');
    expect(localDateAt(beforeAucklandMidnight, 'Pacific/Auckland')).toBe('2026-01-15');
    expect(localDateAt(afterAucklandMidnight, 'Pacific/Auckland')).toBe('2026-01-16');
    expect(localDateAt(afterAucklandMidnight, 'UTC')).toBe('2026-01-15');
  });

  test('Auckland is a day ahead of UTC after its midnight in winter (UTC+12)', () => {
    const beforeAucklandMidnight = new Date('2026-07-15T11:30:00Z');
    const afterAucklandMidnight = new Date('2026-07-15T12:30:00Z');
    expect(localDateAt(beforeAucklandMidnight, 'Pacific/Auckland')).toBe('2026-07-15');
    expect(localDateAt(afterAucklandMidnight, 'Pacific/Auckland')).toBe('2026-07-16');
    expect(localDateAt(afterAucklandMidnight, 'UTC')).toBe('2026-07-15');
  });

  test('one instant can be three different years apart across houses at New Year', () => {
    const instant = new Date('2025-12-31T23:30:00Z');
    expect(localDateAt(instant, 'Pacific/Auckland')).toBe('2026-01-01');
    expect(localDateAt(instant, 'UTC')).toBe('2025-12-31');
    expect(localDateAt(instant, 'America/New_York')).toBe('2025-12-31');
  });

  test('rejects a timezone that does not exist', () => {
    expect(() => localDateAt(new Date('2026-03-12T12:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('localDateAt, with the days it keeps', () => {
  const direct = (instant: Date, timeZone: string) =>
    Temporal.Instant.fromEpochMilliseconds(instant.getTime())
      .toZonedDateTimeISO(timeZone)
      .toPlainDate()
      .toString();
  // Santiago's clocks change at midnight, Lord Howe's by half an hour, Apia skipped a day
  const zones = [
    'America/New_York',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Pacific/Apia',
    'Asia/Kolkata',
    'UTC',
  ];

  test('gives what Temporal gives, in any order, across daylight-saving changes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...zones),
            // 2011 (Apia's skipped day) to 2027, to the minute and across the edges of days
            fc.integer({ min: 1_293_840_000_000, max: 1_830_297_600_000 }),
            fc.integer({ min: -3, max: 3 }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (asks) => {
          for (const [zone, ms, hours] of asks) {
            // near the last answer in the same zone, so kept days are asked again
            const instant = new Date(ms + hours * 3_600_000);
            expect(localDateAt(instant, zone)).toBe(direct(instant, zone));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('is right on both sides of a midnight that a clock change skips', () => {
    // Santiago, 2026-09-06: 00:00 became 01:00 (UTC-4 → UTC-3)
    for (const iso of [
      '2026-09-06T03:59:59.999Z',
      '2026-09-06T04:00:00Z',
      '2026-09-07T02:59:59.999Z',
      '2026-09-07T03:00:00Z',
      '2026-09-05T12:00:00Z',
      '2026-09-06T12:00:00Z',
    ]) {
      const instant = new Date(iso);
      expect(localDateAt(instant, 'America/Santiago'), iso).toBe(
        direct(instant, 'America/Santiago'),
      );
    }
  });
});

describe('addDays', () => {
  test('steps over the spring-forward day in the United States', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
  });

  test('steps over the fall-back day in the United States', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
  });

  test('steps back over a daylight-saving change', () => {
    expect(addDays('2026-03-09', -1)).toBe('2026-03-08');
    expect(addDays('2026-11-02', -2)).toBe('2026-10-31');
  });

  test('crosses month, leap-day and year boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  test('adding zero days gives the same date', () => {
    expect(addDays('2026-03-08', 0)).toBe('2026-03-08');
  });

  test('adds 90 days across the spring change', () => {
    expect(addDays('2026-01-15', 90)).toBe('2026-04-15');
  });
});

describe('daysBetween', () => {
  test('counts whole days across the spring-forward change', () => {
    // The 23-hour day still counts as a day.
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  test('counts whole days across the fall-back change', () => {
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  test('is zero for the same date', () => {
    expect(daysBetween('2026-03-08', '2026-03-08')).toBe(0);
  });

  test('is negative when the second date is earlier', () => {
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });

  test('counts years in days, including leap days', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  test('undoes addDays for any date and any number of days', () => {
    const dateArb = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => localDateAt(d, 'UTC'));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -2000, max: 2000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });
});

describe('isLocalDate', () => {
  test('accepts real dates written YYYY-MM-DD, including leap days', () => {
    expect(isLocalDate('2026-03-12')).toBe(true);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2000-02-29')).toBe(true);
  });

  test('rejects dates that do not exist or are written another way', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('1900-02-29')).toBe(false);
    expect(isLocalDate('2026-04-31')).toBe(false);
    expect(isLocalDate('2026-3-12')).toBe(false);
    expect(isLocalDate(' 2026-03-12')).toBe(false);
  });

  test('agrees with addDays on every day of a leap year', () => {
    let date = '2024-01-01';
    for (let i = 0; i < 366; i += 1) {
      expect(isLocalDate(date), date).toBe(true);
      date = addDays(date, 1);
    }
    expect(date).toBe('2025-01-01');
  });
});

describe('isValidTimeZone', () => {
  test('accepts region/city zones and UTC', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Pacific/Auckland')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  test('rejects unknown zones and zone abbreviations', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('EST')).toBe(false);
    expect(isValidTimeZone('EST5EDT')).toBe(false);
  });
});

describe('instantAt', () => {
  test('reads a wall clock in the given timezone', () => {
    expect(instantAt('2026-01-15', 9, 30, 'America/New_York').toISOString()).toBe(
      '2026-01-15T14:30:00.000Z',
    );
    expect(instantAt('2026-07-15', 9, 30, 'America/New_York').toISOString()).toBe(
      '2026-07-15T13:30:00.000Z',
    );
  });
  test('resolves a time skipped by spring-forward to the later reading', () => {
    // 02:30 does not exist in New York on 2026-03-08; it resolves to 03:30 EDT
    expect(instantAt('2026-03-08', 2, 30, 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });
  test('resolves a time read twice at fall-back to the later reading', () => {
    // 01:30 happens twice in New York on 2026-11-01; the later is 01:30 EST
    expect(instantAt('2026-11-01', 1, 30, 'America/New_York').toISOString()).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });
});
