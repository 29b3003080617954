import * as z from 'zod';
import { drugTestConfirmInput, drugTestRecordInput, id, randomDrawInput } from '@porchlight/domain';
import { drugTestProcedure, houseProcedure, residentProcedure } from '../procedures';
import { router } from '../trpc';
import { pageInput } from '../services/pages';
import * as tests from '../services/drug-tests';

export const testsRouter = router({
  /** Records a drug or alcohol test of a resident of the house; a refusal counts as positive. */
  record: residentProcedure('staff')
    .input(drugTestRecordInput)
    .mutation(({ ctx, input }) => tests.recordTest(ctx, input)),

  /** A lab's confirmation of a test, kept beside the test as first recorded. */
  confirm: drugTestProcedure('staff')
    .input(drugTestConfirmInput)
    .mutation(({ ctx, input }) => tests.confirmTest(ctx, input)),

  /** One test with its confirmations: the resident and staff of their house; audited. */
  get: drugTestProcedure('owner-or-staff').query(({ ctx }) => tests.getTest(ctx)),

  /** The house's tests log, newest first; audited. */
  list: houseProcedure('manage')
    .input(z.strictObject({ houseId: id, residentId: id.optional(), ...pageInput }))
    .query(({ ctx, input }) => tests.listTests(ctx, input)),

  /** A resident's tests, for the resident and staff of their house; audited. */
  forResident: residentProcedure('self-or-staff')
    .input(z.strictObject({ residentId: id, ...pageInput }))
    .query(({ ctx, input }) => tests.residentTests(ctx, input)),

  /** Draws residents present in the house for random testing; the draw is recorded with its seed. */
  randomDraw: houseProcedure('manage')
    .input(randomDrawInput)
    .mutation(({ ctx, input }) => tests.randomDraw(ctx, input)),

  /** Past draws of the house, each re-run from its record to show it was random. */
  draws: houseProcedure('manage')
    .input(z.strictObject({ houseId: id, ...pageInput }))
    .query(({ ctx, input }) => tests.listDraws(ctx, input)),
});
