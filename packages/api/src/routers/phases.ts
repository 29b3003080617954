import { z } from 'zod';
import { houseProcedure } from '../procedures';
import { router } from '../trpc';
import * as phases from '../services/phases';

export const phasesRouter = router({
  /** A house's phases with their curfews, pass rules and requirements: shared with its residents. */
  list: houseProcedure('view')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => phases.listPhases(ctx)),
});
