import { TRPCError } from '@trpc/server';
import * as z from 'zod';
import { eq, schema } from '@porchlight/db';
import {
  admitInput,
  moveOutInput,
  planMoveOutInput,
  residentIntakeInput,
  residentListInput,
  residentUpdateInput,
  transferInput,
} from '@porchlight/domain';
import { bedProcedure, houseProcedure, residentProcedure } from '../procedures';
import { authedProcedure, router } from '../trpc';
import * as residents from '../services/residents';
import { pageInput } from '../services/pages';

export const residentsRouter = router({
  list: houseProcedure('manage')
    .input(residentListInput.extend(pageInput))
    .query(({ ctx, input }) => residents.listResidents(ctx, input)),

  get: residentProcedure('self-or-staff')
    .input(z.strictObject({ residentId: z.string() }))
    .query(({ ctx }) => residents.getResident(ctx)),

  me: authedProcedure
    .meta({ access: 'a signed-in resident: their own record' })
    .query(async ({ ctx }) => {
      const residentId = ctx.actor.memberships.find((m) => m.role === 'resident')?.residentId;
      if (!residentId)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'You have no resident record.' });
      const resident = await ctx.db
        .select()
        .from(schema.residents)
        .where(eq(schema.residents.id, residentId))
        .get();
      if (!resident)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'You have no resident record.' });
      return residents.getResident({ ...ctx, resident });
    }),

  intake: houseProcedure('manage')
    .input(residentIntakeInput)
    .mutation(({ ctx, input }) => residents.intakeResident(ctx, input)),

  update: residentProcedure('staff')
    .input(residentUpdateInput)
    .mutation(({ ctx, input }) => residents.updateResident(ctx, input)),

  admit: bedProcedure
    .input(admitInput)
    .mutation(({ ctx, input }) => residents.admitResident(ctx, input)),

  transfer: residentProcedure('staff')
    .input(transferInput)
    .mutation(({ ctx, input }) => residents.transferResident(ctx, input)),

  planMoveOut: residentProcedure('staff')
    .input(planMoveOutInput)
    .mutation(({ ctx, input }) => residents.planMoveOut(ctx, input)),

  moveOut: residentProcedure('staff')
    .input(moveOutInput)
    .mutation(({ ctx, input }) => residents.moveOutResident(ctx, input)),
});
