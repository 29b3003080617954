// Motions and votes at a house meeting: who moved and seconded, the threshold,
// and the result. Votes are counted against the residents present, as Oxford
// Houses do: someone present who does not vote for a motion counts against its
// passing, so abstaining is never a way to let a motion through.
import * as z from 'zod';
import { id, optionalText, requiredText } from '../schemas';

export const MOTION_THRESHOLDS = ['majority', 'two_thirds', 'eighty_percent'] as const;
export type MotionThreshold = (typeof MOTION_THRESHOLDS)[number];

export const MOTION_THRESHOLD_LABELS: Record<MotionThreshold, string> = {
  majority: 'Simple majority (more than half of those present)',
  two_thirds: 'Two thirds of those present',
  eighty_percent: '80% of those present (admitting a member)',
};

export const MOTION_RESULTS = ['passed', 'failed', 'no_quorum'] as const;
export type MotionResult = (typeof MOTION_RESULTS)[number];

export const MOTION_RESULT_LABELS: Record<MotionResult, string> = {
  passed: 'Passed',
  failed: 'Did not pass',
  no_quorum: 'No quorum: not voted on',
};

export interface VoteCount {
  for: number;
  against: number;
  abstain: number;
}

export interface MotionOutcome {
  result: MotionResult;
  /** Votes for needed to pass, with everyone present counted. */
  needed: number;
  present: number;
  /** Members needed in the room for a vote to count. */
  quorum: number;
}

/** The fraction of those present a threshold asks for, as a ratio of whole numbers. */
const RATIOS: Record<MotionThreshold, { num: number; den: number; strict: boolean }> = {
  // more than half: 4 of 8 is a tie and fails, 5 of 8 passes
  majority: { num: 1, den: 2, strict: true },
  // at least two thirds: 6 of 9 passes
  two_thirds: { num: 2, den: 3, strict: false },
  // at least 80%: 8 of 10 passes, 7 of 10 does not
  eighty_percent: { num: 4, den: 5, strict: false },
};

/** The fewest votes for that pass a motion with `present` residents in the room. */
export function votesNeeded(threshold: MotionThreshold, present: number): number {
  const { num, den, strict } = RATIOS[threshold];
  // whole-number arithmetic: no rounding error at the edges
  return strict
    ? Math.floor((present * num) / den) + 1
    : Math.floor((present * num + den - 1) / den);
}

/** A quorum is more than half of the house's members. */
export function quorumOf(members: number): number {
  return Math.floor(members / 2) + 1;
}

/**
 * The result of a vote. Without a quorum nothing is decided; otherwise the
 * votes for are measured against everyone present (abstentions and those who
 * did not vote count as not for).
 */
export function motionOutcome(
  threshold: MotionThreshold,
  votes: VoteCount,
  present: number,
  members: number,
): MotionOutcome {
  const quorum = quorumOf(members);
  const needed = votesNeeded(threshold, present);
  if (present < quorum) return { result: 'no_quorum', needed, present, quorum };
  return { result: votes.for >= needed ? 'passed' : 'failed', needed, present, quorum };
}

/** Votes cannot outnumber the residents present. */
export function checkVotes(votes: VoteCount, present: number): string | null {
  const cast = votes.for + votes.against + votes.abstain;
  if (cast > present) return `add up to ${cast}, more than the ${present} residents present.`;
  return null;
}

const count = z
  .number({ error: 'must be a number.' })
  .int('must be a whole number.')
  .min(0, 'cannot be negative.')
  .max(500, 'must be at most 500.');

export const MOTION_KINDS = ['general', 'election', 'admit_member', 'minutes'] as const;
export type MotionKind = (typeof MOTION_KINDS)[number];

export const motionRecordInput = z
  .strictObject({
    meetingId: id,
    text: requiredText(1000),
    kind: z.enum(MOTION_KINDS, { error: 'must be one of the kinds of motion.' }).default('general'),
    movedBy: id,
    secondedBy: id.optional(),
    threshold: z.enum(MOTION_THRESHOLDS, { error: 'must be one of the thresholds.' }),
    votesFor: count,
    votesAgainst: count,
    votesAbstain: count,
    note: optionalText(500),
    // an election: who is elected to which office, from when to when
    election: z
      .strictObject({
        officeId: id,
        residentId: id,
        startDate: z.string().optional(),
        endDate: z.string().optional(),
      })
      .optional(),
  })
  .superRefine((v, issue) => {
    if (v.secondedBy !== undefined && v.secondedBy === v.movedBy)
      issue.addIssue({
        code: 'custom',
        path: ['secondedBy'],
        message: 'must be someone other than the resident who moved it.',
      });
    if (v.kind === 'election' && v.election === undefined)
      issue.addIssue({
        code: 'custom',
        path: ['election'],
        message: 'is required for an election: the office and who is elected.',
      });
  });
export type MotionRecordInput = z.infer<typeof motionRecordInput>;
