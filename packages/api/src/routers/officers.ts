import * as z from 'zod';
import { endTermInput, id, officeCreateInput, termPolicyInput } from '@porchlight/domain';
import { houseProcedure, housePowerProcedure, officeProcedure, termProcedure } from '../procedures';
import { router } from '../trpc';
import * as officers from '../services/officers';

export const officersRouter = router({
  /** The house's offices, who holds each today, and who did before. */
  list: houseProcedure('view')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => officers.listOfficers(ctx)),

  createOffice: housePowerProcedure('chair')
    .input(officeCreateInput)
    .mutation(({ ctx, input }) => officers.createOffice(ctx, input)),

  retireOffice: officeProcedure('chair')
    .input(z.strictObject({ officeId: id }))
    .mutation(({ ctx }) => officers.retireOffice(ctx)),

  updatePolicy: housePowerProcedure('chair')
    .input(termPolicyInput)
    .mutation(({ ctx, input }) => officers.updateTermPolicy(ctx, input)),

  /** An officer steps down (or leaves): their term ends early, with the reason. */
  endTerm: termProcedure('chair')
    .input(endTermInput)
    .mutation(({ ctx, input }) => officers.endTerm(ctx, input)),
});
