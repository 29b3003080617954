import { z } from 'zod';
import { houseProcedure } from '../procedures';
import { router } from '../trpc';
import * as rules from '../services/rules';

export const rulesRouter = router({
  /** The rule book in force: for residents of the house and its staff. */
  current: houseProcedure('view')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => rules.currentRules(ctx)),

  history: houseProcedure('view')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => rules.ruleHistory(ctx)),
});
