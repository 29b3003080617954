import * as z from 'zod';
import {
  grievanceDecideInput,
  grievanceEscalateInput,
  grievanceFileInput,
  grievanceIdInput,
  id,
} from '@porchlight/domain';
import { grievanceProcedure, houseProcedure, residentSelfProcedure } from '../procedures';
import { router } from '../trpc';
import { pageInput } from '../services/pages';
import * as grievances from '../services/grievances';

export const grievancesRouter = router({
  /** A resident files a grievance, about a violation or anything else, with their house manager. */
  file: residentSelfProcedure
    .input(grievanceFileInput)
    .mutation(({ ctx, input }) => grievances.fileGrievance(ctx, input)),

  /** Staff at the grievance's step decide it with a reason; only an operator decides at the operator step. */
  decide: grievanceProcedure('staff')
    .input(grievanceDecideInput)
    .mutation(({ ctx, input }) => grievances.decideGrievance(ctx, input)),

  /** The resident takes a house manager's decision to the operator. */
  escalate: grievanceProcedure('owner')
    .input(grievanceEscalateInput)
    .mutation(({ ctx, input }) => grievances.escalateGrievance(ctx, input)),

  /** The resident accepts the decision, closing the grievance. */
  accept: grievanceProcedure('owner')
    .input(grievanceIdInput)
    .mutation(({ ctx }) => grievances.acceptGrievanceDecision(ctx)),

  withdraw: grievanceProcedure('owner')
    .input(grievanceIdInput)
    .mutation(({ ctx }) => grievances.withdrawGrievance(ctx)),

  get: grievanceProcedure('owner-or-staff')
    .input(grievanceIdInput)
    .query(({ ctx }) => grievances.getGrievance(ctx)),

  list: houseProcedure('manage')
    .input(
      z.strictObject({
        houseId: id,
        status: z.enum(['waiting', 'all']).default('all'),
        ...pageInput,
      }),
    )
    .query(({ ctx, input }) => grievances.listGrievances(ctx, input)),

  mine: residentSelfProcedure
    .input(z.strictObject({ ...pageInput }).default({ limit: 50 }))
    .query(({ ctx, input }) => grievances.myGrievances(ctx, input)),
});
