import { describe, expect, test } from 'vitest';
import { auditListInput, isActionArea, prefixRange } from './audit';

/** Each issue's message keyed by its dotted path. */
function issuesOf(input: unknown): Record<string, string> {
  const result = auditListInput.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]),
  );
}

describe('auditListInput', () => {
  test('needs no filter, pages 50 at a time and reads days in UTC unless told', () => {
    expect(auditListInput.parse({})).toEqual({ limit: 50, timeZone: 'UTC' });
  });

  test('takes one day as a range, and refuses a range that ends before it starts, on the to field', () => {
    expect(issuesOf({ from: '2026-03-12', to: '2026-03-12' })).toEqual({});
    expect(issuesOf({ from: '2026-03-12', to: '2026-03-11' })).toEqual({
      to: 'must be on or after the from date.',
    });
  });

  test('names each malformed filter', () => {
    expect(
      issuesOf({
        from: '12/03/2026',
        action: 'drop table',
        recordType: 'Drug Test',
        timeZone: 'Mars/Olympus',
        cursor: '-1',
        limit: 201,
      }),
    ).toEqual({
      from: 'must be a date like 2026-03-12.',
      action: 'must be an action such as tests.read, or an area such as tests. (with the dot).',
      recordType: 'must be a kind of record such as drug_test.',
      timeZone: 'must be an IANA timezone such as America/Chicago.',
      cursor: 'is not a valid cursor.',
      limit: 'must be from 1 to 200.',
    });
  });

  test('takes an action or a whole area of actions', () => {
    expect(issuesOf({ action: 'tests.read' })).toEqual({});
    expect(issuesOf({ action: 'tests.' })).toEqual({});
    expect(isActionArea('tests.')).toBe(true);
    expect(isActionArea('tests.read')).toBe(false);
  });
});

describe('prefixRange', () => {
  test('covers exactly the text that starts with the prefix', () => {
    const { from, below } = prefixRange('tests.');
    const inside = (s: string) => s >= from && s < below;
    expect(['tests.', 'tests.read', 'tests.randomDraw'].every(inside)).toBe(true);
    expect(['tests', 'testsuite.x', 'tests/', 'violations.read'].some(inside)).toBe(false);
  });
});
