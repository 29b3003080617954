import { describe, expect, test } from 'vitest';
import { PEER_RUN_TERMS, officesHeldOn, type Term, termEnd, termProblem } from './officers';

const term = (over: Partial<Term>): Term => ({
  officeId: 'secretary',
  residentId: 'ana',
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  ...over,
});

describe('termEnd', () => {
  test('six months from a start ends the day before the same date six months on', () => {
    expect(termEnd('2026-01-01', 6)).toBe('2026-06-30');
    expect(termEnd('2026-08-31', 6)).toBe('2027-02-27');
  });
});

describe('termProblem', () => {
  test('a term of six months is allowed; a day longer is not', () => {
    expect(termProblem(term({}), [], PEER_RUN_TERMS)).toBeNull();
    expect(termProblem(term({ endDate: '2026-07-01' }), [], PEER_RUN_TERMS)).toMatchObject({
      field: 'endDate',
    });
  });

  test('the same resident cannot take the office again straight after their term', () => {
    const before = term({ startDate: '2025-07-01', endDate: '2025-12-31' });
    expect(termProblem(term({}), [before], PEER_RUN_TERMS)).toMatchObject({
      field: 'residentId',
    });
    // someone else may; and with a term between, the first may come back
    expect(termProblem(term({ residentId: 'ben' }), [before], PEER_RUN_TERMS)).toBeNull();
    const between = term({ residentId: 'ben', startDate: '2026-01-01', endDate: '2026-06-30' });
    expect(
      termProblem(
        term({ startDate: '2026-07-01', endDate: '2026-12-31' }),
        [before, between],
        PEER_RUN_TERMS,
      ),
    ).toBeNull();
  });

  test('a house may allow consecutive terms and longer ones', () => {
    const before = term({ startDate: '2025-07-01', endDate: '2025-12-31' });
    expect(
      termProblem(term({ endDate: '2026-12-31' }), [before], {
        maxMonths: 12,
        consecutiveAllowed: true,
      }),
    ).toBeNull();
  });

  test('two residents cannot hold one office at once', () => {
    const current = term({ residentId: 'ben', startDate: '2026-03-01', endDate: '2026-08-31' });
    expect(termProblem(term({}), [current], PEER_RUN_TERMS)).toMatchObject({ field: 'startDate' });
  });
});

describe('officesHeldOn', () => {
  test('counts a term from its first day to its last', () => {
    const t = [term({})];
    expect(officesHeldOn(t, 'ana', '2026-01-01')).toHaveLength(1);
    expect(officesHeldOn(t, 'ana', '2026-06-30')).toHaveLength(1);
    expect(officesHeldOn(t, 'ana', '2026-07-01')).toHaveLength(0);
    expect(officesHeldOn(t, 'ben', '2026-03-01')).toHaveLength(0);
  });
});
