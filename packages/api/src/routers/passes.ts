import * as z from 'zod';
import {
  id,
  passDecideInput,
  passIdInput,
  passRequestInput,
  passReturnInput,
  requiredText,
} from '@porchlight/domain';
import { houseProcedure, passProcedure, residentSelfProcedure } from '../procedures';
import { router } from '../trpc';
import { pageInput } from '../services/pages';
import * as passes from '../services/passes';

export const passesRouter = router({
  /** A resident asks for a pass; their phase decides what they may ask for. */
  request: residentSelfProcedure
    .input(passRequestInput)
    .mutation(({ ctx, input }) => passes.requestPass(ctx, input)),

  /** Staff of the house approve or decline a request, with a reason for a decline. */
  decide: passProcedure('staff')
    .input(passDecideInput)
    .mutation(({ ctx, input }) => passes.decidePass(ctx, input)),

  /** The resident withdraws a request, or an approved pass before leaving. */
  cancel: passProcedure('owner')
    .input(passIdInput)
    .mutation(({ ctx }) => passes.cancelPass(ctx)),

  /** "I'm back", from the resident; or staff record the return afterwards. */
  markReturned: passProcedure('owner-or-staff')
    .input(passReturnInput)
    .mutation(({ ctx, input }) => passes.markReturned(ctx, input)),

  /** A late return the manager chooses not to make a violation, with the reason. */
  excuseLate: passProcedure('staff')
    .input(z.strictObject({ passId: id, reason: requiredText(500) }))
    .mutation(({ ctx, input }) => passes.excuseLateReturn(ctx, input)),

  get: passProcedure('owner-or-staff')
    .input(passIdInput)
    .query(({ ctx }) => passes.getPass(ctx)),

  /** Requests to decide, who is out (overdue first), late returns to deal with. */
  board: houseProcedure('manage')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => passes.passBoard(ctx)),

  list: houseProcedure('manage')
    .input(
      z.strictObject({
        houseId: id,
        status: z.enum(['requested', 'approved', 'declined', 'cancelled']).optional(),
        residentId: id.optional(),
        ...pageInput,
      }),
    )
    .query(({ ctx, input }) => passes.listPasses(ctx, input)),

  /** A resident's own passes and what their phase allows. */
  mine: residentSelfProcedure
    .input(z.strictObject({ ...pageInput }).default({ limit: 50 }))
    .query(({ ctx, input }) => passes.myPasses(ctx, input)),
});
