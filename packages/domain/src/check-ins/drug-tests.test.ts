import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ZodType } from 'zod';
import {
  countsAsPositive,
  DRUG_TEST_METHOD_LABELS,
  DRUG_TEST_METHODS,
  DRUG_TEST_RESULT_LABELS,
  DRUG_TEST_RESULTS,
  DRUG_TEST_TYPE_LABELS,
  DRUG_TEST_TYPES,
  drugTestConfirmInput,
  drugTestRecordInput,
  effectiveResult,
  LAB_RESULTS,
  SUBSTANCE_LABELS,
  SUBSTANCES,
} from './drug-tests';

/** Each issue's message keyed by its dotted path ('' for the value itself). */
function issuesOf(schema: ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]),
  );
}

const negativeCup = {
  residentId: 'resident-1',
  type: 'random',
  method: 'urine_cup',
  panel: ['cocaine', 'opiates', 'marijuana'],
  result: 'negative',
};

describe('labels', () => {
  test('every type, method, result and substance has a plain-English label', () => {
    for (const t of DRUG_TEST_TYPES) expect(DRUG_TEST_TYPE_LABELS[t]).toBeTruthy();
    for (const m of DRUG_TEST_METHODS) expect(DRUG_TEST_METHOD_LABELS[m]).toBeTruthy();
    for (const r of DRUG_TEST_RESULTS) expect(DRUG_TEST_RESULT_LABELS[r]).toBeTruthy();
    for (const s of SUBSTANCES) expect(SUBSTANCE_LABELS[s]).toBeTruthy();
    expect(DRUG_TEST_TYPE_LABELS.post_pass).toBe('After a pass');
    expect(DRUG_TEST_TYPE_LABELS.court_ordered).toBe('Court-ordered');
    expect(DRUG_TEST_METHOD_LABELS.urine_cup).toBe('Urine cup');
    expect(DRUG_TEST_METHOD_LABELS.breathalyser).toBe('Breathalyser');
    expect(DRUG_TEST_RESULT_LABELS.refused).toBe('Refused');
  });

  test('a lab can report every result except a refusal', () => {
    expect(LAB_RESULTS).toEqual(DRUG_TEST_RESULTS.filter((r) => r !== 'refused'));
  });
});

describe('drugTestRecordInput', () => {
  test('accepts a negative test with nothing found, defaulting positiveFor to none', () => {
    expect(drugTestRecordInput.parse(negativeCup)).toEqual({ ...negativeCup, positiveFor: [] });
  });

  test('a positive result must name what was found', () => {
    expect(issuesOf(drugTestRecordInput, { ...negativeCup, result: 'positive' })).toEqual({
      positiveFor: 'must name at least one substance when the result is positive.',
    });
    expect(
      drugTestRecordInput.parse({ ...negativeCup, result: 'positive', positiveFor: ['cocaine'] })
        .positiveFor,
    ).toEqual(['cocaine']);
  });

  test('a result other than positive names nothing found', () => {
    for (const result of ['negative', 'dilute', 'refused', 'invalid'] as const) {
      expect(
        issuesOf(drugTestRecordInput, { ...negativeCup, result, positiveFor: ['cocaine'] }),
      ).toEqual({ positiveFor: 'must be empty unless the result is positive.' });
    }
  });

  test('what was found must have been on the panel, naming what was not', () => {
    expect(
      issuesOf(drugTestRecordInput, {
        ...negativeCup,
        result: 'positive',
        positiveFor: ['cocaine', 'fentanyl', 'pcp'],
      }),
    ).toEqual({
      positiveFor: 'must only name substances on the panel: Fentanyl, PCP were not tested for.',
    });
    expect(
      issuesOf(drugTestRecordInput, {
        ...negativeCup,
        result: 'positive',
        positiveFor: ['alcohol'],
      }),
    ).toEqual({
      positiveFor: 'must only name substances on the panel: Alcohol was not tested for.',
    });
  });

  test('the panel names at least one substance, each once', () => {
    expect(issuesOf(drugTestRecordInput, { ...negativeCup, panel: [] })).toEqual({
      panel: 'must name at least one substance tested for.',
    });
    expect(
      issuesOf(drugTestRecordInput, { ...negativeCup, panel: ['cocaine', 'opiates', 'cocaine'] }),
    ).toEqual({ panel: 'must not name a substance twice.' });
    expect(issuesOf(drugTestRecordInput, { ...negativeCup, panel: ['coffee'] })).toEqual({
      'panel.0': 'must be one of the listed substances.',
    });
  });

  test('positiveFor names each substance once', () => {
    expect(
      issuesOf(drugTestRecordInput, {
        ...negativeCup,
        result: 'positive',
        positiveFor: ['cocaine', 'cocaine'],
      }),
    ).toEqual({ positiveFor: 'must not name a substance twice.' });
  });

  test('rejects unknown types, methods and results, and fields it does not know', () => {
    expect(
      issuesOf(drugTestRecordInput, {
        ...negativeCup,
        type: 'weekly',
        method: 'hair',
        result: 'maybe',
      }),
    ).toEqual({
      type: 'must be one of the listed test types.',
      method: 'must be one of the listed methods.',
      result: 'must be one of the listed results.',
    });
    expect(drugTestRecordInput.safeParse({ ...negativeCup, houseId: 'h' }).success).toBe(false);
  });

  test('a test written up afterwards carries when the sample was taken, with its offset', () => {
    const parsed = drugTestRecordInput.parse({
      ...negativeCup,
      collectedAt: '2026-11-22T09:15:00-05:00',
    });
    expect(parsed.collectedAt?.toISOString()).toBe('2026-11-22T14:15:00.000Z');
    expect(issuesOf(drugTestRecordInput, { ...negativeCup, collectedAt: '2026-11-22' })).toEqual({
      collectedAt: 'must be a date and time.',
    });
    expect(
      issuesOf(drugTestRecordInput, { ...negativeCup, collectedAt: '2026-11-22T09:15:00' }),
    ).toEqual({ collectedAt: 'must be a date and time.' });
  });

  test('trims the witness and notes, and treats blank ones as absent', () => {
    const parsed = drugTestRecordInput.parse({ ...negativeCup, witness: '  Sam  ', notes: ' ' });
    expect(parsed.witness).toBe('Sam');
    expect(parsed.notes).toBeUndefined();
  });

  test('any positive result naming substances from the panel is accepted (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...SUBSTANCES), { minLength: 1 }),
        fc.nat(),
        (panel, pick) => {
          const found = panel.filter((_, i) => i === pick % panel.length || i % 2 === 1);
          const parsed = drugTestRecordInput.safeParse({
            ...negativeCup,
            panel,
            result: 'positive',
            positiveFor: found,
          });
          expect(parsed.success).toBe(true);
        },
      ),
    );
  });
});

