import * as z from 'zod';
import {
  id,
  violationIdInput,
  violationListInput,
  violationRecordInput,
  violationRespondInput,
  violationVoidInput,
} from '@porchlight/domain';
import {
  houseProcedure,
  orgProcedure,
  residentProcedure,
  residentSelfProcedure,
  violationProcedure,
} from '../procedures';
import { router } from '../trpc';
import { pageInput } from '../services/pages';
import * as violations from '../services/violations';

export const violationsRouter = router({
  /** Staff record a breach of a rule the resident signed, with a consequence that rule disclosed. */
  record: residentProcedure('staff')
    .input(violationRecordInput)
    .mutation(({ ctx, input }) => violations.recordViolation(ctx, input)),

  /** The rules that can be applied to a resident: those of the version they signed. */
  applicableRules: residentProcedure('staff')
    .input(z.strictObject({ residentId: id }))
    .query(({ ctx }) => violations.applicableRules(ctx)),

  /** The resident answers in writing. */
  respond: violationProcedure('owner')
    .input(violationRespondInput)
    .mutation(({ ctx, input }) => violations.respondToViolation(ctx, input)),

  /** Staff void a wrong violation with a reason; it stays visible and leaves the counts. */
  void: violationProcedure('staff')
    .input(violationVoidInput)
    .mutation(({ ctx, input }) => violations.voidViolation(ctx, input)),

  get: violationProcedure('owner-or-staff')
    .input(violationIdInput)
    .query(({ ctx }) => violations.getViolation(ctx)),

  list: houseProcedure('manage')
    .input(violationListInput.extend(pageInput))
    .query(({ ctx, input }) => violations.listViolations(ctx, input)),

  /** A resident's own violations. */
  mine: residentSelfProcedure
    .input(z.strictObject({ ...pageInput }).default({ limit: 50 }))
    .query(({ ctx, input }) => violations.myViolations(ctx, input)),

  /** Violations per resident-month by house, category, month and manager. */
  rates: orgProcedure
    .input(
      z
        .strictObject({
          organisationId: id.optional(),
          months: z.number().int().min(1).max(24).default(6),
        })
        .default({ months: 6 }),
    )
    .query(({ ctx, input }) => violations.violationRates(ctx, input)),
});
