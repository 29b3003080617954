import * as z from 'zod';
import { id } from '@porchlight/domain';
import { houseProcedure, residentProcedure, residentSelfProcedure } from '../procedures';
import { router } from '../trpc';
import * as support from '../services/support';

export const milestonesRouter = router({
  /** The resident's own milestones: reached, recent and next. */
  mine: residentSelfProcedure.query(({ ctx }) => support.milestonesOf(ctx, ctx.resident)),

  forResident: residentProcedure('self-or-staff')
    .input(z.strictObject({ residentId: id }))
    .query(({ ctx }) => support.milestonesOf(ctx, ctx.resident)),

  /** Milestones of this week to celebrate, of the residents who agreed to have them shown. */
  house: houseProcedure('view')
    .input(z.strictObject({ houseId: id }))
    .query(({ ctx }) => support.houseCelebrations(ctx, ctx.house)),
});