describe('drugTestConfirmInput', () => {
  const confirmation = { testId: 'test-1', result: 'negative', lab: 'Quest Diagnostics' };

  test('accepts a lab result naming the lab', () => {
    expect(drugTestConfirmInput.parse(confirmation)).toEqual({ ...confirmation, positiveFor: [] });
  });

  test('requires the lab', () => {
    expect(issuesOf(drugTestConfirmInput, { ...confirmation, lab: '  ' })).toEqual({
      lab: 'is required.',
    });
  });

  test('a lab never reports a refusal', () => {
    expect(issuesOf(drugTestConfirmInput, { ...confirmation, result: 'refused' })).toEqual({
      result: 'must be negative, positive, dilute or invalid.',
    });
  });

  test('a positive confirmation names what was found, any other names nothing', () => {
    expect(issuesOf(drugTestConfirmInput, { ...confirmation, result: 'positive' })).toEqual({
      positiveFor: 'must name at least one substance when the result is positive.',
    });
    expect(issuesOf(drugTestConfirmInput, { ...confirmation, positiveFor: ['fentanyl'] })).toEqual({
      positiveFor: 'must be empty unless the result is positive.',
    });
    expect(
      drugTestConfirmInput.parse({ ...confirmation, result: 'positive', positiveFor: ['fentanyl'] })
        .positiveFor,
    ).toEqual(['fentanyl']);
  });
});

describe('what counts as positive', () => {
  test('a positive result and a refusal count; nothing else does', () => {
    expect(DRUG_TEST_RESULTS.filter(countsAsPositive)).toEqual(['positive', 'refused']);
  });
});

describe('the result that stands', () => {
  const at = (iso: string) => new Date(iso);

  test('without a lab confirmation, the test’s own result stands', () => {
    expect(effectiveResult({ result: 'positive' }, [])).toBe('positive');
    expect(effectiveResult({ result: 'refused' }, [])).toBe('refused');
  });

  test('a lab confirmation overrides the cup', () => {
    expect(
      effectiveResult({ result: 'positive' }, [
        { result: 'negative', recordedAt: at('2026-11-25T10:00:00Z') },
      ]),
    ).toBe('negative');
  });

  test('the latest confirmation stands, whatever order they are given in', () => {
    const first = { result: 'invalid' as const, recordedAt: at('2026-11-25T10:00:00Z') };
    const second = { result: 'positive' as const, recordedAt: at('2026-11-28T10:00:00Z') };
    expect(effectiveResult({ result: 'dilute' }, [first, second])).toBe('positive');
    expect(effectiveResult({ result: 'dilute' }, [second, first])).toBe('positive');
  });

  test('the latest confirmation stands (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DRUG_TEST_RESULTS),
        fc.array(
          fc.record({
            result: fc.constantFrom(...LAB_RESULTS),
            recordedAt: fc.date({ noInvalidDate: true }),
          }),
          { minLength: 1 },
        ),
        (own, confirmations) => {
          const latest = Math.max(...confirmations.map((c) => c.recordedAt.getTime()));
          const standing = effectiveResult({ result: own }, confirmations);
          expect(
            confirmations.filter((c) => c.recordedAt.getTime() === latest).map((c) => c.result),
          ).toContain(standing);
        },
      ),
    );
  });
});
