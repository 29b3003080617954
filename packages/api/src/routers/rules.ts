import { z } from 'zod';
import { acknowledgeInput } from '@porchlight/domain';
import { houseProcedure, residentSelfProcedure } from '../procedures';
import { router } from '../trpc';
import * as rules from '../services/rules';

export const rulesRouter = router({
  /** The rule book in force: for residents of the house and its staff. */
  current: houseProcedure('view')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => rules.currentRules(ctx)),

  /** A resident signs the version in force of their house's rule book with their typed name. */
  acknowledge: residentSelfProcedure
    .input(acknowledgeInput)
    .mutation(({ ctx, input }) => rules.acknowledgeRules(ctx, input)),

  history: houseProcedure('view')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => rules.ruleHistory(ctx)),
});
