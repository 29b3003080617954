import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import type { ZodType } from 'zod';
import {
  BARC10_ITEMS,
  BARC10_RECOVERY_THRESHOLD,
  BARC10_SCALE,
  barc10Due,
  barc10Falling,
  barc10SubmitInput,
  barc10Total,
  barc10Trend,
} from './barc10';

/** Each issue's message keyed by its dotted path ('' for the value itself). */
function issuesOf(schema: ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]),
  );
}

const answerArb = fc.integer({ min: 1, max: 6 });
const tenAnswers = fc.array(answerArb, { minLength: 10, maxLength: 10 });

describe('the questionnaire', () => {
  test('has the ten published statements, in order', () => {
    expect(BARC10_ITEMS).toHaveLength(10);
    expect(BARC10_ITEMS[0]).toBe(
      'There are more important things to me in life than using substances.',
    );
    expect(BARC10_ITEMS[6]).toBe('My living space has helped to drive my recovery journey.');
    expect(BARC10_ITEMS[9]).toBe('I am making good progress on my recovery journey.');
  });

  test('rates each statement from strongly disagree (1) to strongly agree (6)', () => {
    expect(BARC10_SCALE.map((s) => s.value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(BARC10_SCALE.map((s) => s.label)).toEqual([
      'Strongly disagree',
      'Disagree',
      'Somewhat disagree',
      'Somewhat agree',
      'Agree',
      'Strongly agree',
    ]);
  });

  test('the recovery threshold is 47 of 60', () => {
    expect(BARC10_RECOVERY_THRESHOLD).toBe(47);
  });
});

describe('barc10SubmitInput', () => {
  test('accepts ten answers from 1 to 6', () => {
    const answers = [6, 5, 4, 3, 2, 1, 1, 2, 3, 4];
    expect(barc10SubmitInput.parse({ answers })).toEqual({ answers });
  });

  test('names the statement whose answer is wrong', () => {
    expect(issuesOf(barc10SubmitInput, { answers: [6, 5, 4, 0, 2, 1, 1, 2, 7, 4] })).toEqual({
      'answers.3': 'must be from 1 (strongly disagree) to 6 (strongly agree).',
      'answers.8': 'must be from 1 (strongly disagree) to 6 (strongly agree).',
    });
    expect(issuesOf(barc10SubmitInput, { answers: [6, 5, 4, 3, 2.5, 1, 1, 2, 3, 4] })).toEqual({
      'answers.4': 'must be a whole number.',
    });
  });

  test('requires all ten statements answered', () => {
    expect(issuesOf(barc10SubmitInput, { answers: [] })).toEqual({
      answers: 'must answer all 10 statements.',
    });
    expect(issuesOf(barc10SubmitInput, {})).toEqual({
      answers: 'must be a list of 10 answers.',
    });
  });

  test('rejects nine or eleven answers (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(answerArb, { minLength: 9, maxLength: 9 }),
          fc.array(answerArb, { minLength: 11, maxLength: 11 }),
        ),
        (answers) => {
          expect(issuesOf(barc10SubmitInput, { answers })).toEqual({
            answers: 'must answer all 10 statements.',
          });
        },
      ),
    );
  });

  test('rejects a 0 or a 7 anywhere, naming where (property)', () => {
    fc.assert(
      fc.property(tenAnswers, fc.nat({ max: 9 }), fc.constantFrom(0, 7), (answers, at, bad) => {
        const wrong = answers.map((a, i) => (i === at ? bad : a));
        expect(Object.keys(issuesOf(barc10SubmitInput, { answers: wrong }))).toEqual([
          `answers.${at}`,
        ]);
      }),
    );
  });
});

