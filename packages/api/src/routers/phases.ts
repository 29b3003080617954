import * as z from 'zod';
import { phaseAssignInput, phaseCreateInput, phaseUpdateInput } from '@porchlight/domain';
import { houseProcedure, residentProcedure } from '../procedures';
import { router } from '../trpc';
import * as phases from '../services/phases';

export const phasesRouter = router({
  /** A house's phases with their curfews, pass rules and requirements: shared with its residents. */
  list: houseProcedure('view')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => phases.listPhases(ctx)),

  create: houseProcedure('manage')
    .input(phaseCreateInput)
    .mutation(({ ctx, input }) => phases.createPhase(ctx, input)),

  update: houseProcedure('manage')
    .input(phaseUpdateInput)
    .mutation(({ ctx, input }) => phases.updatePhase(ctx, input)),

  /** Moves a resident to another phase of their house, recording who decided, when and why. */
  assign: residentProcedure('staff')
    .input(phaseAssignInput)
    .mutation(({ ctx, input }) => phases.assignPhase(ctx, input)),
});
