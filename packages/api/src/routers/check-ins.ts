import * as z from 'zod';
import {
  checkInCorrectInput,
  checkInPolicyInput,
  checkInRecordInput,
  curfewCheckInInput,
  id,
  localDate,
  locationSharingInput,
  signInInput,
  signOutInput,
} from '@porchlight/domain';
import {
  houseProcedure,
  residentProcedure,
  residentSelfProcedure,
  signOutProcedure,
} from '../procedures';
import { router } from '../trpc';
import { pageInput } from '../services/pages';
import * as checkIns from '../services/check-ins';

export const checkInsRouter = router({
  /** A resident's own daily check-in: mood and craving, the rest optional. */
  record: residentSelfProcedure
    .input(checkInRecordInput)
    .mutation(({ ctx, input }) => checkIns.recordCheckIn(ctx, input)),

  /** "I'm home", inside the window around the resident's curfew; late is recorded as late. */
  curfew: residentSelfProcedure
    .input(curfewCheckInInput)
    .mutation(({ ctx, input }) => checkIns.recordCurfewCheckIn(ctx, input)),

  /** A correction of the resident's own daily check-in; the original stays on record. */
  correct: residentSelfProcedure
    .input(checkInCorrectInput)
    .mutation(({ ctx, input }) => checkIns.correctCheckIn(ctx, input)),

  signOut: residentSelfProcedure
    .input(signOutInput)
    .mutation(({ ctx, input }) => checkIns.signOut(ctx, input)),

  /** Back from a sign-out: the resident, or staff of the house who saw them come in. */
  signIn: signOutProcedure('owner-or-staff')
    .input(signInInput)
    .mutation(({ ctx }) => checkIns.signIn(ctx)),

  /** Today, the open sign-out, the curfew window and the resident's record in numbers. */
  mine: residentSelfProcedure.query(({ ctx }) => checkIns.mine(ctx)),

  /** A resident's check-ins, newest first, with corrections (locations for staff only). */
  history: residentProcedure('self-or-staff')
    .input(z.strictObject({ residentId: id, ...pageInput }))
    .query(({ ctx, input }) => checkIns.history(ctx, input)),

  /** Streak, compliance over 7 and 30 days, mood and craving by day, meetings by week. */
  summary: residentProcedure('self-or-staff')
    .input(
      z.strictObject({
        residentId: id,
        weeks: z.number().int().min(1).max(52).default(12),
      }),
    )
    .query(({ ctx, input }) => checkIns.summary(ctx, ctx.resident, input)),

  /** The house's day: who is due, done, late, missed or away, and who is out now. */
  board: houseProcedure('manage')
    .input(z.strictObject({ houseId: id, date: localDate.optional() }))
    .query(({ ctx, input }) => checkIns.board(ctx, input)),

  updatePolicy: houseProcedure('manage')
    .input(checkInPolicyInput)
    .mutation(({ ctx, input }) =>
      checkIns.updatePolicy(ctx, {
        dailyCheckInBy: input.dailyCheckInBy,
        curfewWindowBefore: input.curfewWindowBefore,
        curfewGrace: input.curfewGrace,
      }),
    ),

  /** The resident's own setting: attach location to check-ins, for their house's staff. */
  setLocationSharing: residentSelfProcedure
    .input(locationSharingInput)
    .mutation(({ ctx, input }) => checkIns.setLocationSharing(ctx, input)),
});
