import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { swapTransition } from './swaps';

describe('swapTransition', () => {
  test('accepting completes a swap where no approval is asked, and waits for one where it is', () => {
    expect(swapTransition('requested', 'accept', { needsApproval: false })).toBe('approved');
    expect(swapTransition('requested', 'accept', { needsApproval: true })).toBe('accepted');
    expect(swapTransition('accepted', 'approve', { needsApproval: true })).toBe('approved');
    expect(swapTransition('accepted', 'reject', { needsApproval: true })).toBe('rejected');
  });

  test('the asker can withdraw an open swap; a settled one stays as it is', () => {
    expect(swapTransition('requested', 'cancel', { needsApproval: true })).toBe('cancelled');
    expect(swapTransition('accepted', 'cancel', { needsApproval: true })).toBe('cancelled');
    for (const settled of ['approved', 'declined', 'rejected', 'cancelled'] as const)
      expect(() => swapTransition(settled, 'cancel', { needsApproval: true })).toThrow(DomainError);
  });

  test('a manager cannot approve before the other resident accepts', () => {
    expect(() => swapTransition('requested', 'approve', { needsApproval: true })).toThrow(
      /has not accepted/,
    );
  });

  test('an answer is given once', () => {
    expect(() => swapTransition('declined', 'accept', { needsApproval: false })).toThrow(
      /no longer waiting/,
    );
  });
});