describe('the total', () => {
  test('adds the answers', () => {
    expect(barc10Total([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(10);
    expect(barc10Total([6, 6, 6, 6, 6, 6, 6, 6, 6, 6])).toBe(60);
    expect(barc10Total([5, 5, 5, 5, 5, 5, 5, 4, 4, 3])).toBe(46);
  });

  test('is always from 10 to 60 (property)', () => {
    fc.assert(
      fc.property(tenAnswers, (answers) => {
        const total = barc10Total(barc10SubmitInput.parse({ answers }).answers);
        expect(total).toBeGreaterThanOrEqual(10);
        expect(total).toBeLessThanOrEqual(60);
      }),
    );
  });

  test('refuses answers that are not ten from 1 to 6', () => {
    expect(() => barc10Total([6, 6, 6])).toThrow('answers must answer all 10 statements.');
    expect(() => barc10Total([6, 6, 6, 6, 6, 6, 6, 6, 6, 7])).toThrow(
      'answers must each be from 1 to 6.',
    );
  });
});

describe('when the BARC-10 is due', () => {
  test('a new resident’s first is due from the day they move in', () => {
    expect(barc10Due(null, '2026-03-01', '2026-03-04')).toEqual({
      due: false,
      dueOn: '2026-03-04',
    });
    expect(barc10Due(null, '2026-03-04', '2026-03-04')).toEqual({
      due: true,
      dueOn: '2026-03-04',
    });
    expect(barc10Due(null, '2026-05-20', '2026-03-04')).toEqual({
      due: true,
      dueOn: '2026-03-04',
    });
  });

  test('the next is due on the same day of the following month', () => {
    expect(barc10Due('2026-03-12', '2026-04-11', '2026-01-05')).toEqual({
      due: false,
      dueOn: '2026-04-12',
    });
    expect(barc10Due('2026-03-12', '2026-04-12', '2026-01-05')).toEqual({
      due: true,
      dueOn: '2026-04-12',
    });
    expect(barc10Due('2026-12-15', '2027-01-15', '2026-01-05').dueOn).toBe('2027-01-15');
  });

  test('a month too short for the day is due on its last day', () => {
    expect(barc10Due('2026-01-31', '2026-02-28', '2025-12-01')).toEqual({
      due: true,
      dueOn: '2026-02-28',
    });
    expect(barc10Due('2028-01-31', '2028-02-28', '2027-12-01')).toEqual({
      due: false,
      dueOn: '2028-02-29',
    });
  });

  test('is never due sooner than four weeks nor later than a month after the last (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (d) => {
          const last = d.toISOString().slice(0, 10);
          const { dueOn } = barc10Due(last, last, '2019-01-01');
          const gap = Temporal.PlainDate.from(last).until(dueOn).days;
          expect(gap).toBeGreaterThanOrEqual(28);
          expect(gap).toBeLessThanOrEqual(31);
        },
      ),
    );
  });
});

describe('which way the totals are going', () => {
  test('fewer than two totals tell nothing', () => {
    expect(barc10Trend([])).toBe('unknown');
    expect(barc10Trend([{ on: '2026-03-01', total: 40 }])).toBe('unknown');
  });

  test('a drop of three or more is falling, a rise of three or more rising, else steady', () => {
    const from = (total: number) => [
      { on: '2026-03-01', total: 40 },
      { on: '2026-04-01', total },
    ];
    expect(barc10Trend(from(37))).toBe('falling');
    expect(barc10Trend(from(30))).toBe('falling');
    expect(barc10Trend(from(38))).toBe('steady');
    expect(barc10Trend(from(40))).toBe('steady');
    expect(barc10Trend(from(42))).toBe('steady');
    expect(barc10Trend(from(43))).toBe('rising');
    expect(barc10Falling(from(37))).toBe(true);
    expect(barc10Falling(from(38))).toBe(false);
    expect(barc10Falling(from(50))).toBe(false);
  });

  test('compares the latest with the one just before, whatever order they come in', () => {
    const totals = [
      { on: '2026-05-01', total: 44 },
      { on: '2026-01-01', total: 20 },
      { on: '2026-04-01', total: 48 },
    ];
    expect(barc10Trend(totals)).toBe('falling');
    expect(barc10Falling(totals)).toBe(true);
  });
});
