import * as z from 'zod';
import { id, mentorNoteInput, mentorshipEndInput, mentorshipPairInput } from '@porchlight/domain';
import { housePowerProcedure, mentorshipProcedure, residentSelfProcedure } from '../procedures';
import { router } from '../trpc';
import * as mentorship from '../services/mentorship';

export const mentorshipRouter = router({
  /** Staff, or the house's chair, pair a newcomer with a senior resident. */
  pair: housePowerProcedure('chair')
    .input(mentorshipPairInput)
    .mutation(({ ctx, input }) => mentorship.pair(ctx, input)),

  end: mentorshipProcedure('chair')
    .input(mentorshipEndInput)
    .mutation(({ ctx, input }) => mentorship.endPairing(ctx, input)),

  /** The mentor's short note of a check-in with their mentee. */
  logNote: mentorshipProcedure('mentor')
    .input(mentorNoteInput)
    .mutation(({ ctx, input }) => mentorship.logNote(ctx, input)),

  /** The house's pairings, now and before. */
  list: housePowerProcedure('chair')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => mentorship.housePairings(ctx)),

  /** The residents living in the house, longest first, to pair. */
  candidates: housePowerProcedure('chair')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => mentorship.pairingCandidates(ctx)),

  /** The resident's pairings as mentor and as mentee. */
  mine: residentSelfProcedure.query(({ ctx }) => mentorship.myPairings(ctx)),
});
