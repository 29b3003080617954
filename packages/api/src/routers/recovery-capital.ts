import * as z from 'zod';
import { barc10SubmitInput, id } from '@porchlight/domain';
import { residentProcedure, residentSelfProcedure } from '../procedures';
import { router } from '../trpc';
import * as recoveryCapital from '../services/recovery-capital';

export const recoveryCapitalRouter = router({
  /** The resident's own BARC-10: ten answers from 1 to 6. */
  submit: residentSelfProcedure
    .input(barc10SubmitInput)
    .mutation(({ ctx, input }) => recoveryCapital.submitSurvey(ctx, input)),

  /** A resident's surveys, trend and when the next is due: the resident and their house's staff. */
  history: residentProcedure('self-or-staff')
    .input(z.strictObject({ residentId: id }))
    .query(({ ctx }) => recoveryCapital.surveyHistory(ctx)),
});
