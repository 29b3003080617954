import * as z from 'zod';
import {
  bedCreateInput,
  houseCreateInput,
  houseUpdateInput,
  localDate,
  roomCreateInput,
} from '@porchlight/domain';
import { bedProcedure, houseProcedure, operatorProcedure } from '../procedures';
import { authedProcedure, router } from '../trpc';
import * as houses from '../services/houses';
import { pageInput } from '../services/pages';

export const housesRouter = router({
  list: authedProcedure
    .meta({ access: 'anyone signed in: the houses they may see' })
    .input(z.strictObject(pageInput).optional())
    .query(({ ctx, input }) =>
      houses.listHouses(ctx, { limit: input?.limit ?? 50, cursor: input?.cursor }),
    ),

  get: houseProcedure('view')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => {
      const { id, organisationId, name, address, timezone, narrLevel, capacity } = ctx.house;
      return {
        id,
        organisationId,
        name,
        address,
        timezone,
        narrLevel,
        capacity,
        today: houses.houseToday(ctx, ctx.house),
      };
    }),

  board: houseProcedure('manage')
    .input(z.strictObject({ houseId: z.string() }))
    .query(({ ctx }) => houses.houseBoard(ctx)),

  create: operatorProcedure
    .input(houseCreateInput)
    .mutation(({ ctx, input }) => houses.createHouse(ctx, input)),

  update: houseProcedure('operate')
    .input(houseUpdateInput)
    .mutation(({ ctx, input }) => {
      const { houseId: _id, ...fields } = input;
      return houses.updateHouse(ctx, fields);
    }),

  addRoom: houseProcedure('manage')
    .input(roomCreateInput)
    .mutation(({ ctx, input }) => houses.addRoom(ctx, input.name)),

  addBed: houseProcedure('manage')
    .input(bedCreateInput)
    .mutation(({ ctx, input }) => houses.addBed(ctx, input.roomId, input.label)),

  bedHistory: bedProcedure
    .input(z.strictObject({ bedId: z.string() }))
    .query(({ ctx }) => houses.bedHistory(ctx)),

  occupantsOn: houseProcedure('manage')
    .input(z.strictObject({ houseId: z.string(), date: localDate }))
    .query(({ ctx, input }) => houses.occupantsOn(ctx, input.date)),
});
