// Chore swaps: a resident asks another to take an occurrence (in exchange for
// one of theirs, or as a favour); the other accepts or declines; where the house
// asks for it, a manager approves. Each step is a transition checked here.
import { conflict } from '../errors';

export const SWAP_STATUSES = [
  'requested',
  'accepted',
  'approved',
  'declined',
  'rejected',
  'cancelled',
] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];

export const SWAP_STATUS_LABELS: Record<SwapStatus, string> = {
  requested: 'Waiting for an answer',
  accepted: 'Accepted, waiting for the manager',
  approved: 'Swapped',
  declined: 'Declined',
  rejected: 'Turned down by the manager',
  cancelled: 'Withdrawn',
};

export type SwapAction = 'accept' | 'decline' | 'approve' | 'reject' | 'cancel';

/** Open swaps hold their occurrences: they cannot be asked for again meanwhile. */
export function isOpenSwap(status: SwapStatus): boolean {
  return status === 'requested' || status === 'accepted';
}

/**
 * The status a swap moves to. Accepting a swap in a house that does not ask
 * for approval completes it at once; otherwise it waits for a manager.
 */
export function swapTransition(
  status: SwapStatus,
  action: SwapAction,
  options: { needsApproval: boolean },
): SwapStatus {
  const refuse = (message: string) => {
    throw conflict(message, 'swapId');
  };
  switch (action) {
    case 'accept':
      if (status !== 'requested') refuse('This swap is no longer waiting for an answer.');
      return options.needsApproval ? 'accepted' : 'approved';
    case 'decline':
      if (status !== 'requested') refuse('This swap is no longer waiting for an answer.');
      return 'declined';
    case 'cancel':
      if (!isOpenSwap(status)) refuse('This swap is already settled.');
      return 'cancelled';
    case 'approve':
    case 'reject':
      if (status !== 'accepted')
        refuse(
          status === 'requested'
            ? 'The other resident has not accepted this swap yet.'
            : 'This swap is already settled.',
        );
      return action === 'approve' ? 'approved' : 'rejected';
  }
}
