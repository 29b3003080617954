import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkVotes, motionOutcome, quorumOf, votesNeeded } from './motions';

describe('votesNeeded', () => {
  test('a simple majority is more than half of those present: a tie fails', () => {
    expect(votesNeeded('majority', 8)).toBe(5);
    expect(votesNeeded('majority', 7)).toBe(4);
    expect(votesNeeded('majority', 1)).toBe(1);
  });

  test('two thirds and 80% are reached exactly at the fraction', () => {
    expect(votesNeeded('two_thirds', 9)).toBe(6);
    expect(votesNeeded('two_thirds', 8)).toBe(6);
    expect(votesNeeded('two_thirds', 3)).toBe(2);
    expect(votesNeeded('eighty_percent', 10)).toBe(8);
    expect(votesNeeded('eighty_percent', 7)).toBe(6);
    expect(votesNeeded('eighty_percent', 5)).toBe(4);
  });

  test('the votes needed are the smallest share of those present at or over the threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (present) => {
        const two = votesNeeded('two_thirds', present);
        expect(3 * two).toBeGreaterThanOrEqual(2 * present);
        expect(3 * (two - 1)).toBeLessThan(2 * present);
        const eighty = votesNeeded('eighty_percent', present);
        expect(5 * eighty).toBeGreaterThanOrEqual(4 * present);
        expect(5 * (eighty - 1)).toBeLessThan(4 * present);
        const half = votesNeeded('majority', present);
        expect(2 * half).toBeGreaterThan(present);
        expect(2 * (half - 1)).toBeLessThanOrEqual(present);
      }),
    );
  });
});

describe('motionOutcome', () => {
  test('a tie does not pass', () => {
    expect(motionOutcome('majority', { for: 4, against: 4, abstain: 0 }, 8, 8).result).toBe(
      'failed',
    );
  });

  test('abstentions count against passing: they are present and not for', () => {
    expect(motionOutcome('majority', { for: 4, against: 1, abstain: 3 }, 8, 8).result).toBe(
      'failed',
    );
    expect(motionOutcome('majority', { for: 5, against: 0, abstain: 3 }, 8, 8).result).toBe(
      'passed',
    );
  });

  test('admitting a member takes 80% of those present', () => {
    expect(motionOutcome('eighty_percent', { for: 8, against: 2, abstain: 0 }, 10, 10).result).toBe(
      'passed',
    );
    expect(motionOutcome('eighty_percent', { for: 7, against: 1, abstain: 2 }, 10, 10).result).toBe(
      'failed',
    );
  });

  test('without a quorum (more than half the members in the room) nothing is decided', () => {
    expect(quorumOf(8)).toBe(5);
    expect(quorumOf(7)).toBe(4);
    expect(motionOutcome('majority', { for: 4, against: 0, abstain: 0 }, 4, 8)).toMatchObject({
      result: 'no_quorum',
      quorum: 5,
    });
    expect(motionOutcome('majority', { for: 5, against: 0, abstain: 0 }, 5, 8).result).toBe(
      'passed',
    );
  });
});

describe('checkVotes', () => {
  test('votes cannot outnumber those present', () => {
    expect(checkVotes({ for: 5, against: 3, abstain: 1 }, 8)).toMatch(/more than the 8/);
    expect(checkVotes({ for: 5, against: 3, abstain: 0 }, 8)).toBeNull();
  });
});
